package dev.chatconnect.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import dev.chatconnect.emulator.mixer.MixerEmulator;
import dev.chatconnect.emulator.osu.OsuEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The admin HTTP API under /_emulator/, driven with java.net.http as an operator script would. */
class AdminApiTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChatEmulator emulator;
    private MixerEmulator mixer;
    private OsuEmulator osu;

    @BeforeEach
    void start() {
        emulator = ChatEmulator.start(EmulatorOptions.builder().mixerChannelCount(2).seed(17).build());
        mixer = emulator.mixer();
        osu = emulator.osu();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private record Reply(int status, JsonNode json) {
    }

    private Reply call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + emulator.port() + path))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply post(String path) {
        return call("POST", path, null);
    }

    @Test
    void mixerChannelFaults() {
        assertEquals(200, post("/_emulator/mixer/channels/1001/reject-auth?count=2&error=UACCESS").status());
        assertEquals(200, post("/_emulator/mixer/channels/1002/deny").status());
        assertEquals(200, post("/_emulator/mixer/channels/1002/allow").status());
        assertEquals(200, post("/_emulator/mixer/ping-responsive?value=false").status());
        Reply message = call("POST", "/_emulator/mixer/channels/1001/messages",
                "{\"user\":\"Operator\",\"text\":\"hello from curl\"}");
        assertEquals(200, message.status());
        assertEquals(mixer.channel(1001).messageIds().get(0), message.json().get("id").asText());
        Reply raw = call("POST", "/_emulator/mixer/channels/1001/raw-frame", "{\"type\":\"event\",\"weird\":1}");
        assertEquals(200, raw.status());
        assertEquals(true, raw.json().get("ok").asBoolean());

        Reply unknownChannel = post("/_emulator/mixer/channels/9/deny");
        assertEquals(404, unknownChannel.status());
        assertTrue(unknownChannel.json().get("error").asText().contains("9"));
        assertEquals(400, post("/_emulator/mixer/channels/abc/deny").status());
        assertEquals(400, post("/_emulator/mixer/ping-responsive?value=maybe").status());
        assertEquals(404, post("/_emulator/mixer/no-such-thing").status());
        assertEquals(404, call("GET", "/_emulator/nowhere/stats", null).status());
    }

    @Test
    void mixerEndpointsSocketsTrafficAndStats() throws Exception {
        assertEquals(200, post("/_emulator/mixer/endpoints/0/down").status());
        CompletableFuture<Integer> refused = new CompletableFuture<>();
        HTTP.newWebSocketBuilder().buildAsync(URI.create(mixer.endpoints().get(0)), new WebSocket.Listener() { })
                .whenComplete((ws, error) -> refused.complete(error == null ? 101 : 503));
        assertEquals(503, refused.get(5, TimeUnit.SECONDS));
        assertEquals(200, post("/_emulator/mixer/endpoints/0/up").status());
        assertEquals(404, post("/_emulator/mixer/endpoints/7/down").status());

        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(mixer.endpoints().get(1)),
                new WebSocket.Listener() { }).get(5, TimeUnit.SECONDS);
        await("the socket is counted", () -> mixer.totalSockets() == 1);
        Reply drop = post("/_emulator/mixer/drop-sockets");
        assertEquals(1, drop.json().get("socketsBefore").asInt());
        await("the socket is gone", () -> mixer.totalSockets() == 0);
        socket.abort();

        assertEquals(200, post("/_emulator/mixer/traffic?rate=50").status());
        await("traffic flows", () -> mixer.channel(1001).messageCount() > 0);
        assertEquals(200, call("DELETE", "/_emulator/mixer/traffic", null).status());
        int after = mixer.channel(1001).messageCount();
        Reply stats = call("GET", "/_emulator/mixer/stats", null);
        assertEquals(after, stats.json().get("channels").get("1001").get("messages").asInt(),
                "stopped: the count no longer moves");
        assertEquals(0, stats.json().get("channels").get("1001").get("sockets").asInt());
        assertEquals(0, stats.json().get("sockets").asInt());
    }

    @Test
    void osuFaultsMessagesAndStats() {
        Reply user = call("POST", "/_emulator/osu/users", "{\"username\":\"Operator\"}");
        long userId = user.json().get("id").asLong();
        Reply message = call("POST", "/_emulator/osu/channels/5/messages",
                "{\"user\":\"Operator\",\"text\":\"waves\",\"action\":true}");
        assertEquals(200, message.status());
        assertEquals(userId, message.json().get("sender_id").asLong());
        assertEquals(osu.channel(5).lastMessageId(), message.json().get("message_id").asLong());
        Reply pm = call("POST", "/_emulator/osu/pm", "{\"from\":\"Operator\",\"to\":\"" + osu.botUserId()
                + "\",\"text\":\"psst\"}");
        assertEquals(osu.pmChannel(userId, osu.botUserId()).id(), pm.json().get("channel").asLong());

        String token = osu.issueAccessToken(osu.botUserId());
        assertEquals(200, post("/_emulator/osu/fail-requests?count=1&status=500").status());
        assertEquals(500, api(token));
        assertEquals(200, post("/_emulator/osu/reject-429?count=1").status());
        assertEquals(429, api(token));
        assertEquals(200, api(token));
        assertEquals(200, post("/_emulator/osu/users/" + osu.botUserId() + "/revoke").status());
        assertEquals(401, api(token));

        Reply refresh = post("/_emulator/osu/users/" + osu.botUserId() + "/refresh-token");
        assertTrue(refresh.json().get("refresh_token").asText().startsWith("def50200"));
        assertEquals(200, post("/_emulator/osu/access-token-ttl?seconds=30").status());
        assertEquals(200, post("/_emulator/osu/activity-timeout?seconds=0").status());
        assertEquals(200, post("/_emulator/osu/api-rate-limit?value=100").status());
        assertEquals(400, post("/_emulator/osu/api-rate-limit?value=0").status());
        assertEquals(200, post("/_emulator/osu/expire-tokens").status());
        assertEquals(200, post("/_emulator/osu/drop-sockets").status());
        assertEquals(404, post("/_emulator/osu/users/1/revoke").status());

        Reply stats = call("GET", "/_emulator/osu/stats", null);
        assertEquals(1, stats.json().get("channels").get("5").get("messages").asInt());
        assertEquals(4, stats.json().get("restRequests").asInt());
        assertEquals(1, stats.json().get("http429").asInt());
    }

    @Test
    void osuTraffic() {
        assertEquals(200, post("/_emulator/osu/traffic?rate=40").status());
        await("osu traffic flows", () -> osu.channel(6).messageCount() > 2);
        assertEquals(200, call("DELETE", "/_emulator/osu/traffic", null).status());
        assertFalse(osu.channel(6).messageIds().isEmpty());
    }

    private int api(String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(osu.apiUrl() + "/chat/channels"))
                .header("Authorization", "Bearer " + token).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(String description, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + description);
            }
            try {
                Thread.sleep(5); // polling interval of the condition, not a synchronisation sleep
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
