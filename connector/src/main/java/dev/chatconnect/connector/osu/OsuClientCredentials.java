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
import java.util.concurrent.CompletableFuture;

/**
 * Tokens of the client itself (grant {@code client_credentials}, scopes {@value OsuPlatform#SINK_SCOPES}): they act as
 * the client's owner, which must be a bot account. Nothing rotates, so a new token is simply asked for before the old one
 * expires.
 */
final class OsuClientCredentials implements AccessTokens {
    private static final long EARLY_REFRESH_MAX_MILLIS = 60_000;
    private final HttpClient http;
    private final OsuSinkSettings settings;
    private final Runnable onIssued;
    private String accessToken;
    private long renewAtMillis;
    private CompletableFuture<String> requesting;

    OsuClientCredentials(HttpClient http, OsuSinkSettings settings, Runnable onIssued) {
        this.http = http;
        this.settings = settings;
        this.onIssued = onIssued;
    }

    @Override
    public synchronized CompletableFuture<String> accessToken() {
        if (accessToken != null && System.currentTimeMillis() < renewAtMillis) {
            return CompletableFuture.completedFuture(accessToken);
        }
        return refresh();
    }

    @Override
    public synchronized CompletableFuture<String> refresh() {
        if (requesting == null || requesting.isDone()) {
            requesting = request();
        }
        return requesting;
    }

    private CompletableFuture<String> request() {
        String body = form("grant_type", "client_credentials") + "&" + form("scope", OsuPlatform.SINK_SCOPES)
                + "&" + form("client_id", settings.clientId())
                + "&" + form("client_secret", settings.clientSecret() == null ? "" : settings.clientSecret().value());
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .timeout(settings.connectTimeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error != null) {
                throw new OsuApiException("POST /oauth/token failed: " + OsuTokens.rootCause(error).getClass().getSimpleName(), 0);
            }
            int status = response.statusCode();
            if (status == 400 || status == 401) {
                throw new OsuAuthException("osu! refused the client credentials (HTTP " + status + ", " + errorName(response.body())
                        + "): check osu.client.id and osu.client.secret; sending as the client needs its owner to be a bot "
                        + "account (scopes " + OsuPlatform.SINK_SCOPES + ")");
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
        long lifetimeMillis = 1000L * (expiresIn == null ? 3600 : expiresIn);
        accessToken = access;
        renewAtMillis = System.currentTimeMillis() + lifetimeMillis - Math.min(EARLY_REFRESH_MAX_MILLIS, lifetimeMillis / 5);
        onIssued.run();
        return access;
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
}
