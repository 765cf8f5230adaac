package dev.chatconnect.connector.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The secrets (Mixer's OAuth token; osu!'s client secret and every refresh token it rotated through) are set, used on
 * every connect, and the connector is driven through failures (rejected auth, dropped sockets, an unreachable API, a
 * channel that does not exist): none may appear in the captured log output nor in any task status.
 */
class SecretsIT extends ConnectClusterExtension {

    @Test
    void theOAuthTokenAppearsInNoLogAndNoStatus() throws Exception {
        String token = emulator.mixer().oauthToken();
        assertTrue(token.length() >= 8, "a token distinctive enough to search for");
        List<Long> channels = newMixerChannels(2);

        connect.configureConnector("secret", mixerSource("secret-events", channels, 1));
        awaitRunning("secret", 1);
        awaitSocketsAuthenticated(channels);
        emulator.mixer().rejectNextAuths(channels.get(0), 2, "UNOTFOUND");
        int before = emulator.mixer().chatsRequests(channels.get(1));
        emulator.mixer().dropAllSockets();
        Await.until(Duration.ofSeconds(60), () -> emulator.mixer().chatsRequests(channels.get(1)) > before, () -> "reconnect");
        String message = emulator.mixer().channel(channels.get(1)).postMessage("carol", 9, "hi");
        try (TopicReader reader = new TopicReader(connect.kafka(), "secret-events")) {
            reader.awaitAtLeast(1, e -> message.equals(e.id()), Duration.ofSeconds(60));
        }

        Map<String, String> unreachable = mixerSource("secret-unreachable", List.of(424242L), 1);
        unreachable.put("mixer.api.url", "http://127.0.0.1:1/api/v1");
        connect.configureConnector("unreachable", unreachable);
        awaitRunning("unreachable", 1);
        connect.configureConnector("missing", mixerSource("secret-missing", List.of(99_999_999L), 1));
        connect.assertions().assertConnectorIsRunningAndTasksHaveFailed("missing", 1, "a channel that does not exist fails the task");
        connect.validateConnectorConfig("ChatSourceConnector", mixerSource("x", channels, 1));

        Map<String, String> osu = osuSource("secret-osu", emulator.osu().channelIds(), 1);
        connect.configureConnector("secret-osu", osu);
        awaitRunning("secret-osu", 1);
        Await.until(Duration.ofSeconds(60), () -> emulator.osu().chatStartedSockets(emulator.osu().botUserId()) >= 1, () -> "osu! socket");
        emulator.osu().dropAllSockets();
        long osuMessage = emulator.osu().channel(emulator.osu().channelIds().get(0))
                .postMessage(emulator.osu().addUser("dana"), "hello osu", false);
        try (TopicReader reader = new TopicReader(connect.kafka(), "secret-osu")) {
            reader.awaitAtLeast(1, e -> Long.toString(osuMessage).equals(e.id()), Duration.ofSeconds(60));
        }
        List<String> osuSecrets = new java.util.ArrayList<>(emulator.osu().usedRefreshTokens());
        osuSecrets.add(emulator.osu().clientSecret());
        osuSecrets.add(osu.get("osu.refresh.token"));

        // the sink: Mixer token and osu! client secret in use, then refused credentials that fail the task
        long pmUser = emulator.osu().addUser("erin");
        connect.kafka().createTopic("secret-out", 1);
        Map<String, String> sink = chatSink("secret-out", List.of("mixer:" + channels.get(1)), List.of("osu:" + pmUser), 1);
        connect.configureConnector("secret-sink", sink);
        awaitRunning("secret-sink", 1);
        connect.kafka().produce("secret-out", "k", "{\"platform\":\"mixer\",\"channel\":\"" + channels.get(1) + "\",\"text\":\"out\"}");
        connect.kafka().produce("secret-out", "k", "{\"platform\":\"osu\",\"target_user\":\"" + pmUser + "\",\"text\":\"out\"}");
        Await.until(Duration.ofSeconds(60), () -> emulator.osu().pmChannel(emulator.osu().botUserId(), pmUser) != null
                && !emulator.mixer().channel(channels.get(1)).sentMessages().isEmpty(), () -> "sink sends");
        Map<String, String> refused = chatSink("secret-out", List.of("mixer:" + channels.get(1)), List.of("osu:" + pmUser), 1);
        refused.put("osu.client.secret", "wrong-" + emulator.osu().clientSecret());
        connect.configureConnector("refused-sink", refused);
        Await.until(Duration.ofSeconds(60), () -> taskFailed("refused-sink"), () -> "refused credentials fail the sink task");
        assertTrue(connect.connectorStatus("refused-sink").tasks().get(0).trace().contains("refused the client credentials"));
        osuSecrets.add(refused.get("osu.client.secret"));
        connect.validateConnectorConfig("ChatSinkConnector", sink);

        for (String name : List.of("secret", "unreachable", "missing", "secret-osu", "secret-sink", "refused-sink")) {
            String status = connect.connectorStatus(name).toString() + connect.connectorStatus(name).tasks().stream()
                    .map(t -> String.valueOf(t.trace())).toList();
            assertFalse(status.contains(token), "task status of " + name + " shows the token");
            osuSecrets.forEach(secret -> assertFalse(status.contains(secret), "task status of " + name + " shows an osu! secret"));
            connect.deleteConnector(name);
        }

        Path log = Path.of(System.getProperty("chatconnect.test.logdir", "target/test-logs"), "tests.log");
        assertTrue(Files.exists(log), "log captured at " + log);
        // Connect's REST API returns connector configs as stored (README: use a ConfigProvider for secrets), and the test
        // kit's own REST client logs those responses. That is the test's client talking, not the worker or the plugin.
        String captured = Files.readAllLines(log).stream()
                .filter(line -> !line.contains(" org.apache.kafka.connect.util.clusters.EmbeddedConnect - "))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(captured.contains("Mixer channel"), "the connector's own logging is captured");
        assertFalse(captured.contains(token), "the OAuth token leaked into the log");
        for (String secret : osuSecrets) {
            assertFalse(captured.contains(secret), "an osu! secret (client secret or refresh token) leaked into the log");
        }
    }

    private boolean taskFailed(String connector) {
        try {
            return connect.connectorStatus(connector).tasks().stream().anyMatch(t -> t.state().equals("FAILED"));
        } catch (RuntimeException notYetKnown) {
            return false;
        }
    }
}
