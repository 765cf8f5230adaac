package dev.chatconnect.connector.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.connector.metrics.MetricsRegistry;
import dev.chatconnect.connector.util.Json;
import dev.chatconnect.emulator.EmulatorOptions;
import dev.chatconnect.emulator.mixer.MixerChannel;
import dev.chatconnect.emulator.osu.OsuChannel;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.Test;

/** The sink end to end: records on a real Kafka topic -> sink task on a real Connect worker -> emulator chat. */
class ChatSinkIT extends ConnectClusterExtension {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Override
    protected EmulatorOptions emulatorOptions() {
        return EmulatorOptions.builder().mixerChannelCount(0).trafficEventsPerSecond(0).build();
    }

    @Test
    void mixerMessagesWhispersAndActionsArriveInRecordOrder() throws Exception {
        List<Long> channels = newMixerChannels(2);
        String topic = "out-mixer";
        connect.kafka().createTopic(topic, 3);
        List<String> allowed = channels.stream().map(id -> "mixer:" + id).toList();
        connect.configureConnector("mixer-sink", chatSink(topic, allowed, List.of("mixer:viewer1"), 1));
        awaitRunning("mixer-sink", 1);

        for (int i = 0; i < 40; i++) {
            for (long id : channels) {
                produce(topic, "mixer:" + id, message("mixer", Long.toString(id), null, "line " + i + " for " + id, false));
            }
        }
        long first = channels.get(0);
        produce(topic, "mixer:" + first, message("mixer", Long.toString(first), null, "waves", true));
        produce(topic, "mixer:" + first, message("mixer", Long.toString(first), "viewer1", "psst", false));

        MixerChannel firstChannel = emulator.mixer().channel(first);
        Await.until(WAIT, () -> firstChannel.sentMessages().size() == 42, () -> "42 messages in " + first + ": " + firstChannel.sentMessages().size());
        for (long id : channels) {
            List<String> texts = emulator.mixer().channel(id).sentMessages().stream().limit(40).map(MixerChannel.SentMessage::text).toList();
            assertEquals(IntStream.range(0, 40).mapToObj(i -> "line " + i + " for " + id).toList(), texts, "channel " + id + " in order");
        }
        MixerChannel.SentMessage action = firstChannel.sentMessages().get(40);
        assertEquals("waves", action.text());
        assertTrue(action.action(), "sent as /me");
        MixerChannel.SentMessage whisper = firstChannel.sentMessages().get(41);
        assertEquals("viewer1", whisper.whisperTarget());
        assertEquals("psst", whisper.text());
        assertEquals(emulator.mixer().botUserId(), whisper.userId());

        ObjectName metrics = MetricsRegistry.name("sink-destination", "mixer-sink", 0, "mixer", Long.toString(first));
        Await.until(WAIT, () -> (Long) attribute(metrics, "MessagesSent") == 41L, () -> "MessagesSent == 41");
        assertEquals(0L, attribute(metrics, "MessagesFailed"));
        awaitCommitted("mixer-sink", topic, 82);
    }

    @Test
    void osuChannelMessagesPrivateMessagesAndActionsCarryTheirUuidInOrder() throws Exception {
        long user = emulator.osu().addUser("pm_target_" + System.nanoTime() % 100000);
        OsuChannel channel = emulator.osu().addPublicChannel("#sink" + System.nanoTime() % 100000);
        String topic = "out-osu";
        connect.kafka().createTopic(topic, 2);
        connect.configureConnector("osu-sink", chatSink(topic, List.of("osu:" + channel.id()), List.of("osu:" + user), 1));
        awaitRunning("osu-sink", 1);

        for (int i = 0; i < 30; i++) {
            produce(topic, "osu:" + channel.id(), message("osu", Long.toString(channel.id()), null, "public " + i, i % 10 == 9));
            produce(topic, "osu:@" + user, message("osu", null, Long.toString(user), "private " + i, false));
        }

        long bot = emulator.osu().botUserId();
        Await.until(WAIT, () -> botMessages(channel).size() == 30 && emulator.osu().pmChannel(bot, user) != null
                && botMessages(emulator.osu().pmChannel(bot, user)).size() == 30, () -> "30 public and 30 private messages");
        List<OsuChannel.StoredMessage> publicMessages = botMessages(channel);
        assertEquals(IntStream.range(0, 30).mapToObj(i -> "public " + i).toList(),
                publicMessages.stream().map(OsuChannel.StoredMessage::content).toList());
        assertEquals(3, publicMessages.stream().filter(OsuChannel.StoredMessage::action).count(), "actions");
        assertTrue(publicMessages.stream().allMatch(m -> m.uuid() != null && m.uuid().length() == 36), "every message has its uuid");
        assertEquals(IntStream.range(0, 30).mapToObj(i -> "private " + i).toList(),
                botMessages(emulator.osu().pmChannel(bot, user)).stream().map(OsuChannel.StoredMessage::content).toList());
        awaitCommitted("osu-sink", topic, 60);
    }

    @Test
    void aBurstOfAThousandRecordsStaysWithinTheRateLimits() throws Exception {
        long user = emulator.osu().addUser("burst_" + System.nanoTime() % 100000);
        OsuChannel channel = emulator.osu().addPublicChannel("#burst" + System.nanoTime() % 100000);
        long mixerChannel = newMixerChannels(1).get(0);
        // the platforms' limits, and the sink told the same: 100 per second per category on osu!, 50 per second on Mixer
        emulator.osu().setChatSendLimits(10, Duration.ofSeconds(5), 100, Duration.ofSeconds(1));
        emulator.mixer().setMessageRateLimit(50, Duration.ofSeconds(1));
        String topic = "out-burst";
        connect.kafka().createTopic(topic, 3);
        Map<String, String> props = chatSink(topic, List.of("osu:" + channel.id(), "mixer:" + mixerChannel), List.of("osu:" + user), 1);
        props.put("osu.sink.messages.per.window", "100");
        props.put("osu.sink.rate.window.ms", "1000");
        props.put("mixer.sink.messages.per.window", "50");
        props.put("mixer.sink.rate.window.ms", "1000");
        int http429Before = emulator.osu().http429Count();
        try {
            for (int i = 0; i < 400; i++) {
                produce(topic, "osu:" + channel.id(), message("osu", Long.toString(channel.id()), null, "burst " + i, false));
                produce(topic, "osu:@" + user, message("osu", null, Long.toString(user), "burst pm " + i, false));
            }
            for (int i = 0; i < 200; i++) {
                produce(topic, "mixer:" + mixerChannel, message("mixer", Long.toString(mixerChannel), null, "burst " + i, false));
            }
            long started = System.nanoTime();
            connect.configureConnector("burst-sink", props);
            awaitRunning("burst-sink", 1);

            long bot = emulator.osu().botUserId();
            Await.until(WAIT, () -> botMessages(channel).size() == 400 && emulator.osu().pmChannel(bot, user) != null
                            && botMessages(emulator.osu().pmChannel(bot, user)).size() == 400
                            && emulator.mixer().channel(mixerChannel).sentMessages().size() == 200,
                    () -> "1000 messages delivered");
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertEquals(0, emulator.osu().http429Count() - http429Before, "osu! answered 429");
            ObjectName mixerMetrics = MetricsRegistry.name("sink-destination", "burst-sink", 0, "mixer", Long.toString(mixerChannel));
            assertEquals(0L, attribute(mixerMetrics, "RateLimitedResponses"), "Mixer answered 4005");
            assertEquals(0L, attribute(mixerMetrics, "SendsRetried"));
            assertTrue((Long) attribute(mixerMetrics, "RateLimitWaitMs") > 0, "the sink waited on its own budget");
            assertTrue(seconds >= 3, "200 Mixer messages at 50/s take about 4 s, took " + seconds);
            assertEquals(IntStream.range(0, 400).mapToObj(i -> "burst " + i).toList(),
                    botMessages(channel).stream().map(OsuChannel.StoredMessage::content).toList());
        } finally {
            emulator.osu().setChatSendLimits(10, Duration.ofSeconds(5), 300, Duration.ofSeconds(60));
            emulator.mixer().setMessageRateLimit(Integer.MAX_VALUE, Duration.ofSeconds(1));
        }
    }

    @Test
    void injected429sAreRetriedAndNothingIsLostOrRepeated() throws Exception {
        long user = emulator.osu().addUser("retry_" + System.nanoTime() % 100000);
        String topic = "out-429";
        connect.kafka().createTopic(topic, 1);
        connect.configureConnector("retry-sink", chatSink(topic, List.of(), List.of("osu:" + user), 1));
        awaitRunning("retry-sink", 1);
        produce(topic, "osu:@" + user, message("osu", null, Long.toString(user), "before", false));
        long bot = emulator.osu().botUserId();
        Await.until(WAIT, () -> emulator.osu().pmChannel(bot, user) != null, () -> "the PM channel");

        emulator.osu().rejectNextRequestsWith429(6);
        for (int i = 0; i < 20; i++) {
            produce(topic, "osu:@" + user, message("osu", null, Long.toString(user), "retry " + i, false));
        }
        OsuChannel pm = emulator.osu().pmChannel(bot, user);
        Await.until(WAIT, () -> botMessages(pm).size() == 21, () -> "21 messages, got " + botMessages(pm).size());
        List<String> expected = new ArrayList<>(List.of("before"));
        IntStream.range(0, 20).forEach(i -> expected.add("retry " + i));
        assertEquals(expected, botMessages(pm).stream().map(OsuChannel.StoredMessage::content).toList());
        ObjectName metrics = MetricsRegistry.name("sink-destination", "retry-sink", 0, "osu", "@" + user);
        assertTrue((Long) attribute(metrics, "SendsRetried") >= 1, "retried after 429");
        assertEquals(0L, attribute(metrics, "MessagesFailed"));
    }

    @Test
    void badRecordsAndForbiddenDestinationsGoToTheDeadLetterTopicWithTheirReason() throws Exception {
        long channel = newMixerChannels(1).get(0);
        long otherChannel = newMixerChannels(1).get(0);
        String topic = "out-bad";
        String dlq = "out-bad-dlq";
        connect.kafka().createTopic(topic, 1);
        Map<String, String> props = chatSink(topic, List.of("mixer:" + channel), List.of(), 1);
        props.put("errors.tolerance", "all");
        props.put("errors.deadletterqueue.topic.name", dlq);
        props.put("errors.deadletterqueue.topic.replication.factor", "1");
        props.put("errors.deadletterqueue.context.headers.enable", "true");
        connect.configureConnector("bad-sink", props);
        awaitRunning("bad-sink", 1);

        String key = "mixer:" + channel;
        produce(topic, key, "{not json");
        produce(topic, key, "{\"platform\":\"mixer\",\"channel\":\"" + channel + "\"}");
        produce(topic, key, message("irc", "#chan", null, "hello", false));
        produce(topic, key, message("mixer", Long.toString(otherChannel), null, "not allowed here", false));
        produce(topic, key, message("mixer", Long.toString(channel), "stranger", "psst", false));
        produce(topic, key, message("mixer", Long.toString(channel), null, "x".repeat(361), false));
        produce(topic, key, "{\"platform\":\"mixer\",\"channel\":\"" + channel + "\",\"text\":42}");
        produce(topic, key, message("mixer", Long.toString(channel), null, "still running", false));

        Await.until(WAIT, () -> emulator.mixer().channel(channel).sentMessages().size() == 1, () -> "the valid record sent");
        assertEquals("still running", emulator.mixer().channel(channel).sentMessages().get(0).text());
        assertEquals(0, emulator.mixer().channel(otherChannel).sentMessages().size(), "nothing sent outside the allowlist");

        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        connect.kafka().consume(7, WAIT.toMillis(), dlq).forEach(dead::add);
        List<String> reasons = dead.stream().map(r -> header(r, "__connect.errors.exception.message")).toList();
        assertEquals(7, dead.size(), "one dead letter per bad record: " + reasons);
        assertTrue(reasons.get(1).contains("field 'text' is missing"), reasons.get(1));
        assertTrue(reasons.get(2).contains("unknown platform 'irc'"), reasons.get(2));
        assertTrue(reasons.get(3).contains("not in allowed.channels"), reasons.get(3));
        assertTrue(reasons.get(4).contains("not in allowed.users"), reasons.get(4));
        assertTrue(reasons.get(5).contains("over the destination's limit of 360"), reasons.get(5));
        assertTrue(reasons.get(6).contains("field 'text' must be a string"), reasons.get(6));
        assertTrue(reasons.get(3).contains(topic + "-0@3"), "the reason names the record: " + reasons.get(3));
        assertEquals("RUNNING", connect.connectorStatus("bad-sink").tasks().get(0).state());
        awaitCommitted("bad-sink", topic, 8);
    }

    @Test
    void withoutErrorToleranceABadRecordFailsTheTaskNamingTheRecord() throws Exception {
        long channel = newMixerChannels(1).get(0);
        String topic = "out-strict";
        connect.kafka().createTopic(topic, 1);
        connect.configureConnector("strict-sink", chatSink(topic, List.of("mixer:" + channel), List.of(), 1));
        awaitRunning("strict-sink", 1);
        produce(topic, "k", message("mixer", "999999", null, "not allowed", false));
        Await.until(WAIT, () -> "FAILED".equals(taskState("strict-sink")), () -> "the task to fail");
        String trace = connect.connectorStatus("strict-sink").tasks().get(0).trace();
        assertTrue(trace.contains(topic + "-0@0") && trace.contains("not in allowed.channels"), trace);
    }

    @Test
    void lostRepliesAndLostResponsesDoNotMakeTheSinkSendTwice() throws Exception {
        long channel = newMixerChannels(1).get(0);
        long user = emulator.osu().addUser("lost_" + System.nanoTime() % 100000);
        String topic = "out-lost";
        connect.kafka().createTopic(topic, 2);
        connect.configureConnector("lost-sink", chatSink(topic, List.of("mixer:" + channel), List.of("osu:" + user), 1));
        awaitRunning("lost-sink", 1);
        produce(topic, "mixer:" + channel, message("mixer", Long.toString(channel), null, "first", false));
        produce(topic, "osu:@" + user, message("osu", null, Long.toString(user), "first", false));
        long bot = emulator.osu().botUserId();
        Await.until(WAIT, () -> emulator.mixer().channel(channel).sentMessages().size() == 1
                && emulator.osu().pmChannel(bot, user) != null, () -> "first messages");

        emulator.mixer().swallowNextReplies(channel, 3);
        emulator.osu().loseNextSendResponses(3);
        for (int i = 0; i < 10; i++) {
            produce(topic, "mixer:" + channel, message("mixer", Long.toString(channel), null, "m" + i, false));
            produce(topic, "osu:@" + user, message("osu", null, Long.toString(user), "p" + i, false));
        }
        OsuChannel pm = emulator.osu().pmChannel(bot, user);
        Await.until(WAIT, () -> emulator.mixer().channel(channel).sentMessages().size() >= 11 && botMessages(pm).size() >= 11,
                () -> "11 messages on each platform");
        awaitCommitted("lost-sink", topic, 22);
        List<String> expectedMixer = new ArrayList<>(List.of("first"));
        List<String> expectedOsu = new ArrayList<>(List.of("first"));
        IntStream.range(0, 10).forEach(i -> {
            expectedMixer.add("m" + i);
            expectedOsu.add("p" + i);
        });
        assertEquals(expectedMixer, emulator.mixer().channel(channel).sentMessages().stream().map(MixerChannel.SentMessage::text).toList());
        assertEquals(expectedOsu, botMessages(pm).stream().map(OsuChannel.StoredMessage::content).toList());
        ObjectName mixerMetrics = MetricsRegistry.name("sink-destination", "lost-sink", 0, "mixer", Long.toString(channel));
        assertTrue((Long) attribute(mixerMetrics, "AlreadyDeliveredSkipped") >= 1, "recognised in history");
    }

    @Test
    void aWorkerStoppedMidStreamAndReplacedSendsEverythingOnce() throws Exception {
        long channel = newMixerChannels(1).get(0);
        long user = emulator.osu().addUser("crash_" + System.nanoTime() % 100000);
        String topic = "out-crash";
        connect.kafka().createTopic(topic, 2);
        Map<String, String> props = chatSink(topic, List.of("mixer:" + channel), List.of("osu:" + user), 1);
        props.put("mixer.sink.messages.per.window", "20");
        props.put("osu.sink.messages.per.window", "20");
        int count = 150;
        for (int i = 0; i < count; i++) {
            produce(topic, "mixer:" + channel, message("mixer", Long.toString(channel), null, "c" + i, false));
            produce(topic, "osu:@" + user, message("osu", null, Long.toString(user), "c" + i, false));
        }
        connect.configureConnector("crash-sink", props);
        awaitRunning("crash-sink", 1);
        long bot = emulator.osu().botUserId();
        MixerChannel mixer = emulator.mixer().channel(channel);
        Supplier<Integer> osuSent = () -> emulator.osu().pmChannel(bot, user) == null ? 0 : botMessages(emulator.osu().pmChannel(bot, user)).size();
        Await.until(WAIT, () -> mixer.sentMessages().size() >= 40 && osuSent.get() >= 40, () -> "a third sent");

        // replies and responses lost from now on: what is delivered next is not confirmed, so not committed
        emulator.mixer().swallowNextReplies(channel, 1_000);
        emulator.osu().loseNextSendResponses(1_000);
        int mixerBefore = mixer.sentMessages().size();
        int osuBefore = osuSent.get();
        Await.until(WAIT, () -> mixer.sentMessages().size() > mixerBefore + 2 && osuSent.get() > osuBefore + 2,
                () -> "unconfirmed messages delivered");
        var worker = connect.workers().iterator().next();
        connect.removeWorker(worker);
        emulator.mixer().swallowNextReplies(channel, 0);
        emulator.osu().loseNextSendResponses(0);
        connect.addWorker();
        awaitRunning("crash-sink", 1);

        Await.until(WAIT, () -> distinct(texts(mixer)) == count && distinct(osuTexts(bot, user)) == count,
                () -> "every message sent: mixer " + distinct(texts(mixer)) + ", osu " + distinct(osuTexts(bot, user)));
        awaitCommitted("crash-sink", topic, 2 * count);
        int mixerDuplicates = texts(mixer).size() - count;
        int osuDuplicates = osuTexts(bot, user).size() - count;
        System.out.printf("[sink crash test] sent %d per platform; duplicates: mixer %d, osu %d%n", count, mixerDuplicates, osuDuplicates);
        assertEquals(0, mixerDuplicates, "Mixer duplicates");
        assertEquals(0, osuDuplicates, "osu! duplicates");
        assertEquals(IntStream.range(0, count).mapToObj(i -> "c" + i).toList(), texts(mixer), "Mixer order");
    }

    @Test
    void sendingAsAUserKeepsTheRotatingRefreshTokenAcrossTaskRestartsAndChecksChannelHistory() throws Exception {
        long alice = emulator.osu().addUser("alice_" + System.nanoTime() % 100000);
        OsuChannel channel = emulator.osu().addPublicChannel("#user" + System.nanoTime() % 100000);
        String refreshToken = emulator.osu().issueRefreshToken(alice, "chat.read", "chat.write", "chat.write_manage");
        String topic = "out-user";
        connect.kafka().createTopic(topic, 1);
        Map<String, String> props = chatSink(topic, List.of("osu:" + channel.id()), List.of(), 1);
        props.remove("osu.sink.user.id"); // a user token names its user
        props.remove("osu.sink.messages.per.window"); // and gets the personal-account budget, 10 per 5 s
        props.remove("osu.sink.rate.window.ms");
        props.put("osu.sink.refresh.token", refreshToken);
        props.put("osu.sink.token.bootstrap.servers", connect.kafka().bootstrapServers());
        props.put("osu.sink.token.topic", "out-user-tokens");
        emulator.osu().setAccessTokenTtl(Duration.ofSeconds(1)); // refreshes, so rotations, while it sends
        int http429Before = emulator.osu().http429Count();
        try {
            connect.configureConnector("user-sink", props);
            awaitRunning("user-sink", 1);
            // one message at a time until the access token expired and was refreshed with a rotation at least once
            int refreshesBefore = emulator.osu().usedRefreshTokens().size();
            int sent = 0;
            while (sent < 5 || emulator.osu().usedRefreshTokens().size() < refreshesBefore + 2) {
                assertTrue(sent < 60, "no refresh after " + sent + " messages");
                produce(topic, "osu:" + channel.id(), message("osu", Long.toString(channel.id()), null, "u" + sent, false));
                int expected = ++sent;
                Await.until(WAIT, () -> messagesFrom(channel, alice).size() == expected, () -> expected + " messages from the user");
            }
            connect.restartTask("user-sink", 0); // the configured token is spent: the new task must find the newest one
            awaitRunning("user-sink", 1);
            emulator.osu().loseNextSendResponses(2); // and channel history (chat.read) tells what arrived
            for (int i = sent; i < sent + 5; i++) {
                produce(topic, "osu:" + channel.id(), message("osu", Long.toString(channel.id()), null, "u" + i, false));
            }
            int total = sent + 5;
            Await.until(WAIT, () -> messagesFrom(channel, alice).size() >= total, () -> total + " messages from the user");
            awaitCommitted("user-sink", topic, total);
            assertEquals(IntStream.range(0, total).mapToObj(i -> "u" + i).toList(),
                    messagesFrom(channel, alice).stream().map(OsuChannel.StoredMessage::content).toList());
            assertEquals("RUNNING", taskState("user-sink"), "the task never met a spent refresh token");
            assertEquals(0, emulator.osu().http429Count() - http429Before, "within the personal-account budget");
        } finally {
            emulator.osu().loseNextSendResponses(0);
            emulator.osu().setAccessTokenTtl(Duration.ofDays(1));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private void produce(String topic, String key, String value) {
        connect.kafka().produce(topic, key, value);
    }

    private static String message(String platform, String channel, String target, String text, boolean action) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("platform", platform).put("text", text).put("action", action);
        if (channel != null) {
            node.put("channel", channel);
        }
        if (target != null) {
            node.put("target_user", target);
        }
        return node.toString();
    }

    private List<OsuChannel.StoredMessage> botMessages(OsuChannel channel) {
        long bot = emulator.osu().botUserId();
        return channel.storedMessages().stream().filter(m -> m.senderId() == bot).toList();
    }

    private static List<OsuChannel.StoredMessage> messagesFrom(OsuChannel channel, long user) {
        return channel.storedMessages().stream().filter(m -> m.senderId() == user).toList();
    }

    private static List<String> texts(MixerChannel channel) {
        return channel.sentMessages().stream().map(MixerChannel.SentMessage::text).toList();
    }

    private List<String> osuTexts(long bot, long user) {
        OsuChannel pm = emulator.osu().pmChannel(bot, user);
        return pm == null ? List.of() : botMessages(pm).stream().map(OsuChannel.StoredMessage::content).toList();
    }

    private static long distinct(List<String> texts) {
        return texts.stream().distinct().count();
    }

    private String taskState(String connector) {
        ConnectorStateInfo status = connect.connectorStatus(connector);
        return status.tasks().isEmpty() ? "NONE" : status.tasks().get(0).state();
    }

    /** Offsets are committed only for confirmed messages: wait until the group has committed all {@code records}. */
    private void awaitCommitted(String connector, String topic, long records) {
        Await.until(WAIT, () -> committed(connector, topic) == records, () -> "committed offsets to reach " + records
                + ", at " + committed(connector, topic));
    }

    private long committed(String connector, String topic) {
        try (var admin = connect.kafka().createAdminClient()) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets("connect-" + connector).partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Object attribute(ObjectName name, String attribute) {
        try {
            return ManagementFactory.getPlatformMBeanServer().getAttribute(name, attribute);
        } catch (Exception e) {
            throw new AssertionError("metric " + name + " " + attribute + ": " + e, e);
        }
    }

    @SuppressWarnings("unused")
    private static Map<String, Long> counts(List<String> texts) {
        return texts.stream().collect(Collectors.groupingBy(t -> t, HashMap::new, Collectors.counting()));
    }
}
