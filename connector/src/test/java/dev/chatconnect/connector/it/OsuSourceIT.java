package dev.chatconnect.connector.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatconnect.connector.it.TopicReader.Event;
import dev.chatconnect.emulator.EmulatorOptions;
import dev.chatconnect.emulator.osu.OsuChannel;
import dev.chatconnect.emulator.osu.OsuEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The osu! source end to end: emulator (OAuth, REST, notification socket) -> Connect worker -> Kafka. */
class OsuSourceIT extends ConnectClusterExtension {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private final Random random = new Random(11);

    @Override
    protected EmulatorOptions emulatorOptions() {
        return EmulatorOptions.builder().mixerChannelCount(0).osuChannelCount(0).build();
    }

    private OsuEmulator osu() {
        return emulator.osu();
    }

    private List<Long> newOsuChannels(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(osu().addPublicChannel("#it" + System.nanoTime() % 1_000_000 + "x" + i).id());
        }
        return ids;
    }

    private void awaitChatStarted() {
        Await.until(WAIT, () -> osu().chatStartedSockets(osu().botUserId()) >= 1, () -> "the connector's socket to send chat.start");
    }

    @Test
    void socketsDroppedEverySecondOrTwoLoseAndDuplicateNoMessage() throws Exception {
        List<Long> channels = newOsuChannels(5);
        connect.configureConnector("osu-drops", osuSource("osu-drops", channels, 1));
        awaitRunning("osu-drops", 1);
        awaitChatStarted();

        AtomicBoolean posting = new AtomicBoolean(true);
        long sender = osu().addUser("chatty");
        Thread poster = new Thread(() -> {
            for (int i = 0; i < 40 && posting.get(); i++) {
                for (long id : channels) {
                    osu().channel(id).postMessage(sender, "message " + i + " in " + id, i % 7 == 0);
                }
                pause(40);
            }
        });
        poster.start();
        for (int drop = 0; drop < 4; drop++) {
            pause(1_200);
            int restsBefore = osu().restRequests();
            osu().dropAllSockets();
            Await.until(WAIT, () -> osu().chatStartedSockets(osu().botUserId()) >= 1 && osu().restRequests() > restsBefore,
                    () -> "reconnected and caught up");
        }
        poster.join();

        try (TopicReader reader = new TopicReader(connect.kafka(), "osu-drops")) {
            int expected = channels.stream().mapToInt(id -> osu().channel(id).messageIds().size()).sum();
            reader.awaitAtLeast(expected, e -> e.type().equals("message"), WAIT);
            reader.drain(e -> true, Duration.ofSeconds(2));
            assertEveryChannelExactlyOnce(reader, channels);
            Event sample = reader.matching(e -> e.type().equals("message")).get(0);
            assertEquals("osu", sample.value().path("platform").asText());
            assertEquals("PUBLIC", sample.value().path("channel_type").asText());
            assertTrue(sample.value().path("channel_name").asText().startsWith("#it"));
            assertTrue(sample.value().path("platform_timestamp").asLong() > 0, "osu! messages carry a timestamp");
            assertFalse(sample.value().path("user").path("name").asText("").isEmpty(), "sender resolved from users[] or sender");
        }
        connect.deleteConnector("osu-drops");
    }

    @Test
    void stoppedConnectorCatchesUpThroughRestWithoutDuplicates() throws Exception {
        List<Long> channels = newOsuChannels(3);
        connect.configureConnector("osu-resume", osuSource("osu-resume", channels, 1));
        awaitRunning("osu-resume", 1);
        awaitChatStarted();
        post(channels, 10);
        try (TopicReader reader = new TopicReader(connect.kafka(), "osu-resume")) {
            reader.awaitAtLeast(30, e -> e.type().equals("message"), WAIT);
        }
        connect.stopConnector("osu-resume");
        connect.assertions().assertConnectorIsStopped("osu-resume", "stopped");
        Await.until(WAIT, () -> osu().openSockets() == 0, () -> "socket closed by stop()");
        post(channels, 70); // more than one page of 50 per channel
        int messageReadsBefore = channels.stream().mapToInt(id -> osu().messagesRequests(id)).sum();

        connect.resumeConnector("osu-resume");
        awaitRunning("osu-resume", 1);
        try (TopicReader reader = new TopicReader(connect.kafka(), "osu-resume")) {
            reader.awaitAtLeast(240, e -> e.type().equals("message"), WAIT);
            reader.drain(e -> true, Duration.ofSeconds(2));
            assertEveryChannelExactlyOnce(reader, channels);
        }
        int pages = channels.stream().mapToInt(id -> osu().messagesRequests(id)).sum() - messageReadsBefore;
        assertTrue(pages >= 2 * channels.size(), "the gap was paged through REST (" + pages + " reads)");
        connect.deleteConnector("osu-resume");
    }

    @Test
    void anEmptySincePageCausedByThe24HourBacklogFilterDoesNotHideNewerMessages() throws Exception {
        List<Long> channels = newOsuChannels(1);
        OsuChannel channel = osu().channel(channels.get(0));
        connect.configureConnector("osu-backlog", osuSource("osu-backlog", channels, 1));
        awaitRunning("osu-backlog", 1);
        awaitChatStarted();
        post(channels, 5);
        try (TopicReader reader = new TopicReader(connect.kafka(), "osu-backlog")) {
            reader.awaitAtLeast(5, e -> e.type().equals("message"), WAIT);
        }
        connect.stopConnector("osu-backlog");
        connect.assertions().assertConnectorIsStopped("osu-backlog", "stopped");
        Await.until(WAIT, () -> osu().openSockets() == 0, () -> "socket closed by stop()");

        // §8.2: 60 rows older than 24 h right after the offset, so since= returns an empty (filtered) page
        long old = osu().addUser("yesterday");
        for (int i = 0; i < 60; i++) {
            channel.postBackdatedMessage(old, "old " + i, false, java.time.Instant.now().minus(Duration.ofHours(25)));
        }
        long fresh = osu().addUser("today");
        List<String> freshIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            freshIds.add(Long.toString(channel.postMessage(fresh, "fresh " + i, false)));
        }

        connect.resumeConnector("osu-backlog");
        awaitRunning("osu-backlog", 1);
        try (TopicReader reader = new TopicReader(connect.kafka(), "osu-backlog")) {
            reader.awaitAtLeast(10, e -> e.type().equals("message"), WAIT);
            reader.drain(e -> true, Duration.ofSeconds(1));
            List<String> ids = TopicReader.ids(reader.matching(e -> e.type().equals("message")));
            assertEquals(10, ids.size(), "5 before the stop + 5 fresh; the hidden old rows cannot be read: " + ids);
            assertEquals(freshIds, ids.subList(5, 10));
        }
        connect.deleteConnector("osu-backlog");
    }

    @Test
    void expiringAccessTokensAndRotatingRefreshTokensSurviveATaskRestart() throws Exception {
        List<Long> channels = newOsuChannels(2);
        osu().setAccessTokenTtl(Duration.ofSeconds(3));
        int tokenRequestsBefore = osu().tokenRequests();
        connect.configureConnector("osu-tokens", osuSource("osu-tokens", channels, 1));
        awaitRunning("osu-tokens", 1);
        awaitChatStarted();
        post(channels, 5);
        Await.until(WAIT, () -> osu().tokenRequests() >= tokenRequestsBefore + 3, () -> "access token refreshed mid-stream (rotation)");
        post(channels, 5);
        osu().setAccessTokenTtl(Duration.ofDays(1));
        int settled = osu().tokenRequests();
        Await.until(WAIT, () -> osu().tokenRequests() > settled, () -> "one more refresh, now to a long-lived token");
        List<String> used = osu().usedRefreshTokens();
        assertEquals(used.size(), new HashSet<>(used).size(), "every refresh used a new refresh token");
        javax.management.ObjectName accountMetrics = dev.chatconnect.connector.metrics.MetricsRegistry
                .name("source-account", "osu-tokens", 0, "osu", "account");
        assertTrue((Long) java.lang.management.ManagementFactory.getPlatformMBeanServer()
                .getAttribute(accountMetrics, "TokenRefreshes") >= 3, "token refreshes are counted in JMX");
        try (TopicReader reader = new TopicReader(connect.kafka(), "osu-tokens")) {
            reader.awaitAtLeast(20, e -> e.type().equals("message"), WAIT);
        }

        connect.restartConnectorAndTasks("osu-tokens", false, true, false);
        awaitRunning("osu-tokens", 1);
        Await.until(WAIT, () -> osu().chatStartedSockets(osu().botUserId()) >= 1, () -> "restarted task reconnected");
        post(channels, 5);
        try (TopicReader reader = new TopicReader(connect.kafka(), "osu-tokens")) {
            reader.awaitAtLeast(30, e -> e.type().equals("message"), WAIT);
            reader.drain(e -> true, Duration.ofSeconds(2));
            assertEveryChannelExactlyOnce(reader, channels);
        }
        assertEquals("RUNNING", connect.connectorStatus("osu-tokens").tasks().get(0).state());
        connect.deleteConnector("osu-tokens");
    }

    @Test
    void publicChannelsKeepFlowingThanksToTheKeepaliveAndRateLimitsAreHonoured() throws Exception {
        List<Long> channels = newOsuChannels(1);
        osu().setChatActivityTimeout(Duration.ofSeconds(3));
        try {
            connect.configureConnector("osu-ack", osuSource("osu-ack", channels, 1));
            awaitRunning("osu-ack", 1);
            awaitChatStarted();
            int acks = osu().ackRequests();
            Await.until(WAIT, () -> osu().ackRequests() >= acks + 5, () -> "several keepalives, beyond the activity timeout");
            long late = osu().channel(channels.get(0)).postMessage(osu().addUser("late_user"), "still delivered live", false);

            int before429 = osu().http429Count();
            osu().rejectNextRequestsWith429(3);
            osu().dropAllSockets();
            long after = osu().channel(channels.get(0)).postMessage(osu().addUser("after_drop"), "after 429s", true);
            try (TopicReader reader = new TopicReader(connect.kafka(), "osu-ack")) {
                reader.awaitAtLeast(1, e -> Long.toString(after).equals(e.id()), WAIT);
                assertEquals(1, reader.matching(e -> Long.toString(late).equals(e.id())).size());
                Event action = reader.matching(e -> Long.toString(after).equals(e.id())).get(0);
                assertTrue(action.value().path("flags").path("action").asBoolean(), "is_action");
            }
            assertTrue(osu().http429Count() >= before429 + 3, "the 429s were sent and retried");
            javax.management.ObjectName accountMetrics = dev.chatconnect.connector.metrics.MetricsRegistry
                    .name("source-account", "osu-ack", 0, "osu", "account");
            assertTrue((Long) java.lang.management.ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(accountMetrics, "RateLimitedResponses") >= 1, "429s are counted in JMX");
        } finally {
            osu().setChatActivityTimeout(Duration.ofSeconds(60));
        }
        connect.deleteConnector("osu-ack");
    }

    @Test
    void serverPingsAreAnsweredSoTheSocketIsNotCut() throws Exception {
        List<Long> channels = newOsuChannels(1);
        osu().setPingInterval(Duration.ofMillis(300));
        try {
            Map<String, String> props = osuSource("osu-pings", channels, 1);
            props.put("keepalive.idle.ms", "60000"); // only the server pings: the connector must answer them
            connect.configureConnector("osu-pings", props);
            awaitRunning("osu-pings", 1);
            awaitChatStarted();
            int connections = osu().openSockets();
            javax.management.ObjectName channelMetrics = dev.chatconnect.connector.metrics.MetricsRegistry
                    .name("source-channel", "osu-pings", 0, "osu", Long.toString(channels.get(0)));
            long reconnects = (Long) java.lang.management.ManagementFactory.getPlatformMBeanServer().getAttribute(channelMetrics, "Reconnects");
            int acks = osu().ackRequests();
            Await.until(WAIT, () -> osu().ackRequests() >= acks + 4, () -> "a few seconds, i.e. many server ping cycles");
            assertEquals(reconnects, java.lang.management.ManagementFactory.getPlatformMBeanServer().getAttribute(channelMetrics, "Reconnects"),
                    "the server never cut the socket for a missing pong");
            assertEquals(connections, osu().openSockets());
        } finally {
            osu().setPingInterval(Duration.ofSeconds(20));
        }
        connect.deleteConnector("osu-pings");
    }

    /** A connector (topic of the same name) on one new public channel, streaming the bot's private messages too. */
    private void startWithPrivateMessages(String name) throws InterruptedException {
        Map<String, String> props = osuSource(name, newOsuChannels(1), 1);
        props.put("osu.private.messages", "true");
        connect.configureConnector(name, props);
        awaitRunning(name, 1);
        awaitChatStarted();
    }

    @Test
    void privateMessagesBecomeTheirOwnChannel() throws Exception {
        startWithPrivateMessages("osu-pm");
        long friend = osu().addUser("pm_friend");
        long pm = osu().sendPrivateMessage(friend, osu().botUserId(), "psst, a private hello", false);
        try (TopicReader reader = new TopicReader(connect.kafka(), "osu-pm")) {
            Event event = reader.awaitAtLeast(1, e -> Long.toString(pm).equals(e.id()), WAIT).get(0);
            assertEquals("PM", event.value().path("channel_type").asText());
            assertEquals("pm_friend", event.value().path("user").path("name").asText());
            assertEquals(Long.toString(osu().pmChannel(friend, osu().botUserId()).id()), event.channel());
        }
        connect.deleteConnector("osu-pm");
    }

    @Test
    void privateMessagesSentWhileTheConnectorWasStoppedArriveAfterTheResume() throws Exception {
        startWithPrivateMessages("osu-pm-resume");
        long friend = osu().addUser("pm_resume_friend");
        long first = osu().sendPrivateMessage(friend, osu().botUserId(), "before the stop", false);
        try (TopicReader reader = new TopicReader(connect.kafka(), "osu-pm-resume")) {
            reader.awaitAtLeast(1, e -> Long.toString(first).equals(e.id()), WAIT);
        }
        connect.stopConnector("osu-pm-resume");
        connect.assertions().assertConnectorIsStopped("osu-pm-resume", "stopped");
        Await.until(WAIT, () -> osu().openSockets() == 0, () -> "socket closed by stop()");
        List<String> whileAway = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            whileAway.add(Long.toString(osu().sendPrivateMessage(friend, osu().botUserId(), "while away " + i, false)));
        }

        connect.resumeConnector("osu-pm-resume"); // no new private message follows: the channel is known from the offsets
        awaitRunning("osu-pm-resume", 1);
        try (TopicReader reader = new TopicReader(connect.kafka(), "osu-pm-resume")) {
            reader.awaitAtLeast(4, e -> e.type().equals("message"), WAIT);
            reader.drain(e -> true, Duration.ofSeconds(2));
            List<String> ids = reader.matching(e -> e.type().equals("message")).stream().map(Event::id).toList();
            List<String> expected = new java.util.ArrayList<>(List.of(Long.toString(first)));
            expected.addAll(whileAway);
            assertEquals(expected, ids, "each private message once, in order");
        }
        connect.deleteConnector("osu-pm-resume");
    }

    @Test
    void aRevokedTokenFailsTheTaskClearlyWithoutARetryStorm() throws Exception {
        List<Long> channels = newOsuChannels(1);
        long account = osu().addUser("soon_revoked");
        Map<String, String> props = osuSource("osu-revoked", channels, 1);
        props.put("osu.refresh.token", osu().issueRefreshToken(account));
        connect.configureConnector("osu-revoked", props);
        awaitRunning("osu-revoked", 1);
        Await.until(WAIT, () -> osu().chatStartedSockets(account) >= 1, () -> "chat.start from the revoked account's socket");
        int tokenRequests = osu().tokenRequests();
        osu().revokeTokensOf(account);
        connect.assertions().assertConnectorIsRunningAndTasksHaveFailed("osu-revoked", 1, "task fails on a revoked token");
        String trace = connect.connectorStatus("osu-revoked").tasks().get(0).trace();
        assertTrue(trace.contains("refresh token") && trace.contains("osu.refresh.token"), trace);
        assertTrue(osu().tokenRequests() <= tokenRequests + 3, "no retry storm: " + (osu().tokenRequests() - tokenRequests));
        connect.deleteConnector("osu-revoked");
    }

    @Test
    void anotherUsersCommandsAreNotDeliveredAsOsuDoesNot() throws Exception {
        List<Long> channels = newOsuChannels(1);
        connect.configureConnector("osu-commands", osuSource("osu-commands", channels, 1));
        awaitRunning("osu-commands", 1);
        awaitChatStarted();
        long user = osu().addUser("commander");
        long command = osu().channel(channels.get(0)).postMessage(user, "!roll 100", false);
        long plain = osu().channel(channels.get(0)).postMessage(user, "! not a command", false);
        try (TopicReader reader = new TopicReader(connect.kafka(), "osu-commands")) {
            reader.awaitAtLeast(1, e -> Long.toString(plain).equals(e.id()), WAIT);
            assertTrue(reader.matching(e -> Long.toString(command).equals(e.id())).isEmpty(), "user commands reach only their sender");
        }
        connect.deleteConnector("osu-commands");
    }

    @Test
    void oneConnectorStreamsMixerAndOsuChannelsTogether() throws Exception {
        List<Long> osuChannels = newOsuChannels(2);
        List<Long> mixerChannels = newMixerChannels(2);
        Map<String, String> props = osuSource("mixed-events", osuChannels, 2);
        Map<String, String> mixer = mixerSource("mixed-events", mixerChannels, 2);
        props.putAll(Map.of("mixer.api.url", mixer.get("mixer.api.url"), "mixer.client.id", mixer.get("mixer.client.id"),
                "mixer.oauth.token", mixer.get("mixer.oauth.token")));
        props.put("channels", props.get("channels") + "," + mixer.get("channels"));
        connect.configureConnector("mixed", props);
        awaitRunning("mixed", 2);
        awaitChatStarted();
        awaitSocketsAuthenticated(mixerChannels);
        post(osuChannels, 5);
        for (long id : mixerChannels) {
            for (int i = 0; i < 5; i++) {
                emulator.mixer().channel(id).postRandomMessage(random);
            }
        }
        try (TopicReader reader = new TopicReader(connect.kafka(), "mixed-events")) {
            reader.awaitAtLeast(20, e -> e.type().equals("message"), WAIT);
            reader.drain(e -> true, Duration.ofSeconds(1));
            assertEquals(10, reader.matching(e -> e.type().equals("message") && e.key().startsWith("osu:")).size());
            assertEquals(10, reader.matching(e -> e.type().equals("message") && e.key().startsWith("mixer:")).size());
        }
        connect.deleteConnector("mixed");
    }

    /** Posts plain messages (no "!commands": osu! shows another user's commands only to that user). */
    private void post(List<Long> channels, int perChannel) {
        long sender = osu().addUser("poster" + random.nextInt(1_000_000));
        for (int i = 0; i < perChannel; i++) {
            for (long id : channels) {
                osu().channel(id).postMessage(sender, "hello " + i + " from " + sender, false);
            }
        }
    }

    private void assertEveryChannelExactlyOnce(TopicReader reader, List<Long> channels) {
        for (long id : channels) {
            List<String> expected = osu().channel(id).messageIds().stream().map(String::valueOf).toList();
            List<String> actual = TopicReader.ids(reader.matching(e -> e.type().equals("message") && e.channel().equals(Long.toString(id))));
            assertEquals(expected.size(), new HashSet<>(actual).size(), "channel " + id + ": every message_id arrives");
            assertEquals(expected, actual, "channel " + id + ": each message_id exactly once, in id order");
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // paces traffic and faults; never used to wait for a result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
