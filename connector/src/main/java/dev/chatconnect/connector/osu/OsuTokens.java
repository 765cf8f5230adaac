package dev.chatconnect.connector.osu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.connector.util.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The account's tokens: refreshes the access token before it expires (one refresh at a time), hands every rotated refresh
 * token to {@code onRotated} so it can be stored, and reads the account's user id from the JWT ({@code sub}).
 */
final class OsuTokens implements AccessTokens {
    private final OsuTokenEndpoint endpoint;
    private final Consumer<String> onRotated;
    private final Runnable onRefreshed;
    private String refreshToken;
    private String accessToken;
    private long refreshAtMillis;
    private long userId;
    private CompletableFuture<String> refreshing;

    OsuTokens(HttpClient http, OsuSettings settings, String startingRefreshToken, Consumer<String> onRotated, Runnable onRefreshed) {
        this(new OsuTokenEndpoint(http, settings.tokenUrl(), settings.clientId(), settings.clientSecret(), settings.connectTimeout()),
                startingRefreshToken, onRotated, onRefreshed);
    }

    OsuTokens(OsuTokenEndpoint endpoint, String startingRefreshToken, Consumer<String> onRotated, Runnable onRefreshed) {
        this.endpoint = endpoint;
        this.refreshToken = startingRefreshToken;
        this.onRotated = onRotated;
        this.onRefreshed = onRefreshed;
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
            refreshing = endpoint.request(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                            "the refresh token ({status}): it was revoked or already used. Authorize the application again "
                                    + "and set a new refresh token (osu.refresh.token, or osu.sink.refresh.token for the sink)")
                    .thenApply(this::accept);
        }
        return refreshing;
    }

    synchronized long userId() {
        return userId;
    }

    private synchronized String accept(OsuTokenEndpoint.Issued issued) {
        accessToken = issued.accessToken();
        onRefreshed.run();
        refreshAtMillis = OsuTokenEndpoint.renewAt(issued.lifetimeMillis());
        Long subject = Json.longValue(jwtClaims(issued.accessToken()), "sub");
        if (subject != null) {
            userId = subject;
        }
        String rotated = issued.refreshToken();
        if (rotated != null && !rotated.equals(refreshToken)) {
            refreshToken = rotated;
            onRotated.accept(rotated);
        }
        return issued.accessToken();
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

    static Throwable rootCause(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
