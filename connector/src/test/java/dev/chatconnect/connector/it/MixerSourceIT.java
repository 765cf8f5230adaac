package dev.chatconnect.connector.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatconnect.connector.it.TopicReader.Event;
import dev.chatconnect.connector.metrics.MetricsRegistry;
import dev.chatconnect.emulator.mixer.MixerChannel;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.Test;

/** The Mixer source end to end: emulator sockets -> connector tasks on a real Connect worker -> a real Kafka topic. */
class MixerSourceIT extends ConnectClusterExtension {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private final Random random = new Random(42);

    @Test
    void twentyChannelsOverTwoTasksArriveExactlyOnceInChannelOrder() throws Exception {
        List<Long> channels = newMixerChannels(20);
        String topic = "mixer-twenty";
        connect.configureConnector("twenty", mixerSource(topic, channels, 2));
        awaitRunning("twenty", 2);
        awaitSocketsAuthenticated(channels);

        for (int round = 0; round < 10; round++) {
            for (long id : channels) {
                emulator.mixer().channel(id).postRandomMessage(random);
            }
        }

        try (TopicReader reader = new TopicReader(connect.kafka(), topic)) {
            reader.awaitAtLeast(200, e -> e.type().equals("message"), WAIT);
            assertEveryChannelExactlyOnceInOrder(reader, channels);
            Event sample = reader.matching(e -> e.type().equals("message")).get(0);
            assertEquals("mixer", sample.value().path("platform").asText());
            assertEquals("mixer:" + sample.channel(), sample.key());
            assertFalse(sample.value().path("raw").asText().isEmpty(), "raw frame kept");
            assertTrue(sample.value().path("raw").asText().contains(sample.id()), "raw frame is the platform's frame");
            assertNotNull(sample.value().path("user").path("name").asText(null), "sender name");
            assertTrue(sample.value().path("received_at").asLong() > 0, "receive time");
            for (long id : channels) {
                Set<Integer> partitions = new HashSet<>();
                reader.matching(e -> e.channel().equals(Long.toString(id))).forEach(e -> partitions.add(e.partition()));
                assertEquals(1, partitions.size(), "one channel stays in one partition");
            }
        }

        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = channelMetrics("twenty", channels.get(0));
        Await.until(WAIT, () -> ((Long) attribute(jmx, name, "RecordsEmitted")) >= 10, () -> "RecordsEmitted >= 10");
        assertEquals(Boolean.TRUE, jmx.getAttribute(name, "Connected"));
        assertTrue((Long) jmx.getAttribute(name, "EventsReceived") >= 10);
        assertTrue((Long) jmx.getAttribute(name, "MillisSinceLastEvent") >= 0);
        assertEquals("LIVE", jmx.getAttribute(name, "State"));
        connect.deleteConnector("twenty");
    }

    @Test
    void socketDropsDownEndpointAndRejectedAuthLoseNothingAndDuplicateNothing() throws Exception {
        List<Long> channels = newMixerChannels(3);
        String topic = "mixer-faults";
        connect.configureConnector("faults", mixerSource(topic, channels, 1));
        awaitRunning("faults", 1);
        awaitSocketsAuthenticated(channels);

        AtomicBoolean posting = new AtomicBoolean(true);
        Thread poster = new Thread(() -> {
            Random r = new Random(7);
            for (int i = 0; i < 60 && posting.get(); i++) {
                for (long id : channels) {
                    emulator.mixer().channel(id).postRandomMessage(r);
                }
                pause(25);
            }
        });
        poster.start();

        int before = chatsRequests(channels);
        emulator.mixer().dropAllSockets();
        awaitReconnected(channels, before);

        emulator.mixer().setEndpointDown(0, true);
        before = chatsRequests(channels);
        emulator.mixer().dropAllSockets();
        awaitReconnected(channels, before);
        emulator.mixer().setEndpointDown(0, false);

        channels.forEach(id -> emulator.mixer().rejectNextAuths(id, 1, "UNOTFOUND"));
        before = chatsRequests(channels);
        emulator.mixer().dropAllSockets();
        awaitReconnected(channels, before);
        poster.join();

        try (TopicReader reader = new TopicReader(connect.kafka(), topic)) {
            int expected = channels.stream().mapToInt(id -> emulator.mixer().channel(id).messageIds().size()).sum();
            reader.awaitAtLeast(expected, e -> e.type().equals("message"), WAIT);
            reader.drain(e -> true, Duration.ofSeconds(2));
            assertEveryChannelExactlyOnceInOrder(reader, channels);
        }
        assertEquals(1, connect.connectorStatus("faults").tasks().size());
        assertEquals("RUNNING", connect.connectorStatus("faults").tasks().get(0).state());
        connect.deleteConnector("faults");
    }

    @Test
    void deadSocketIsDetectedByPingAndReplaced() throws Exception {
        List<Long> channels = newMixerChannels(1);
        long id = channels.get(0);
        Map<String, String> props = mixerSource("mixer-dead", channels, 1);
        props.put("keepalive.idle.ms", "300");
        props.put("keepalive.timeout.ms", "300");
        connect.configureConnector("dead", props);
        awaitRunning("dead", 1);
        awaitSocketsAuthenticated(channels);

        int before = emulator.mixer().chatsRequests(id);
        emulator.mixer().setPingResponsive(false);
        try {
            Await.until(WAIT, () -> emulator.mixer().chatsRequests(id) > before, () -> "a reconnect after unanswered pings");
        } finally {
            emulator.mixer().setPingResponsive(true);
        }
        awaitSocketsAuthenticated(channels);
        MixerChannel channel = emulator.mixer().channel(id);
        for (int i = 0; i < 5; i++) {
            channel.postRandomMessage(random);
        }
        try (TopicReader reader = new TopicReader(connect.kafka(), "mixer-dead")) {
            reader.awaitAtLeast(5, e -> e.type().equals("message"), WAIT);
            assertEveryChannelExactlyOnceInOrder(reader, channels);
        }
        assertTrue((Long) ManagementFactory.getPlatformMBeanServer().getAttribute(channelMetrics("dead", id), "Reconnects") >= 1);
        connect.deleteConnector("dead");
    }

    @Test
    void stoppedConnectorResumesFromCommittedOffsetsWithoutDuplicates() throws Exception {
        List<Long> channels = newMixerChannels(3);
        String topic = "mixer-resume";
        connect.configureConnector("resume", mixerSource(topic, channels, 1));
        awaitRunning("resume", 1);
        awaitSocketsAuthenticated(channels);
        postToEach(channels, 20);
        try (TopicReader reader = new TopicReader(connect.kafka(), topic)) {
            reader.awaitAtLeast(60, e -> e.type().equals("message"), WAIT);
        }

        connect.stopConnector("resume");
        connect.assertions().assertConnectorIsStopped("resume", "connector stopped");
        Await.until(WAIT, () -> channels.stream().allMatch(id -> emulator.mixer().connectedSockets(id) == 0),
                () -> "sockets closed by stop()");
        postToEach(channels, 30);

        connect.resumeConnector("resume");
        awaitRunning("resume", 1);
        try (TopicReader reader = new TopicReader(connect.kafka(), topic)) {
            reader.awaitAtLeast(150, e -> e.type().equals("message"), WAIT);
            reader.drain(e -> true, Duration.ofSeconds(2));
            assertEveryChannelExactlyOnceInOrder(reader, channels);
        }
        connect.deleteConnector("resume");
    }

    @Test
    void malformedFramesAndUnknownEventsBecomeRecordsAndTheTaskKeepsRunning() throws Exception {
        List<Long> channels = newMixerChannels(1);
        long id = channels.get(0);
        connect.configureConnector("odd", mixerSource("mixer-odd", channels, 1));
        awaitRunning("odd", 1);
        awaitSocketsAuthenticated(channels);
        MixerChannel channel = emulator.mixer().channel(id);
        ObjectName oddMetrics = channelMetrics("odd", id);
        Await.until(WAIT, () -> "LIVE".equals(attributeOrNull(oddMetrics, "State")), () -> "channel live");

        String garbage = "{\"type\":\"event\",\"event\":\"ChatMessage\",\"data\":{\"unterminated";
        String future = "{\"type\":\"event\",\"event\":\"HoloGiftEvent\",\"data\":{\"sparkles\":3}}";
        String notAPacket = "[1,2,3]";
        channel.sendRawFrame(garbage);
        channel.sendRawFrame(future);
        channel.sendRawFrame(notAPacket);
        String after = channel.postMessage("alice", 77, "still here");

        try (TopicReader reader = new TopicReader(connect.kafka(), "mixer-odd")) {
            reader.awaitAtLeast(1, e -> after.equals(e.id()), WAIT);
            List<Event> odd = reader.matching(e -> e.type().equals("malformed") || e.type().equals("unknown"));
            assertEquals(List.of("malformed", "unknown", "malformed"), odd.stream().map(Event::type).toList());
            assertEquals(List.of(garbage, future, notAPacket), odd.stream().map(e -> e.value().path("raw").asText()).toList());
        }
        ConnectorStateInfo status = connect.connectorStatus("odd");
        assertEquals("RUNNING", status.tasks().get(0).state());
        assertEquals(2L, attribute(ManagementFactory.getPlatformMBeanServer(), channelMetrics("odd", id), "MalformedFrames"));
        connect.deleteConnector("odd");
    }

    @Test
    void aChannelThatCanNeverBeJoinedIsReportedAndTheOthersCarryOn() throws Exception {
        List<Long> channels = newMixerChannels(2);
        long denied = channels.get(0);
        long open = channels.get(1);
        emulator.mixer().denyChannel(denied, true);

        connect.configureConnector("partly", mixerSource("mixer-partly", channels, 1));
        awaitRunning("partly", 1);
        ObjectName deniedMetrics = channelMetrics("partly", denied);
        Await.until(WAIT, () -> "FAILED".equals(attributeOrNull(deniedMetrics, "State")), () -> "denied channel FAILED");
        String lastError = (String) ManagementFactory.getPlatformMBeanServer().getAttribute(deniedMetrics, "LastError");
        assertTrue(lastError.contains("UACCESS"), lastError);
        int attempts = emulator.mixer().authAttempts(denied);

        awaitSocketsAuthenticated(List.of(open));
        String message = emulator.mixer().channel(open).postMessage("bob", 5, "hello");
        try (TopicReader reader = new TopicReader(connect.kafka(), "mixer-partly")) {
            reader.awaitAtLeast(1, e -> message.equals(e.id()), WAIT);
        }
        assertEquals(attempts, emulator.mixer().authAttempts(denied), "no retry storm on UACCESS");
        assertEquals("RUNNING", connect.connectorStatus("partly").tasks().get(0).state());
        connect.deleteConnector("partly");

        connect.configureConnector("hopeless", mixerSource("mixer-hopeless", List.of(denied), 1));
        connect.assertions().assertConnectorIsRunningAndTasksHaveFailed("hopeless", 1, "task fails when none of its channels can be read");
        String trace = connect.connectorStatus("hopeless").tasks().get(0).trace();
        assertTrue(trace.contains("UACCESS") && trace.contains("mixer:" + denied), trace);
        connect.deleteConnector("hopeless");
        emulator.mixer().denyChannel(denied, false);
    }

    @Test
    void aChangedChannelListTakesEffectOnReconfiguration() throws Exception {
        List<Long> channels = newMixerChannels(2);
        connect.configureConnector("grow", mixerSource("mixer-grow", channels.subList(0, 1), 1));
        awaitRunning("grow", 1);
        awaitSocketsAuthenticated(channels.subList(0, 1));
        assertEquals(0, emulator.mixer().connectedSockets(channels.get(1)));

        connect.configureConnector("grow", mixerSource("mixer-grow", channels, 2));
        awaitRunning("grow", 2);
        awaitSocketsAuthenticated(channels);
        String added = emulator.mixer().channel(channels.get(1)).postMessage("dave", 11, "new channel");
        try (TopicReader reader = new TopicReader(connect.kafka(), "mixer-grow")) {
            reader.awaitAtLeast(1, e -> added.equals(e.id()), WAIT);
        }
        connect.configureConnector("grow", mixerSource("mixer-grow", channels.subList(1, 2), 1));
        awaitRunning("grow", 1);
        Await.until(WAIT, () -> emulator.mixer().connectedSockets(channels.get(0)) == 0, () -> "removed channel's socket closed");
        connect.deleteConnector("grow");
    }

    @Test
    void withoutATokenTheConnectorJoinsAnonymouslyAndReads() throws Exception {
        List<Long> channels = newMixerChannels(1);
        Map<String, String> props = mixerSource("mixer-anonymous", channels, 1);
        props.remove("mixer.oauth.token");
        int headersBefore = emulator.mixer().chatsRequestHeaders().size();
        connect.configureConnector("anonymous", props);
        awaitRunning("anonymous", 1);
        awaitSocketsAuthenticated(channels);
        String message = emulator.mixer().channel(channels.get(0)).postMessage("erin", 12, "hello anonymous");
        try (TopicReader reader = new TopicReader(connect.kafka(), "mixer-anonymous")) {
            reader.awaitAtLeast(1, e -> message.equals(e.id()), WAIT);
        }
        List<Map<String, String>> headers = emulator.mixer().chatsRequestHeaders();
        List<Map<String, String>> anonymous = headers.subList(headersBefore, headers.size());
        assertFalse(anonymous.isEmpty());
        assertTrue(anonymous.stream().noneMatch(h -> h.containsKey("authorization")), "no Authorization header at all when anonymous");
        assertTrue(anonymous.stream().allMatch(h -> h.getOrDefault("user-agent", "").startsWith("chatconnect/")), "identifies itself");
        connect.deleteConnector("anonymous");
    }

    private void postToEach(List<Long> channels, int perChannel) {
        for (int i = 0; i < perChannel; i++) {
            for (long id : channels) {
                emulator.mixer().channel(id).postRandomMessage(random);
            }
        }
    }

    private int chatsRequests(List<Long> channels) {
        return channels.stream().mapToInt(id -> emulator.mixer().chatsRequests(id)).sum();
    }

    private void awaitReconnected(List<Long> channels, int chatsRequestsBefore) {
        Await.until(WAIT, () -> channels.stream().allMatch(id -> emulator.mixer().connectedSockets(id) >= 1)
                        && chatsRequests(channels) >= chatsRequestsBefore + channels.size(),
                () -> "every channel reconnected with a fresh authkey");
    }

    private void assertEveryChannelExactlyOnceInOrder(TopicReader reader, List<Long> channels) {
        for (long id : channels) {
            List<String> expected = emulator.mixer().channel(id).messageIds();
            List<String> actual = TopicReader.ids(reader.matching(e -> e.type().equals("message") && e.channel().equals(Long.toString(id))));
            assertEquals(expected.size(), new HashSet<>(actual).size(), "channel " + id + ": every message arrives");
            assertEquals(expected, actual, "channel " + id + ": exactly once, in the platform's order");
        }
    }

    private static ObjectName channelMetrics(String connector, long channel) throws Exception {
        return MetricsRegistry.name("source-channel", connector, 0, "mixer", Long.toString(channel));
    }

    private static Object attribute(MBeanServer jmx, ObjectName name, String attribute) {
        try {
            return jmx.getAttribute(name, attribute);
        } catch (Exception e) {
            return 0L;
        }
    }

    private static Object attributeOrNull(ObjectName name, String attribute) {
        try {
            return ManagementFactory.getPlatformMBeanServer().getAttribute(name, attribute);
        } catch (Exception e) {
            return null;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // paces the traffic generator; not used to synchronise
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
