package dev.chatconnect.connector.osu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.connector.metrics.SinkDestinationMetrics;
import dev.chatconnect.connector.metrics.SourceAccountMetrics;
import dev.chatconnect.connector.platform.Destination;
import dev.chatconnect.connector.platform.Outbound;
import dev.chatconnect.connector.platform.PlatformSink;
import dev.chatconnect.connector.platform.SendException;
import dev.chatconnect.connector.platform.SinkContext;
import dev.chatconnect.connector.util.Futures;
import dev.chatconnect.connector.util.Json;
import dev.chatconnect.connector.util.RequestBudget;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends to osu! over REST as the client's owner (a bot account, client-credentials token): channel messages through
 * {@code POST /chat/channels/{id}/messages}, private messages through {@code POST /chat/new}. Every message carries its
 * delivery id as {@code uuid}, which osu! stores and returns, so a message can be recognised after a restart.
 * Send budgets are kept per category (private / channel), as osu! counts them.
 */
final class OsuSink implements PlatformSink {
    private static final Logger log = LoggerFactory.getLogger(OsuSink.class);
    /** osu!'s limit on message length, in characters after filtering (1024 only in ANNOUNCE channels). */
    static final int MAX_LENGTH = 450;
    /** Clock skew and network jitter between our window and osu!'s: a little slack keeps us under it. */
    private static final Duration RATE_MARGIN = Duration.ofMillis(250);

    private final SinkContext context;
    private final OsuApi api;
    private final OsuSinkSettings settings;
    private final RequestBudget privateBudget;
    private final RequestBudget channelBudget;
    private final Set<Long> joined = ConcurrentHashMap.newKeySet();
    private final OsuSinkTokenStore tokenStore;
    private final OsuTokens userTokens;
    private volatile boolean warnedNoRead;

    OsuSink(SinkContext context, OsuSinkSettings settings) {
        this.context = context;
        this.settings = settings;
        SourceAccountMetrics account = context.metrics().account(OsuPlatform.NAME);
        AccessTokens tokens;
        OsuTokenEndpoint endpoint = new OsuTokenEndpoint(context.io().http(), settings.tokenUrl(), settings.clientId(),
                settings.clientSecret(), settings.connectTimeout());
        if (settings.sendsAsUser()) {
            String configured = settings.userRefreshToken().value();
            tokenStore = new OsuSinkTokenStore(settings.tokenTopicClient(), settings.tokenTopic(), settings.clientId(),
                    settings.clientSecret().value(), configured);
            String starting = tokenStore.newest().orElse(configured);
            userTokens = new OsuTokens(endpoint, starting, tokenStore::store, account::tokenRefreshed);
            tokens = userTokens;
            log.info("osu! sink sends as the user of {}; rotated refresh tokens are kept in {}",
                    starting.equals(configured) ? "the configured refresh token" : "the stored refresh token", settings.tokenTopic());
        } else {
            tokenStore = null;
            userTokens = null;
            tokens = new OsuClientCredentials(endpoint, account::tokenRefreshed);
        }
        this.api = new OsuApi(context.io().http(), settings.apiUrl(), settings.connectTimeout(), tokens,
                new RequestBudget(settings.requestsPerMinute(), Duration.ofMinutes(1).plus(RATE_MARGIN), context.io().timer()),
                context.io().timer(), account);
        Duration window = settings.rateWindow().plus(RATE_MARGIN);
        this.privateBudget = new RequestBudget(settings.messagesPerWindow(), window, context.io().timer());
        this.channelBudget = new RequestBudget(settings.messagesPerWindow(), window, context.io().timer());
    }

    @Override
    public String checkDestination(Destination destination) {
        if (destination.channel() != null && destination.targetUser() != null) {
            return "an osu! private message has no channel: give either 'channel' or 'target_user'";
        }
        if (destination.channel() != null && !isNumber(destination.channel())) {
            return "osu! channel '" + destination.channel() + "' is not a numeric channel id";
        }
        if (destination.targetUser() != null && !isNumber(destination.targetUser())) {
            return "osu! target_user '" + destination.targetUser() + "' is not a numeric user id";
        }
        return null;
    }

    @Override
    public int maxLength(Destination destination) {
        return MAX_LENGTH;
    }

    @Override
    public CompletableFuture<String> send(Outbound message) {
        Destination destination = message.destination();
        boolean privateMessage = destination.targetUser() != null;
        SinkDestinationMetrics metrics = metrics(destination);
        long waitStarted = System.nanoTime();
        return (privateMessage ? privateBudget : channelBudget).acquire()
                .thenCompose(slot -> {
                    metrics.waitedOnRateLimit(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - waitStarted));
                    return post(message, true);
                })
                .handle((id, error) -> {
                    if (error == null) {
                        return id;
                    }
                    Throwable cause = Futures.unwrap(error);
                    if (cause instanceof SendException e) {
                        if (e.getMessage().contains("HTTP 429")) {
                            metrics.rateLimitedResponse();
                        }
                        throw e;
                    }
                    if (cause instanceof OsuAuthException) {
                        throw SendException.fatal(cause.getMessage());
                    }
                    throw SendException.retryable("osu! token request failed: " + cause.getMessage()); // nothing was sent
                });
    }

    private CompletableFuture<String> post(Outbound message, boolean mayJoin) {
        Destination destination = message.destination();
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("message", message.text())
                .put("is_action", message.action())
                .put("uuid", message.deliveryId());
        String path;
        if (destination.targetUser() != null) {
            body.put("target_id", Long.parseLong(destination.targetUser()));
            path = "/chat/new";
        } else {
            path = "/chat/channels/" + destination.channel() + "/messages";
        }
        return api.once("POST", path, body.toString()).thenCompose(response -> {
            int status = response.status();
            if (status == 200) {
                JsonNode json = response.json();
                if (destination.targetUser() != null) {
                    json = json.path("message");
                }
                Long messageId = Json.longValue(json, "message_id");
                return CompletableFuture.completedFuture(messageId == null ? null : messageId.toString());
            }
            if (status == 403 && mayJoin && destination.channel() != null && ownUserId() > 0
                    && joined.add(Long.parseLong(destination.channel()))) {
                return join(destination.channel()).thenCompose(ok -> post(message, false));
            }
            throw failure("POST " + (destination.targetUser() != null ? "/chat/new" : "/chat/channels/{id}/messages"),
                    response, destination);
        });
    }

    /** The configured bot id, or with a user token the id its JWT names. */
    private long ownUserId() {
        return settings.botUserId() > 0 ? settings.botUserId() : userTokens != null ? userTokens.userId() : 0;
    }

    private CompletableFuture<Void> join(String channel) {
        long me = ownUserId();
        log.info("osu! channel {}: joining as user {} before posting", channel, me);
        return api.once("PUT", "/chat/channels/" + channel + "/users/" + me, null).thenAccept(response -> {
            if (response.status() != 200 && response.status() != 204) {
                throw SendException.permanent("osu! refused to let the bot join channel " + channel + " (HTTP "
                        + response.status() + response.error() + ")");
            }
        });
    }

    private SendException failure(String call, OsuApi.Response response, Destination destination) {
        int status = response.status();
        String text = call + " answered " + (status == 0 ? "nothing (" + response.body() + ")" : "HTTP " + status + response.error());
        if (status == 429) {
            Duration retryAfter = response.retryAfter().flatMap(OsuSink::seconds).orElse(null);
            return new SendException(SendException.Kind.RETRYABLE, text, retryAfter);
        }
        if (status == 0 || status >= 500) {
            return SendException.unknownOutcome(text);
        }
        if (status == 401) {
            return SendException.fatal(text + ": osu! rejects even a fresh client-credentials token");
        }
        if (status == 403 && destination.channel() != null && ownUserId() == 0) {
            return SendException.permanent(text + "; if the bot has not joined this channel, set "
                    + OsuPlatform.SINK_USER_ID + " so the sink can join it");
        }
        return SendException.permanent(text);
    }

    @Override
    public CompletableFuture<Set<String>> alreadyDelivered(Destination destination, List<Outbound> candidates) {
        CompletableFuture<OsuApi.Response> recent;
        if (destination.targetUser() != null) {
            // Create Channel (type PM) answers the existing conversation with its recent messages; chat.write_manage suffices.
            ObjectNode body = Json.MAPPER.createObjectNode().put("type", "PM")
                    .put("target_id", Long.parseLong(destination.targetUser()));
            recent = api.once("POST", "/chat/channels", body.toString());
        } else {
            recent = api.once("GET", "/chat/channels/" + destination.channel() + "/messages?limit=50", null);
        }
        return recent.thenApply(response -> {
            if (response.status() == 403 && destination.channel() != null && !settings.sendsAsUser()) {
                if (!warnedNoRead) {
                    warnedNoRead = true;
                    log.warn("osu! channel history cannot be read with the sink's client-credentials token (no chat.read): "
                            + "after a crash, channel messages sent but not yet committed may be sent again. Private messages "
                            + "are checked.");
                }
                return Set.<String>of();
            }
            if (response.status() != 200) {
                throw new IllegalStateException("osu! answered HTTP " + response.status() + response.error());
            }
            JsonNode json = response.json();
            JsonNode messages = destination.targetUser() != null ? json.path("recent_messages") : json;
            Set<String> uuids = new HashSet<>();
            messages.forEach(m -> {
                String uuid = Json.text(m, "uuid");
                if (uuid != null) {
                    uuids.add(uuid);
                }
            });
            Set<String> delivered = new HashSet<>();
            candidates.forEach(c -> {
                if (uuids.contains(c.deliveryId())) {
                    delivered.add(c.deliveryId());
                }
            });
            return delivered;
        });
    }

    @Override
    public void close() {
        if (tokenStore != null) {
            tokenStore.close();
        }
    }

    private SinkDestinationMetrics metrics(Destination destination) {
        return context.metrics().destination(destination.platform(), destination.name());
    }

    private static boolean isNumber(String text) {
        try {
            return Long.parseLong(text) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static java.util.Optional<Duration> seconds(String header) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
