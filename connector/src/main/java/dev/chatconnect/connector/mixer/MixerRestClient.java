package dev.chatconnect.connector.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.connector.Version;
import dev.chatconnect.connector.util.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import dev.chatconnect.connector.util.Futures;
import dev.chatconnect.connector.util.RequestBudget;
import java.util.List;
import org.apache.kafka.common.config.types.Password;
import java.util.concurrent.CompletableFuture;

/** The three REST calls chat needs (§1.5 of the reference): current user, channel id by name, chat endpoints. */
final class MixerRestClient {
    static final String USER_AGENT = "chatconnect/" + Version.get() + " (Kafka Connect; Java)";
    private final HttpClient http;
    private final String apiUrl;
    private final String clientId;
    private final Password token;
    private final Duration timeout;
    private final RequestBudget chatsBudget;

    /** {@code chatsBudget} paces GET /chats (Mixer's chats bucket); null for none. */
    MixerRestClient(HttpClient http, String apiUrl, String clientId, Password token, Duration timeout, RequestBudget chatsBudget) {
        this.http = http;
        this.chatsBudget = chatsBudget;
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.clientId = clientId;
        this.token = token;
        this.timeout = timeout;
    }

    MixerRestClient(HttpClient http, MixerSettings settings, RequestBudget chatsBudget) {
        this(http, settings.apiUrl(), settings.clientId(), settings.token(), settings.connectTimeout(), chatsBudget);
    }

    /** Connection details of a channel; the authkey is present only when the request carried a token. */
    record ChatEndpoints(List<String> endpoints, String authkey) {
    }

    CompletableFuture<Long> currentUserId() {
        return get("/users/current", "GET /users/current").thenApply(body -> {
            Long id = Json.longValue(body, "id");
            if (id == null) {
                throw new MixerApiException("GET /users/current returned no user id", 200, true);
            }
            return id;
        });
    }

    CompletableFuture<Long> channelIdByName(String name) {
        String path = "/channels/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "?fields=id";
        return get(path, "GET /channels/" + name).thenApply(body -> {
            Long id = Json.longValue(body, "id");
            if (id == null) {
                throw new MixerApiException("GET /channels/" + name + " returned no id", 404, false);
            }
            return id;
        });
    }

    CompletableFuture<ChatEndpoints> chats(long channelId) {
        String what = "GET /chats/" + channelId;
        CompletableFuture<Void> slot = chatsBudget == null ? CompletableFuture.completedFuture(null) : chatsBudget.acquire();
        return slot.thenCompose(ready -> get("/chats/" + channelId, what)).whenComplete((body, error) -> {
            if (chatsBudget != null && error != null && Futures.unwrap(error) instanceof MixerApiException e && e.status() == 429) {
                chatsBudget.pause(Duration.ofSeconds(1)); // everyone waits, rather than each channel retrying on its own
            }
        }).thenApply(body -> {
            List<String> endpoints = Json.strings(body, "endpoints");
            if (endpoints.isEmpty()) {
                throw new MixerApiException(what + " returned no chat endpoints", 200, true);
            }
            return new ChatEndpoints(endpoints, Json.text(body, "authkey"));
        });
    }

    private CompletableFuture<JsonNode> get(String path, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiUrl + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .GET();
        if (!clientId.isBlank()) {
            request.header("Client-ID", clientId);
        }
        if (token != null && token.value() != null && !token.value().isBlank()) {
            request.header("Authorization", "Bearer " + token.value());
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        throw new MixerApiException(what + " failed: " + cause.getClass().getSimpleName(), 0, true);
                    }
                    if (response.statusCode() != 200) {
                        throw MixerApiException.fromStatus(what, response.statusCode());
                    }
                    try {
                        return Json.MAPPER.readTree(response.body());
                    } catch (IOException e) {
                        throw new MixerApiException(what + " returned a body that is not JSON", 200, true);
                    }
                });
    }
}
