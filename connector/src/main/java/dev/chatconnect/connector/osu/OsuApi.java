package dev.chatconnect.connector.osu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.chatconnect.connector.util.Json;
import dev.chatconnect.connector.util.RequestBudget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The osu! REST calls chat needs, inside the account's request budget: a 429 pauses the budget and retries (osu! sends no
 * Retry-After), a 401 refreshes the token once and retries, 5xx retries a few times with backoff.
 */
final class OsuApi {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OsuApi.class);
    private static final int MAX_ATTEMPTS = 6;
    private final HttpClient http;
    private final String apiUrl;
    private final Duration timeout;
    private final AccessTokens tokens;
    private final RequestBudget budget;
    private final ScheduledExecutorService timer;
    private final dev.chatconnect.connector.metrics.SourceAccountMetrics metrics;

    OsuApi(HttpClient http, OsuSettings settings, AccessTokens tokens, RequestBudget budget, ScheduledExecutorService timer,
           dev.chatconnect.connector.metrics.SourceAccountMetrics metrics) {
        this(http, settings.apiUrl(), settings.connectTimeout(), tokens, budget, timer, metrics);
    }

    OsuApi(HttpClient http, String apiUrl, Duration timeout, AccessTokens tokens, RequestBudget budget,
           ScheduledExecutorService timer, dev.chatconnect.connector.metrics.SourceAccountMetrics metrics) {
        this.metrics = metrics;
        this.http = http;
        this.apiUrl = apiUrl;
        this.timeout = timeout;
        this.tokens = tokens;
        this.budget = budget;
        this.timer = timer;
    }

    CompletableFuture<JsonNode> joinChannel(long channelId, long userId) {
        return call("PUT", "/chat/channels/" + channelId + "/users/" + userId, null);
    }

    CompletableFuture<JsonNode> publicChannels() {
        return call("GET", "/chat/channels", null);
    }

    CompletableFuture<JsonNode> channel(long channelId) {
        return call("GET", "/chat/channels/" + channelId, null);
    }

    /** Messages after {@code since} (exclusive), oldest first; {@code since < 0} means the newest page. */
    CompletableFuture<JsonNode> messagesSince(long channelId, long since) {
        return call("GET", "/chat/channels/" + channelId + "/messages?limit=50" + (since >= 0 ? "&since=" + since : ""), null);
    }

    /** The page of messages just before {@code until} (exclusive), oldest first. */
    CompletableFuture<JsonNode> messagesUntil(long channelId, long until) {
        return call("GET", "/chat/channels/" + channelId + "/messages?limit=50&until=" + until, null);
    }

    CompletableFuture<JsonNode> ack() {
        return call("POST", "/chat/ack", "{}");
    }

    /** A response as it came, for calls that must not be repeated blindly (sends); null response means no answer. */
    record Response(int status, String body, java.util.Optional<String> retryAfter) {
        JsonNode json() {
            return parse(body);
        }

        String error() {
            return errorText(body);
        }
    }

    /**
     * One attempt, within the budget, with the 401 refresh-and-retry (nothing was done on a 401). Any other status comes
     * back as it is; no answer at all completes with status 0, as the request may or may not have been processed.
     */
    CompletableFuture<Response> once(String method, String path, String jsonBody) {
        return once(method, path, jsonBody, false);
    }

    private CompletableFuture<Response> once(String method, String path, String jsonBody, boolean refreshed) {
        return budget.acquire()
                .thenCompose(ready -> tokens.accessToken())
                .thenCompose(token -> {
                    metrics.restRequest();
                    return http.sendAsync(request(method, path, jsonBody, token), HttpResponse.BodyHandlers.ofString())
                            .handle((response, error) -> response == null
                                    ? new Response(0, OsuTokens.rootCause(error).getClass().getSimpleName(), java.util.Optional.empty())
                                    : new Response(response.statusCode(), response.body(), response.headers().firstValue("Retry-After")));
                })
                .thenCompose(response -> {
                    if (response.status() == 401 && !refreshed) {
                        return tokens.refresh().thenCompose(t -> once(method, path, jsonBody, true));
                    }
                    if (response.status() == 429) {
                        metrics.rateLimited();
                    }
                    return CompletableFuture.completedFuture(response);
                });
    }

    private CompletableFuture<JsonNode> call(String method, String path, String jsonBody) {
        return attempt(method, path, jsonBody, 1, false);
    }

    private CompletableFuture<JsonNode> attempt(String method, String path, String jsonBody, int attempt, boolean refreshed) {
        String what = method + " " + path.replaceAll("\\?.*", "");
        return budget.acquire()
                .thenCompose(ready -> tokens.accessToken())
                .thenCompose(token -> {
                    long started = System.nanoTime();
                    metrics.restRequest();
                    return http.sendAsync(request(method, path, jsonBody, token), HttpResponse.BodyHandlers.ofString())
                            .handle((response, error) -> {
                                log.debug("osu! {} {} -> {} in {} ms (attempt {})", method, path,
                                        error != null ? error.getClass().getSimpleName() : response.statusCode(),
                                        (System.nanoTime() - started) / 1_000_000, attempt);
                                return new Outcome(response, error);
                            });
                })
                .thenCompose(outcome -> {
                    if (outcome.error != null) {
                        return retryOrFail(method, path, jsonBody, attempt, refreshed,
                                new OsuApiException(what + " failed: " + OsuTokens.rootCause(outcome.error).getClass().getSimpleName(), 0));
                    }
                    int status = outcome.response.statusCode();
                    if (status == 200 || status == 204) {
                        return CompletableFuture.completedFuture(parse(outcome.response.body()));
                    }
                    if (status == 401 && !refreshed) {
                        return tokens.refresh().thenCompose(t -> attempt(method, path, jsonBody, attempt, true));
                    }
                    if (status == 429) {
                        metrics.rateLimited();
                        budget.pause(backoff(attempt));
                    }
                    return retryOrFail(method, path, jsonBody, attempt, refreshed,
                            new OsuApiException(what + " answered HTTP " + status + errorText(outcome.response.body()), status));
                });
    }

    private CompletableFuture<JsonNode> retryOrFail(String method, String path, String jsonBody, int attempt, boolean refreshed,
                                                    OsuApiException failure) {
        if (!failure.retryable() || attempt >= MAX_ATTEMPTS) {
            return CompletableFuture.failedFuture(failure);
        }
        Executor later = CompletableFuture.delayedExecutor(backoff(attempt).toMillis(), TimeUnit.MILLISECONDS, timer);
        return CompletableFuture.supplyAsync(() -> null, later)
                .thenCompose(ignored -> attempt(method, path, jsonBody, attempt + 1, refreshed));
    }

    private HttpRequest request(String method, String path, String jsonBody, String token) {
        HttpRequest.BodyPublisher body = jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody);
        return HttpRequest.newBuilder(URI.create(apiUrl + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, body)
                .build();
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(Math.min(60_000, 1_000L << Math.min(attempt - 1, 6)));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new CompletionException(new OsuApiException("osu! returned a body that is not JSON", 200));
        }
    }

    private static String errorText(String body) {
        try {
            String error = Json.text(Json.MAPPER.readTree(body), "error");
            return error == null ? "" : " (" + error + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private record Outcome(HttpResponse<String> response, Throwable error) {
    }
}
