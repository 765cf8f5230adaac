package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatconnect.emulator.ChatEmulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** REST calls and condition waits shared by the Mixer tests. */
final class MixerTestSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MixerTestSupport() {
    }

    static HttpResponse<String> get(String url, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Client-ID", "test-client").header("User-Agent", "chatconnect-tests/1.0");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** GET /chats/{channel} as the bot: the authkey. */
    static String authkey(ChatEmulator emulator, long channelId) {
        MixerEmulator mixer = emulator.mixer();
        return json(get(mixer.apiUrl() + "/chats/" + channelId, mixer.oauthToken())).get("authkey").asText();
    }

    static String endpoint(ChatEmulator emulator, int index) {
        return emulator.mixer().endpoints().get(index);
    }

    /** A socket authenticated as the bot on the channel, with welcome, auth reply and own UserJoin consumed. */
    static ChatTestClient botSocket(ChatEmulator emulator, long channelId) {
        ChatTestClient client = ChatTestClient.connectWelcomed(endpoint(emulator, 0));
        JsonNode reply = client.call("auth", channelId, emulator.mixer().botUserId(), authkey(emulator, channelId));
        if (!reply.path("data").path("authenticated").asBoolean()) {
            fail("auth failed: " + reply);
        }
        client.awaitEvent("UserJoin");
        return client;
    }

    static ChatTestClient anonymousSocket(ChatEmulator emulator, long channelId) {
        ChatTestClient client = ChatTestClient.connectWelcomed(endpoint(emulator, 0));
        client.call("auth", channelId);
        return client;
    }

    static void awaitCondition(String description, BooleanSupplier condition) {
        long deadline = System.nanoTime() + ChatTestClient.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + description);
            }
            try {
                Thread.sleep(10); // polling interval of the condition, not a synchronisation sleep
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
