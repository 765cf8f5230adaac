package dev.chatconnect.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A tiny chat bot built the way users build theirs: a plain Kafka consumer of the events topic and a producer to the
 * outbound topic. It answers "!ping" / "ping" with "pong, &lt;name&gt;" in the same channel (a private message stays private).
 */
final class EchoBot implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PING = Pattern.compile("(?i)^!?ping\\b.*");

    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final String outboundTopic;
    private final List<String> ownNames;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong pings = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final Thread thread;

    EchoBot(String bootstrap, String eventsTopic, String outboundTopic, List<String> ownNames) {
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "chatconnect-demo-echo-bot");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.consumer = new KafkaConsumer<>(consumerProps);
        this.producer = new KafkaProducer<>(producerProps);
        this.outboundTopic = outboundTopic;
        this.ownNames = ownNames;
        consumer.subscribe(List.of(eventsTopic));
        this.thread = new Thread(this::run, "demo-echo-bot");
        thread.setDaemon(true);
        thread.start();
    }

    long pingsSeen() {
        return pings.get();
    }

    long answersQueued() {
        return answered.get();
    }

    private void run() {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    answer(MAPPER.readTree(record.value()));
                }
            }
        } catch (WakeupException stopping) {
            // close() was called
        } catch (Exception e) {
            System.err.println("echo bot stopped: " + e);
        } finally {
            consumer.close();
        }
    }

    private void answer(JsonNode event) {
        String text = event.path("text").asText("");
        String sender = event.path("user").path("name").asText("");
        if (!"message".equals(event.path("event_type").asText()) || !PING.matcher(text).matches() || ownNames.contains(sender)) {
            return;
        }
        pings.incrementAndGet();
        String platform = event.path("platform").asText();
        boolean privateMessage = "PM".equals(event.path("channel_type").asText());
        ObjectNode reply = MAPPER.createObjectNode().put("platform", platform).put("text", "pong, " + sender);
        String key;
        if (privateMessage) {
            String userId = event.path("user").path("id").asText();
            reply.put("target_user", userId);
            key = platform + ":@" + userId;
        } else {
            reply.put("channel", event.path("channel_id").asText());
            key = platform + ":" + event.path("channel_id").asText();
        }
        producer.send(new ProducerRecord<>(outboundTopic, key, reply.toString()));
        answered.incrementAndGet();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(5_000);
        producer.close(Duration.ofSeconds(5));
    }
}
