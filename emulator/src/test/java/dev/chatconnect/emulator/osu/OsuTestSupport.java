package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** REST calls with the JDK client and condition waits for the osu! tests. */
final class OsuTestSupport {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(WAIT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    record Response(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            if (body.isEmpty()) {
                return MissingNode.getInstance();
            }
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private OsuTestSupport() {
    }

    static Response send(String method, String url, String token, String contentType, String body) {
        return sendAuthorized(method, url, token == null ? null : "Bearer " + token, contentType, body);
    }

    /** With the Authorization header exactly as given (null: none). */
    static Response sendAuthorized(String method, String url, String authorization, String contentType,
                                   String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(WAIT)
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Response get(OsuEmulator osu, String apiPath, String token) {
        return send("GET", osu.apiUrl() + apiPath, token, null, null);
    }

    static Response json(String method, OsuEmulator osu, String apiPath, String token, Object body) {
        try {
            return send(method, osu.apiUrl() + apiPath, token, "application/json",
                    body == null ? "{}" : MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response form(String method, OsuEmulator osu, String apiPath, String token, String form) {
        return send(method, osu.apiUrl() + apiPath, token, "application/x-www-form-urlencoded", form);
    }

    static Response tokenRequestJson(OsuEmulator osu, Object body) {
        try {
            return send("POST", osu.baseUrl() + "/oauth/token", null, "application/json",
                    MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response tokenRequestForm(OsuEmulator osu, String form) {
        return send("POST", osu.baseUrl() + "/oauth/token", null, "application/x-www-form-urlencoded", form);
    }

    /** Joins the bot to the channel over REST and acks, so PUBLIC messages reach its sockets. */
    static void joinAndAck(OsuEmulator osu, String token, long userId, long channelId) {
        Response join = send("PUT", osu.apiUrl() + "/chat/channels/" + channelId + "/users/" + userId, token,
                null, null);
        if (join.status() != 200) {
            fail("join failed: " + join);
        }
        Response ack = json("POST", osu, "/chat/ack", token, null);
        if (ack.status() != 200) {
            fail("ack failed: " + ack);
        }
    }

    static void awaitCondition(String description, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
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
