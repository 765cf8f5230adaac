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
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The account's tokens: refreshes the access token before it expires (one refresh at a time), hands every rotated refresh
 * token to {@code onRotated} so it can be stored, and reads the account's user id from the JWT ({@code sub}).
 */
final class OsuTokens implements AccessTokens {
    private static final long EARLY_REFRESH_MAX_MILLIS = 60_000;
    private final HttpClient http;
    private final String tokenUrl;
    private final String clientId;
    private final org.apache.kafka.common.config.types.Password clientSecret;
    private final java.time.Duration timeout;
    private final Consumer<String> onRotated;
    private final Runnable onRefreshed;
    private String refreshToken;
    private String accessToken;
    private long refreshAtMillis;
    private long userId;
    private CompletableFuture<String> refreshing;

    OsuTokens(HttpClient http, OsuSettings settings, String startingRefreshToken, Consumer<String> onRotated, Runnable onRefreshed) {
        this(http, settings.tokenUrl(), settings.clientId(), settings.clientSecret(), settings.connectTimeout(),
                startingRefreshToken, onRotated, onRefreshed);
    }

    OsuTokens(HttpClient http, String tokenUrl, String clientId, org.apache.kafka.common.config.types.Password clientSecret,
              java.time.Duration timeout, String startingRefreshToken, Consumer<String> onRotated, Runnable onRefreshed) {
        this.onRefreshed = onRefreshed;
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.timeout = timeout;
        this.refreshToken = startingRefreshToken;
        this.onRotated = onRotated;
    }

    /** A usable access token, refreshed first when it is close to expiry (a minute, or a fifth of a short lifetime). */
    @Override
    public synchronized CompletableFuture<String> accessToken() {
        if (accessToken != null && System.currentTimeMillis() < refreshAtMillis) {
            return CompletableFuture.completedFuture(accessToken);
        }
        return refresh();
    }

    /** Refreshes now (e.g. after a 401 or a rejected socket); concurrent callers share one refresh. */
    @Override
    public synchronized CompletableFuture<String> refresh() {
        if (refreshing == null || refreshing.isDone()) {
            refreshing = requestRefresh();
        }
        return refreshing;
    }

    synchronized long userId() {
        return userId;
    }

    private CompletableFuture<String> requestRefresh() {
        String body = form("grant_type", "refresh_token")
                + "&" + form("refresh_token", refreshToken)
                + "&" + form("client_id", clientId)
                + "&" + form("client_secret", clientSecret == null ? "" : clientSecret.value());
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error != null) {
                throw new OsuApiException("POST /oauth/token failed: " + rootCause(error).getClass().getSimpleName(), 0);
            }
            int status = response.statusCode();
            if (status == 400 || status == 401) {
                throw new OsuAuthException("osu! refused the refresh token (HTTP " + status + ", " + errorName(response.body())
                        + "): it was revoked or already used. Authorize the application again and set a new refresh token (osu.refresh.token, or osu.sink.refresh.token for the sink)");
            }
            if (status != 200) {
                throw new OsuApiException("POST /oauth/token answered HTTP " + status, status);
            }
            return accept(response.body());
        });
    }

    private synchronized String accept(String body) {
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
        accessToken = access;
        onRefreshed.run();
        long lifetimeMillis = 1000L * (expiresIn == null ? 3600 : expiresIn);
        refreshAtMillis = System.currentTimeMillis() + lifetimeMillis - Math.min(EARLY_REFRESH_MAX_MILLIS, lifetimeMillis / 5);
        Long subject = Json.longValue(jwtClaims(access), "sub");
        if (subject != null) {
            userId = subject;
        }
        String rotated = Json.text(json, "refresh_token");
        if (rotated != null && !rotated.equals(refreshToken)) {
            refreshToken = rotated;
            onRotated.accept(rotated);
        }
        return access;
    }

    private static JsonNode jwtClaims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String errorName(String body) {
        try {
            String error = Json.text(Json.MAPPER.readTree(body), "error");
            return error == null ? "no error code" : error;
        } catch (IOException e) {
            return "no error code";
        }
    }

    private static String form(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    static Throwable rootCause(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
