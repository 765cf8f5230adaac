package dev.chatconnect.connector.osu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.connector.util.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.config.types.Password;

/**
 * {@code POST /oauth/token} for one OAuth client: sends a grant with the client's credentials, parses the answer.
 * 400/401 mean the grant or the client was refused for good ({@link OsuAuthException}); errors never carry a token.
 */
final class OsuTokenEndpoint {

    /** A token answer; {@code refreshToken} is null for grants that issue none. */
    record Issued(String accessToken, long lifetimeMillis, String refreshToken) {
    }

    private final HttpClient http;
    private final String tokenUrl;
    private final String clientId;
    private final Password clientSecret;
    private final Duration timeout;

    OsuTokenEndpoint(HttpClient http, String tokenUrl, String clientId, Password clientSecret, Duration timeout) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.timeout = timeout;
    }

    /** Requests a token with {@code grant} (grant_type and its fields); {@code refusedMeans} explains a 400/401. */
    CompletableFuture<Issued> request(Map<String, String> grant, String refusedMeans) {
        Map<String, String> fields = new LinkedHashMap<>(grant);
        fields.put("client_id", clientId);
        fields.put("client_secret", clientSecret == null ? "" : clientSecret.value());
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error != null) {
                throw new OsuApiException("POST /oauth/token failed: " + OsuTokens.rootCause(error).getClass().getSimpleName(), 0);
            }
            int status = response.statusCode();
            if (status == 400 || status == 401) {
                throw new OsuAuthException("osu! refused " + refusedMeans.replace("{status}", "HTTP " + status + ", "
                        + errorName(response.body())));
            }
            if (status != 200) {
                throw new OsuApiException("POST /oauth/token answered HTTP " + status, status);
            }
            return parse(response.body());
        });
    }

    private static Issued parse(String body) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new OsuApiException("POST /oauth/token returned a body that is not JSON", 200);
        }
        String access = Json.text(json, "access_token");
        if (access == null) {
            throw new OsuApiException("POST /oauth/token returned no access_token", 200);
        }
        Long expiresIn = Json.longValue(json, "expires_in");
        return new Issued(access, 1000L * (expiresIn == null ? 3600 : expiresIn), Json.text(json, "refresh_token"));
    }

    /** When to renew a token of this lifetime: a minute before it expires, or a fifth of a short lifetime before. */
    static long renewAt(long lifetimeMillis) {
        return System.currentTimeMillis() + lifetimeMillis - Math.min(60_000, lifetimeMillis / 5);
    }

    private static String errorName(String body) {
        try {
            String error = Json.text(Json.MAPPER.readTree(body), "error");
            return error == null ? "no error code" : error;
        } catch (IOException e) {
            return "no error code";
        }
    }
}
