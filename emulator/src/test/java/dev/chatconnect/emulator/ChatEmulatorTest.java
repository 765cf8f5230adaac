package dev.chatconnect.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatEmulatorTest {

    @Test
    void connectorConfigPointsAtTheEmulator() throws Exception {
        try (ChatEmulator emulator = ChatEmulator.start(EmulatorOptions.builder().mixerChannelCount(2).build())) {
            assertEquals(List.of("mixer.api.url", "mixer.client.id", "mixer.oauth.token", "osu.api.url",
                    "osu.notification.url", "osu.client.id", "osu.client.secret", "osu.refresh.token", "channels"),
                    List.copyOf(emulator.connectorConfig().keySet()));
            assertEquals("http://127.0.0.1:" + emulator.port() + "/api/v1",
                    emulator.connectorConfig().get("mixer.api.url"));
            assertEquals("mixer:1001,mixer:1002,osu:5,osu:6", emulator.connectorConfig().get("channels"));
            assertEquals(emulator.osu().apiUrl(), emulator.connectorConfig().get("osu.api.url"));
            assertEquals("ws://127.0.0.1:" + emulator.port() + "/osu/notifications",
                    emulator.connectorConfig().get("osu.notification.url"));
            assertEquals(emulator.osu().clientSecret(), emulator.connectorConfig().get("osu.client.secret"));
            assertEquals(emulator.mixer().clientId(), emulator.connectorConfig().get("mixer.client.id"));
            assertEquals(emulator.mixer().oauthToken(), emulator.connectorConfig().get("mixer.oauth.token"));

            String line = emulator.startLine();
            assertTrue(line.startsWith("EMULATOR {"), line);
            JsonNode json = new ObjectMapper().readTree(line.substring("EMULATOR ".length()));
            assertEquals(emulator.connectorConfig().get("channels"), json.get("channels").asText());
            assertEquals(9, json.size());
        }
        try (ChatEmulator none = ChatEmulator.start(EmulatorOptions.builder().mixerChannelCount(0)
                .osuChannelCount(0).build())) {
            assertEquals("", none.connectorConfig().get("channels"));
        }
    }

    @Test
    void seedMakesCredentialsRepeatable() {
        try (ChatEmulator a = ChatEmulator.start(EmulatorOptions.builder().seed(99).build());
             ChatEmulator b = ChatEmulator.start(EmulatorOptions.builder().seed(99).build())) {
            assertEquals(a.mixer().oauthToken(), b.mixer().oauthToken());
            assertEquals(a.mixer().botUserId(), b.mixer().botUserId());
            assertEquals(a.osu().clientId(), b.osu().clientId());
            assertEquals(a.osu().clientSecret(), b.osu().clientSecret());
            assertEquals(a.osu().botUserId(), b.osu().botUserId());
            assertTrue(!a.osu().initialRefreshToken().equals(b.osu().initialRefreshToken()), "tokens stay random");
        }
    }

    @Test
    void closeFreesTheFixedPortPromptly() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        long started = System.nanoTime();
        ChatEmulator.start(EmulatorOptions.builder().port(port).trafficEventsPerSecond(50).build()).close();
        try (ChatEmulator again = ChatEmulator.start(EmulatorOptions.builder().port(port).build())) {
            assertEquals(port, again.port());
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "start/close is prompt");
    }

    @Test
    void optionsRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.builder().port(70000));
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.builder().mixerEndpointCount(0));
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.builder().trafficEventsPerSecond(-1));
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.builder().authkeyTtl(Duration.ofSeconds(-1)));
        EmulatorOptions defaults = EmulatorOptions.defaults();
        assertEquals(3, defaults.mixerChannelCount());
        assertEquals(2, defaults.mixerEndpointCount());
        assertTrue(defaults.authkeySingleUse());
        assertEquals(Duration.ofMinutes(5), defaults.authkeyTtl());
        assertEquals(0, defaults.port());
    }
}
