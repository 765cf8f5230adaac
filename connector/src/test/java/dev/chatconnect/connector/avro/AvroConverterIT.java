package dev.chatconnect.connector.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatconnect.connector.it.Await;
import dev.chatconnect.connector.it.ConnectClusterExtension;
import dev.chatconnect.connector.schema.OutboundMessageSchema;
import dev.chatconnect.emulator.EmulatorOptions;
import dev.chatconnect.emulator.mixer.MixerChannel;
import dev.chatconnect.schema.ChatEvent;
import dev.chatconnect.schema.OutboundMessage;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.utils.converter.AvroConverter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Avro contract end to end: the connectors on a real Connect worker with Apicurio's {@link AvroConverter} as
 * value converter in the Confluent wire format, against {@link InTestSchemaRegistry}. Consumers read the topic with a
 * plain byte-array consumer, the registry's schema for the id in each record, and the GENERATED classes.
 */
class AvroConverterIT extends ConnectClusterExtension {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String CONVERTER = AvroConverter.class.getName();

    private InTestSchemaRegistry registry;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Integer, Schema> schemasById = new HashMap<>();

    /** A record as a Confluent-format consumer sees it. */
    private record Decoded(String key, int schemaId, ChatEvent event, byte[] value) {
    }

    /** A message this test posted as a Mixer viewer. */
    private record Posted(long channel, String userName, long userId, String shownText, boolean action) {
    }

    @Override
    protected EmulatorOptions emulatorOptions() {
        return EmulatorOptions.builder().mixerChannelCount(0).trafficEventsPerSecond(0).build();
    }

    @BeforeAll
    void startRegistry() throws IOException {
        registry = new InTestSchemaRegistry();
    }

    @AfterAll
    void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void sourceRecordsAreConfluentAvroThatTheGeneratedClassesRead() throws Exception {
        List<Long> channels = newMixerChannels(2);
        String topic = "avro-mixer";
        Map<String, String> props = mixerSource(topic, channels, 1);
        props.put("value.converter", CONVERTER);
        props.putAll(registry.converterConfig("value.converter."));
        connect.configureConnector("avro-source", props);
        awaitRunning("avro-source", 1);
        awaitSocketsAuthenticated(channels);

        Instant start = Instant.now();
        Map<String, Posted> posted = new LinkedHashMap<>();
        Random random = new Random(11);
        for (long id : channels) {
            MixerChannel channel = emulator.mixer().channel(id);
            posted.put(channel.postMessage("alice", 501, "hello avro from " + id), new Posted(id, "alice", 501, "hello avro from " + id, false));
            posted.put(channel.postMessage("bob", 502, "/me waves at channel " + id), new Posted(id, "bob", 502, "waves at channel " + id, true));
            for (int i = 0; i < 5; i++) {
                channel.postRandomMessage(random);
            }
            channel.emitUserJoin("carol", 503);
            channel.emitPurge(502, "timeout");
            channel.emitPollStart();
        }

        List<Decoded> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, "avro-reader-" + System.nanoTime()), topic)) {
            Await.until(WAIT, () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> records.add(decode(r)));
                return channels.stream().allMatch(id -> messageIds(records, id).size() >= emulator.mixer().channel(id).messageCount()
                        && ofType(records, id, "poll_start").size() >= 1);
            }, () -> "every posted message and event decoded (have " + records.size() + " records)");
            long quiet = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < quiet) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> records.add(decode(r)));
            }
        }

        // one schema, registered once, under the TopicIdStrategy name; every record carries its content id
        List<InTestSchemaRegistry.Version> versions = registry.versions("default", topic + "-value");
        assertEquals(1, versions.size(), "one schema version: " + versions);
        Set<Integer> ids = records.stream().map(Decoded::schemaId).collect(Collectors.toSet());
        assertEquals(Set.of((int) versions.get(0).contentId()), ids, "every record names the registered content id");
        Schema registered = new Schema.Parser().parse(registry.content(versions.get(0).contentId()));
        assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(ChatEvent.getClassSchema(), registered).getType(),
                "the generated classes read the registered schema");

        for (Decoded record : records) {
            ChatEvent event = record.event();
            assertEquals("mixer", event.getPlatform());
            assertEquals("mixer:" + event.getChannelId(), record.key());
            assertFalse(event.getRaw().isEmpty(), "raw frame kept");
        }
        for (long id : channels) {
            assertEquals(emulator.mixer().channel(id).messageIds(), messageIds(records, id),
                    "channel " + id + ": every message exactly once, in order");
        }
        for (Map.Entry<String, Posted> entry : posted.entrySet()) {
            Posted sent = entry.getValue();
            ChatEvent event = records.stream().map(Decoded::event).filter(e -> entry.getKey().equals(e.getEventId()))
                    .findFirst().orElseThrow();
            assertEquals(Long.toString(sent.channel()), event.getChannelId());
            assertEquals("message", event.getEventType());
            assertEquals(sent.shownText(), event.getText(), "text as the emulator showed it");
            assertEquals(sent.userName(), event.getUser().getName());
            assertEquals(Long.toString(sent.userId()), event.getUser().getId());
            assertEquals(sent.action(), event.getFlags().getAction(), "/me");
            assertFalse(event.getFlags().getWhisper());
            assertTrue(event.getRaw().contains(entry.getKey()), "raw frame is the platform's frame");
            assertFalse(event.getReceivedAt().isBefore(start.minusSeconds(1)), "received_at is the receive time");
            assertEquals(sent.shownText(), event.getParts().stream().map(p -> p.getText() == null ? "" : p.getText()).collect(Collectors.joining()));
        }
        for (long id : channels) {
            ChatEvent join = ofType(records, id, "user_join").stream().filter(e -> "carol".equals(e.getUser().getName()))
                    .findFirst().orElseThrow(() -> new AssertionError("carol's join in " + id));
            assertEquals("503", join.getUser().getId());
            List<ChatEvent> purges = ofType(records, id, "user_purged");
            assertEquals(1, purges.size());
            assertEquals("502", purges.get(0).getModeration().getPurgedUserId());
            assertEquals("timeout", purges.get(0).getModeration().getCause());
            assertEquals("5m", purges.get(0).getModeration().getCauseDuration());
            assertNotNull(purges.get(0).getModeration().getModerator().getId(), "the channel owner purged");
            List<ChatEvent> polls = ofType(records, id, "poll_start");
            assertEquals(1, polls.size());
            assertEquals(List.of("Yes", "No", "Maybe"), polls.get(0).getPoll().getAnswers());
            assertEquals(Map.of("Yes", 0L, "No", 0L, "Maybe", 0L), polls.get(0).getPoll().getResponses());
            assertTrue(polls.get(0).getPoll().getEndsAt().isAfter(start), "ends_at in the future");
            assertFalse(polls.get(0).getPoll().getQuestion().isBlank());
        }

        // the same bytes through the converter on the reading side (a sink's): the Struct matches the generated record
        Decoded sample = records.stream().filter(r -> posted.containsKey(r.event().getEventId())).findFirst().orElseThrow();
        try (AvroConverter<Object> reader = new AvroConverter<>()) {
            reader.configure(registry.converterConfig(""), false);
            SchemaAndValue connect = reader.toConnectData(topic, sample.value());
            assertEquals("dev.chatconnect.schema.ChatEvent", connect.schema().name());
            AvroContract.assertSameFields((Struct) connect.value(), sample.event(), "ChatEvent");
        }
        assertEquals(List.of(), registry.unexpectedCalls(), "only the documented registry calls");
        assertTrue(registry.calls().contains("GET /apis/registry/v2/ids/contentIds/" + sample.schemaId() + "/references"),
                "the reading converter resolved the id itself: " + registry.calls());
        assertEquals(InTestSchemaRegistry.DOCUMENTED_CALLS, registry.callShapes(), "exactly the calls the registry's javadoc lists");
    }

    @Test
    void outboundMessagesWrittenWithTheGeneratedClassReachChatThroughTheSink() throws Exception {
        long channelId = newMixerChannels(1).get(0);
        String topic = "avro-outbound";
        connect.kafka().createTopic(topic, 1);
        Map<String, String> props = chatSink(topic, List.of("mixer:" + channelId), List.of("mixer:viewer1"), 1);
        props.put("value.converter", CONVERTER);
        props.putAll(registry.converterConfig("value.converter."));
        connect.configureConnector("avro-sink", props);
        awaitRunning("avro-sink", 1);

        List<OutboundMessage> messages = List.of(
                OutboundMessage.newBuilder().setPlatform("mixer").setChannel(Long.toString(channelId)).setText("hello from avro").build(),
                OutboundMessage.newBuilder().setPlatform("mixer").setChannel(Long.toString(channelId)).setText("waves via avro").setAction(true).build(),
                OutboundMessage.newBuilder().setPlatform("mixer").setChannel(Long.toString(channelId)).setText("psst avro")
                        .setTargetUser("viewer1").setClientMessageId("avro-3").build());
        // a producer with the generated class and Apicurio's own serializer, set up like the converter
        try (AvroKafkaSerializer<OutboundMessage> serializer = new AvroKafkaSerializer<>();
             KafkaProducer<byte[], byte[]> producer = connect.kafka().createProducer(Map.of())) {
            serializer.configure(new HashMap<>(registry.converterConfig("")), false);
            for (OutboundMessage message : messages) {
                byte[] value = serializer.serialize(topic, message);
                assertEquals(0, value[0], "magic byte");
                int id = ByteBuffer.wrap(value, 1, 4).getInt();
                assertEquals(OutboundMessage.getClassSchema(), new Schema.Parser().parse(fetchSchema(id)), "the contract was registered");
                assertEquals(message, AvroContract.decode(OutboundMessage.class, OutboundMessage.getClassSchema(),
                        OutboundMessage.getClassSchema(), value, 5), "the wire bytes are the message");
                producer.send(new ProducerRecord<>(topic, ("mixer:" + channelId).getBytes(StandardCharsets.UTF_8), value)).get();
            }
        }

        MixerChannel channel = emulator.mixer().channel(channelId);
        Await.until(WAIT, () -> channel.sentMessages().size() == 3, () -> "3 messages in chat, have " + channel.sentMessages());
        // the whisper is its own destination, so only the two channel messages have an order to keep
        List<MixerChannel.SentMessage> inChannel = channel.sentMessages().stream().filter(m -> m.whisperTarget() == null).toList();
        assertEquals(List.of("hello from avro", "waves via avro"), inChannel.stream().map(MixerChannel.SentMessage::text).toList());
        assertEquals(List.of(false, true), inChannel.stream().map(MixerChannel.SentMessage::action).toList());
        MixerChannel.SentMessage whisper = channel.sentMessages().stream().filter(m -> m.whisperTarget() != null).findFirst().orElseThrow();
        assertEquals("viewer1", whisper.whisperTarget());
        assertEquals("psst avro", whisper.text());
        assertFalse(whisper.action());

        // what the sink's converter made of them has OutboundMessageSchema's fields (checked on the same bytes)
        try (AvroConverter<Object> reader = new AvroConverter<>();
             AvroKafkaSerializer<OutboundMessage> serializer = new AvroKafkaSerializer<>()) {
            reader.configure(registry.converterConfig(""), false);
            serializer.configure(new HashMap<>(registry.converterConfig("")), false);
            SchemaAndValue connect = reader.toConnectData(topic, serializer.serialize(topic, messages.get(2)));
            assertEquals(OutboundMessageSchema.MESSAGE.name(), connect.schema().name());
            assertEquals(OutboundMessageSchema.MESSAGE.fields().stream().map(Field::name).toList(),
                    connect.schema().fields().stream().map(Field::name).toList());
            Struct struct = (Struct) connect.value();
            assertEquals("psst avro", struct.get(OutboundMessageSchema.TEXT));
            assertEquals("viewer1", struct.get(OutboundMessageSchema.TARGET_USER));
            assertEquals("avro-3", struct.get(OutboundMessageSchema.CLIENT_MESSAGE_ID));
        }
        assertEquals(1, registry.versions("default", topic + "-value").size(), "registered once");
        assertEquals(List.of(), registry.unexpectedCalls(), "only the documented registry calls");
        assertEquals(InTestSchemaRegistry.DOCUMENTED_CALLS, registry.callShapes(), "exactly the calls the registry's javadoc lists");
    }

    private Decoded decode(ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value();
        assertNotNull(value, "no tombstones from the source");
        assertTrue(value.length > 5, "magic byte, schema id, payload");
        assertEquals(0, value[0], "Confluent magic byte");
        int id = ByteBuffer.wrap(value, 1, 4).getInt();
        Schema writer = schemasById.computeIfAbsent(id, i -> new Schema.Parser().parse(fetchSchema(i)));
        ChatEvent event = AvroContract.decode(ChatEvent.class, ChatEvent.getClassSchema(), writer, value, 5);
        return new Decoded(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), id, event, value);
    }

    /** What a Confluent-format consumer does with the id: asks the registry for the schema. */
    private String fetchSchema(int id) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(registry.url() + "/apis/registry/v2/ids/contentIds/" + id)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "schema " + id + " is in the registry");
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> messageIds(List<Decoded> records, long channel) {
        return ofType(records, channel, "message").stream().map(ChatEvent::getEventId).toList();
    }

    private static List<ChatEvent> ofType(List<Decoded> records, long channel, String type) {
        return records.stream().map(Decoded::event)
                .filter(e -> e.getChannelId().equals(Long.toString(channel)) && e.getEventType().equals(type)).toList();
    }
}
