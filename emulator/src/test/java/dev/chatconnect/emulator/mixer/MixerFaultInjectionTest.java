package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static dev.chatconnect.emulator.mixer.MixerTestSupport.anonymousSocket;
import static dev.chatconnect.emulator.mixer.MixerTestSupport.awaitCondition;
import static dev.chatconnect.emulator.mixer.MixerTestSupport.botSocket;
import static dev.chatconnect.emulator.mixer.MixerTestSupport.endpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixerFaultInjectionTest extends EmulatorWithClients {

    @Override
    protected long seed() {
        return 3;
    }

    @Test
    void downedEndpointAnswersTheUpgradeWith503() {
        mixer.setEndpointDown(0, true);
        CompletionException failure = assertThrows(CompletionException.class, () -> HttpClient.newHttpClient()
                .newWebSocketBuilder().buildAsync(URI.create(endpoint(emulator, 0)), new WebSocket.Listener() { })
                .orTimeout(5, TimeUnit.SECONDS).join());
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class,
                failure.getCause());
        assertEquals(503, handshake.getResponse().statusCode());

        track(ChatTestClient.connectWelcomed(endpoint(emulator, 1)));
        mixer.setEndpointDown(0, false);
        track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        assertEquals(3, mixer.socketUpgradeUris().size());
    }

    @Test
    void droppingSocketsClosesThemWithoutACloseFrame() {
        ChatTestClient a = track(botSocket(emulator, 1001));
        ChatTestClient b = track(anonymousSocket(emulator, 1002));
        ChatTestClient idle = track(ChatTestClient.connectWelcomed(endpoint(emulator, 1)));
        assertEquals(3, mixer.totalSockets());

        mixer.dropSockets(1002);
        assertTrue(b.awaitClosed());
        awaitCondition("channel 1002 is empty", () -> mixer.connectedSockets(1002) == 0);
        assertEquals(1, mixer.connectedSockets(1001));

        mixer.dropAllSockets();
        assertTrue(a.awaitClosed());
        assertTrue(idle.awaitClosed());
        awaitCondition("no sockets remain", () -> mixer.totalSockets() == 0);
        assertEquals(0, mixer.connectedSockets(1001));
    }

    @Test
    void welcomeCanBeSuppressed() {
        mixer.setWelcomeEnabled(false);
        ChatTestClient client = track(ChatTestClient.connect(endpoint(emulator, 0)));
        client.assertNothing("WelcomeEvent", f -> true);
        assertFalse(client.call("auth", 1001).get("data").get("authenticated").asBoolean());
    }

    @Test
    void unresponsiveSocketIgnoresPingFramesAndThePingMethod() throws Exception {
        ChatTestClient client = track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        client.sendPing();
        assertNotNull(client.pollPong(ChatTestClient.WAIT), "pong while responsive");

        mixer.setPingResponsive(false);
        client.sendPing();
        client.send("ping");
        assertNull(client.pollPong(ChatTestClient.QUIET), "no pong while unresponsive");
        client.assertNothing("ping reply", f -> "reply".equals(f.path("type").asText()));

        mixer.setPingResponsive(true);
        client.sendPing();
        assertNotNull(client.pollPong(ChatTestClient.WAIT), "pong again");
        assertTrue(client.call("ping").get("error").isNull());
    }

    @Test
    void rawFramesAreDeliveredVerbatim() {
        ChatTestClient client = track(anonymousSocket(emulator, 1001));
        ChatTestClient elsewhere = track(anonymousSocket(emulator, 1002));
        String malformed = "{\"type\":\"event\",\"event\":\"ChatMessage\",\"data\":{\"id\":";
        mixer.channel(1001).sendRawFrame(malformed);
        assertEquals(malformed, client.nextRaw());
        String unknown = "{\"type\":\"event\",\"event\":\"BrandNewEvent\",\"data\":{\"x\":1}}";
        mixer.channel(1001).sendRawFrame(unknown);
        assertEquals(unknown, client.nextRaw());
        elsewhere.assertNothing("frames of another channel", f -> true);
    }

    @Test
    void userTimeoutReachesOnlyTheTimedOutUser() {
        ChatTestClient bot = track(botSocket(emulator, 1001));
        ChatTestClient other = track(anonymousSocket(emulator, 1001));
        mixer.channel(1001).emitUserTimeout("Jolet", 11233131, 1000);
        mixer.channel(1001).emitUserTimeout(mixer.botUsername(), mixer.botUserId(), 59_998);
        JsonNode timeout = bot.awaitEvent("UserTimeout").get("data");
        assertEquals(59_998, timeout.get("duration").asLong());
        assertEquals(mixer.botUserId(), timeout.get("user").get("user_id").asLong());
        other.assertNothing("UserTimeout", f -> "UserTimeout".equals(f.path("event").asText()));
    }
}
