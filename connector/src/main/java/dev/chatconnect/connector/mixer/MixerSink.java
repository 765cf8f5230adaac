package dev.chatconnect.connector.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.connector.metrics.SinkDestinationMetrics;
import dev.chatconnect.connector.platform.Destination;
import dev.chatconnect.connector.platform.Outbound;
import dev.chatconnect.connector.platform.PlatformSink;
import dev.chatconnect.connector.platform.SendException;
import dev.chatconnect.connector.platform.SinkContext;
import dev.chatconnect.connector.util.Futures;
import dev.chatconnect.connector.util.Json;
import dev.chatconnect.connector.util.RequestBudget;
import dev.chatconnect.connector.util.SerialExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends to Mixer: one authenticated socket per channel, {@code msg} for channel messages and {@code whisper} for private
 * ones, each within the channel's rolling-window budget. Replies carry the message id; a lost reply makes the outcome
 * unknown, and the channel's {@code history} then shows whether the message arrived.
 */
final class MixerSink implements PlatformSink {
    /** Clock skew and network jitter between our window and Mixer's: a little slack keeps us under it. */
    private static final Duration RATE_MARGIN = Duration.ofMillis(200);

    private final SinkContext context;
    private final MixerSinkSettings settings;
    private final MixerRestClient rest;
    private final Map<Long, MixerSendConnection> connections = new ConcurrentHashMap<>();
    private final Map<Long, RequestBudget> budgets = new ConcurrentHashMap<>();
    /** Id of the newest message each destination had confirmed: the anchor for the delivered check. */
    private final Map<Destination, String> lastConfirmed = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> keepalive;
    private CompletableFuture<Long> botUserId;

    MixerSink(SinkContext context, MixerSinkSettings settings) {
        this.context = context;
        this.settings = settings;
        this.rest = new MixerRestClient(context.io().http(), settings.apiUrl(), settings.clientId(), settings.token(),
                settings.connectTimeout(), new RequestBudget(settings.chatsPerMinute(), MixerPlatform.CHATS_WINDOW, context.io().timer()));
        long period = Math.max(100, settings.keepaliveIdle().toMillis() / 3);
        this.keepalive = context.io().timer().scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            connections.values().forEach(c -> c.checkKeepalive(now));
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public String checkDestination(Destination destination) {
        if (destination.channel() == null) {
            return "Mixer messages go to a channel, whispers too: set 'channel' (the numeric channel id)";
        }
        return isId(destination.channel()) ? null : "Mixer channel '" + destination.channel() + "' is not a numeric channel id";
    }

    @Override
    public int maxLength(Destination destination) {
        return settings.maxMessageLength();
    }

    @Override
    public CompletableFuture<String> send(Outbound message) {
        Destination destination = message.destination();
        long channelId = Long.parseLong(destination.channel());
        SinkDestinationMetrics metrics = metrics(destination);
        String text = message.action() ? "/me " + message.text() : message.text();
        long waitStarted = System.nanoTime();
        MixerSendConnection connection = connection(channelId);
        return budget(channelId).acquire()
                .thenCompose(slot -> {
                    metrics.waitedOnRateLimit(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - waitStarted));
                    return destination.targetUser() == null ? connection.call("msg", text)
                            : connection.call("whisper", destination.targetUser(), text);
                })
                .handle((reply, error) -> {
                    if (error != null) {
                        throw sendFailure(connection, Futures.unwrap(error));
                    }
                    JsonNode err = reply.get("error");
                    if (err != null && !err.isNull()) {
                        throw refusal(connection, metrics, err);
                    }
                    String id = Json.text(reply.path("data"), "id");
                    if (id != null) {
                        lastConfirmed.put(destination, id);
                    }
                    return id;
                });
    }

    @Override
    public CompletableFuture<Set<String>> alreadyDelivered(Destination destination, List<Outbound> candidates) {
        long channelId = Long.parseLong(destination.channel());
        return botUserId().thenCompose(botId -> connection(channelId).call("history", MixerPlatform.HISTORY_LIMIT)
                .thenApply(reply -> {
                    JsonNode err = reply.get("error");
                    if (err != null && !err.isNull()) {
                        throw new IllegalStateException("history answered " + err);
                    }
                    List<OwnMessage> own = ownMessages(reply.path("data"), botId, destination);
                    DeliveredMatcher.Match match = DeliveredMatcher.match(candidates, own, lastConfirmed.get(destination));
                    if (match.newestMatchedId() != null) {
                        lastConfirmed.put(destination, match.newestMatchedId()); // the next check starts after it
                    }
                    return match.delivered();
                }));
    }

    @Override
    public void close() {
        keepalive.cancel(false);
        connections.values().forEach(MixerSendConnection::close);
        connections.clear();
    }

    /** One of the bot's messages in a channel's history: its id and what it said, as the matcher compares it. */
    record OwnMessage(String id, String text) {
    }

    private static List<OwnMessage> ownMessages(JsonNode history, long botId, Destination destination) {
        List<OwnMessage> own = new ArrayList<>();
        for (JsonNode message : history) {
            Long userId = Json.longValue(message, "user_id");
            if (userId == null || userId != botId) {
                continue;
            }
            JsonNode meta = message.path("message").path("meta");
            boolean whisper = Json.flag(meta, "whisper");
            String target = Json.text(message, "target");
            boolean sameDestination = destination.targetUser() == null ? !whisper
                    : whisper && destination.targetUser().equalsIgnoreCase(target);
            if (sameDestination) {
                StringBuilder text = new StringBuilder(Json.flag(meta, "me") ? "/me " : "");
                message.path("message").path("message").forEach(part -> text.append(part.path("text").asText("")));
                own.add(new OwnMessage(Json.text(message, "id"), text.toString().strip()));
            }
        }
        return own;
    }

    private static SendException sendFailure(MixerSendConnection connection, Throwable cause) {
        if (cause instanceof SendException e) {
            return e; // the socket could not be opened: nothing was sent
        }
        connection.reset();
        String what = cause instanceof TimeoutException ? "no reply within the reply timeout" : "socket lost: " + cause.getMessage();
        return SendException.unknownOutcome(what);
    }

    private static SendException refusal(MixerSendConnection connection, SinkDestinationMetrics metrics, JsonNode err) {
        if (err.isTextual()) {
            return SendException.permanent("Mixer refused the message: " + err.asText());
        }
        Integer code = Json.intValue(err, "code");
        String text = "Mixer refused the message: " + (code == null ? "" : code + " ") + Json.text(err, "message");
        if (code != null && code == 4005) {
            metrics.rateLimitedResponse();
            return SendException.retryable(text + " (rate limited)");
        }
        if (code != null && code == 4006) {
            connection.reset();
            return SendException.retryable(text + " (server error: reconnecting)");
        }
        return SendException.permanent(text);
    }

    private MixerSendConnection connection(long channelId) {
        return connections.computeIfAbsent(channelId, id -> new MixerSendConnection(id, settings, rest, context.io().http(),
                this::botUserId, new SerialExecutor(context.io().channelWork()), context.io().timer()));
    }

    /** Not split among tasks: a channel's records share one key, so one partition and one task send them. */
    private RequestBudget budget(long channelId) {
        return budgets.computeIfAbsent(channelId, id -> new RequestBudget(settings.messagesPerWindow(),
                settings.rateWindow().plus(RATE_MARGIN), context.io().timer()));
    }

    private synchronized CompletableFuture<Long> botUserId() {
        if (botUserId == null || botUserId.isCompletedExceptionally()) {
            botUserId = rest.currentUserId();
        }
        return botUserId;
    }

    private SinkDestinationMetrics metrics(Destination destination) {
        return context.metrics().destination(destination.platform(), destination.name());
    }

    private static boolean isId(String text) {
        try {
            return Long.parseLong(text) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The delivery ids of {@code messages}. */
    static Set<String> ids(List<Outbound> messages) {
        Set<String> ids = new HashSet<>();
        messages.forEach(m -> ids.add(m.deliveryId()));
        return ids;
    }
}
