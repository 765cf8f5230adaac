package dev.chatconnect.connector.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.connector.metrics.SourceChannelMetrics;
import dev.chatconnect.connector.platform.ChannelRef;
import dev.chatconnect.connector.platform.RecordSink;
import dev.chatconnect.connector.util.Backoff;
import dev.chatconnect.connector.util.Futures;
import dev.chatconnect.connector.util.Json;
import dev.chatconnect.connector.util.SerialExecutor;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.connect.data.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Mixer channel: connect (fresh authkey from REST, endpoints in order), wait for WelcomeEvent, auth, fill the gap from
 * history, then stream live; on any loss reconnect with backoff. Every step runs on the channel's serial executor, and a
 * generation number retires callbacks of sockets that were already given up.
 */
final class MixerChannelStream {
    private static final Logger log = LoggerFactory.getLogger(MixerChannelStream.class);
    /** A connection that stayed live this long resets the backoff. */
    private static final long STABLE_NANOS = TimeUnit.SECONDS.toNanos(10);

    enum State { STARTING, CONNECTING, AUTHENTICATING, SYNCING, LIVE, WAITING_TO_RECONNECT, FAILED, CLOSED }

    private final ChannelRef ref;
    private final MixerSettings settings;
    private final MixerRestClient rest;
    private final HttpClient http;
    private final Supplier<CompletableFuture<Long>> botUserId;
    private final RecordSink sink;
    private final SourceChannelMetrics metrics;
    private final SerialExecutor serial;
    private final ScheduledExecutorService timer;
    private final SeenMessageIds seen;
    private final Backoff backoff;
    private final List<Buffered> buffered = new ArrayList<>();

    private MixerEventMapper mapper;
    private Long channelId;
    private volatile State state = State.STARTING;
    private long generation;
    private volatile MixerSocket socket;
    private volatile ScheduledFuture<?> pendingTimer;
    private boolean rejectedOnce;
    private long liveSinceNanos;
    private Long botId;
    private String authkey;
    private boolean welcomed;
    private volatile boolean closed;

    private record Buffered(JsonNode packet, String raw, long receivedAt) {
    }

    MixerChannelStream(ChannelRef ref, MixerSettings settings, MixerRestClient rest, HttpClient http,
                       Supplier<CompletableFuture<Long>> botUserId, RecordSink sink, SourceChannelMetrics metrics,
                       SerialExecutor serial, ScheduledExecutorService timer, java.util.Map<String, Object> storedOffset) {
        this.ref = ref;
        this.settings = settings;
        this.rest = rest;
        this.http = http;
        this.botUserId = botUserId;
        this.sink = sink;
        this.metrics = metrics;
        this.serial = serial;
        this.timer = timer;
        this.seen = new SeenMessageIds(settings.trackedIds(), storedOffset);
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        if (ref.channel().chars().allMatch(Character::isDigit)) {
            channelId = Long.parseLong(ref.channel());
        }
    }

    void start() {
        serial.execute(this::connect);
    }

    /** Closes the socket now, from the caller's thread: the task's pools are shut down right after this returns. */
    void close() {
        closed = true;
        MixerSocket current = socket;
        if (current != null) {
            current.abort();
        }
        ScheduledFuture<?> timerTask = pendingTimer;
        if (timerTask != null) {
            timerTask.cancel(false);
        }
        enter(State.CLOSED);
        metrics.connected(false);
    }

    /** Called from the keepalive sweep (any thread): pings an idle socket, gives up on one that stopped answering. */
    void checkKeepalive(long now) {
        MixerSocket current = socket;
        if (current == null || sink.backPressured()) {
            return;
        }
        if (current.checkKeepalive(now, settings.keepaliveIdle(), settings.keepaliveTimeout())) {
            serial.execute(() -> {
                if (socket == current) {
                    reconnect("no pong within " + settings.keepaliveTimeout().toMillis() + " ms: socket is dead");
                }
            });
        }
    }

    State state() {
        return state;
    }

    private void connect() {
        if (closed) {
            return;
        }
        long gen = ++generation;
        enter(State.CONNECTING);
        resolveChannelId()
                .thenCompose(id -> settings.authenticated() ? botUserId.get() : CompletableFuture.completedFuture(null))
                .thenCompose(userId -> {
                    botId = userId;
                    return rest.chats(channelId);
                })
                .whenCompleteAsync((endpoints, error) -> {
                    if (gen != generation || closed) {
                        return;
                    }
                    if (error != null) {
                        apiFailure(Futures.unwrap(error));
                    } else {
                        authkey = endpoints.authkey();
                        welcomed = false;
                        openEndpoint(gen, endpoints, 0);
                    }
                }, serial);
    }

    private CompletableFuture<Long> resolveChannelId() {
        if (channelId != null) {
            return CompletableFuture.completedFuture(channelId);
        }
        return rest.channelIdByName(ref.channel()).thenApplyAsync(id -> {
            channelId = id;
            return id;
        }, serial);
    }

    private void openEndpoint(long gen, MixerRestClient.ChatEndpoints details, int index) {
        if (index >= details.endpoints().size()) {
            scheduleReconnect("none of the " + details.endpoints().size() + " chat endpoints accepted a connection");
            return;
        }
        URI uri = socketUri(details.endpoints().get(index));
        MixerSocket.open(http, uri, settings.clientId(), settings.connectTimeout(), settings.replyTimeout(),
                        new SocketEvents(gen), serial, timer)
                .whenComplete((opened, error) -> {
                    if (closed && opened != null) {
                        opened.abort(); // stop() came first; the serial pool may be gone already
                    }
                })
                .whenCompleteAsync((opened, error) -> {
                    if (gen != generation || closed) {
                        if (opened != null) {
                            opened.abort();
                        }
                        return;
                    }
                    if (error != null) {
                        log.debug("Mixer channel {}: endpoint {} refused ({}), trying the next", ref, index + 1, Futures.unwrap(error).toString());
                        openEndpoint(gen, details, index + 1);
                        return;
                    }
                    if (socket == null) {
                        socket = opened;
                    }
                    if (!welcomed) {
                        enter(State.AUTHENTICATING);
                        awaitWelcome(gen);
                    }
                }, serial);
    }

    private URI socketUri(String endpoint) {
        String query = "version=1.0" + (settings.clientId().isBlank() ? "" : "&Client-ID=" + java.net.URLEncoder.encode(settings.clientId(), java.nio.charset.StandardCharsets.UTF_8));
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + query);
    }

    private void awaitWelcome(long gen) {
        cancelTimer();
        pendingTimer = timer.schedule(() -> serial.execute(() -> {
            if (gen == generation && !welcomed) {
                reconnect("no WelcomeEvent within " + settings.welcomeTimeout().toMillis() + " ms");
            }
        }), settings.welcomeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onWelcome(long gen) {
        if (welcomed) {
            return;
        }
        welcomed = true;
        cancelTimer();
        enter(State.AUTHENTICATING);
        MixerSocket current = socket;
        CompletableFuture<JsonNode> reply = authkey == null
                ? current.call("auth", channelId)
                : current.call("auth", channelId, botId, authkey);
        authkey = null;
        reply.whenCompleteAsync((packet, error) -> {
            if (gen == generation && socket == current) {
                onAuthReply(packet, error);
            }
        }, serial);
    }

    private void onAuthReply(JsonNode packet, Throwable error) {
        if (error != null) {
            reconnect("auth failed: " + describe(Futures.unwrap(error)));
            return;
        }
        JsonNode err = packet.get("error");
        if (err == null || err.isNull()) {
            rejectedOnce = false;
            requestHistory();
            return;
        }
        String code = err.isTextual() ? err.asText() : Json.text(err, "message");
        Integer numeric = err.isObject() ? Json.intValue(err, "code") : null;
        if ("UACCESS".equals(code)) {
            fail("auth answered UACCESS: the bot is banned from this channel or it is in test-stream mode");
        } else if ("UNOTFOUND".equals(code) && rejectedOnce) {
            fail("auth answered UNOTFOUND twice with fresh authkeys: the bot user id does not match the token, or the "
                    + "channel id is wrong (a user id given as channel id?)");
        } else if ("UNOTFOUND".equals(code)) {
            rejectedOnce = true;
            log.warn("Mixer channel {}: auth answered UNOTFOUND; retrying once with a fresh authkey", ref);
            dropSocket();
            connect();
        } else {
            reconnect("auth answered " + (numeric != null ? numeric + " " : "") + code);
        }
    }

    private void requestHistory() {
        enter(State.SYNCING);
        long gen = generation;
        MixerSocket current = socket;
        current.call("history", MixerPlatform.HISTORY_LIMIT).whenCompleteAsync((packet, error) -> {
            if (gen != generation || socket != current) {
                return;
            }
            if (error != null) {
                reconnect("history failed: " + describe(Futures.unwrap(error)));
                return;
            }
            try {
                emitHistory(packet);
                goLive();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, serial);
    }

    private void emitHistory(JsonNode packet) throws InterruptedException {
        JsonNode data = packet.get("data");
        if (packet.hasNonNull("error") || data == null || !data.isArray()) {
            log.warn("Mixer channel {}: history answered {}; messages missed while disconnected cannot be recovered",
                    ref, packet.get("error"));
            return;
        }
        List<JsonNode> history = new ArrayList<>();
        data.forEach(history::add);
        boolean firstEver = seen.isEmpty();
        List<JsonNode> fresh = seen.unseen(history);
        if (firstEver && !settings.backfillOnFirstConnect()) {
            fresh.forEach(item -> seen.remember(Json.text(item, "id")));
            return;
        }
        long now = System.currentTimeMillis();
        for (JsonNode item : fresh) {
            seen.remember(Json.text(item, "id"));
            emit(mapper().historyMessage(item, now));
        }
        metrics.gapFilled(fresh.size());
        if (!fresh.isEmpty()) {
            log.info("Mixer channel {}: {} message(s) recovered from history", ref, fresh.size());
        }
    }

    private void goLive() throws InterruptedException {
        enter(State.LIVE);
        liveSinceNanos = System.nanoTime();
        metrics.connected(true);
        metrics.lastError("");
        log.info("Mixer channel {} is live", ref);
        List<Buffered> waiting = new ArrayList<>(buffered);
        buffered.clear();
        for (Buffered frame : waiting) {
            handleEvent(frame.packet(), frame.raw(), frame.receivedAt());
        }
    }

    private void onFrame(long gen, MixerSocket from, String raw) {
        if (gen != generation) {
            return;
        }
        if (socket == null) {
            socket = from; // the first frame can overtake the open callback
        }
        if (from != socket) {
            return;
        }
        long receivedAt = System.currentTimeMillis();
        metrics.eventReceived();
        JsonNode packet;
        try {
            packet = Json.MAPPER.readTree(raw);
        } catch (Exception e) {
            packet = null;
        }
        try {
            if (packet == null || !packet.isObject()) {
                metrics.malformedFrame();
                log.warn("Mixer channel {}: malformed frame kept as a 'malformed' record ({} chars)", ref, raw.length());
                deliverOrBuffer(null, raw, receivedAt);
                return;
            }
            String type = Json.text(packet, "type");
            if ("reply".equals(type)) {
                from.completeReply(packet);
            } else if ("event".equals(type) && "WelcomeEvent".equals(Json.text(packet, "event"))) {
                onWelcome(gen);
            } else {
                deliverOrBuffer(packet, raw, receivedAt);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliverOrBuffer(JsonNode packet, String raw, long receivedAt) throws InterruptedException {
        if (state == State.LIVE) {
            handleEvent(packet, raw, receivedAt);
        } else {
            // Live frames that arrive before history has been replayed wait, so the channel's order is kept.
            buffered.add(new Buffered(packet, raw, receivedAt));
        }
    }

    private void handleEvent(JsonNode packet, String raw, long receivedAt) throws InterruptedException {
        if (packet == null) {
            emit(mapper().malformed(raw, receivedAt));
            return;
        }
        if (!"event".equals(Json.text(packet, "type"))) {
            metrics.unknownEvent();
            emit(mapper().unknown(raw, receivedAt));
            return;
        }
        String name = Json.text(packet, "event");
        if ("ChatMessage".equals(name)) {
            String id = Json.text(packet.path("data"), "id");
            if (id != null && !seen.remember(id)) {
                metrics.duplicateSkipped();
                return;
            }
        } else if (!MixerEventMapper.isKnown(name)) {
            metrics.unknownEvent();
            log.info("Mixer channel {}: unknown event '{}' kept as an 'unknown' record", ref, name);
        }
        Struct event;
        try {
            event = mapper().event(packet, raw, receivedAt);
        } catch (RuntimeException e) {
            metrics.malformedFrame();
            log.warn("Mixer channel {}: event '{}' has an unexpected shape ({}); kept as a 'malformed' record", ref, name, e.toString());
            event = mapper().malformed(raw, receivedAt);
        }
        emit(event);
    }

    private void emit(Struct event) throws InterruptedException {
        if (sink.emit(ref, seen.offset(), event)) {
            metrics.recordEmitted();
        }
    }

    private MixerEventMapper mapper() {
        if (mapper == null) {
            mapper = new MixerEventMapper(String.valueOf(channelId));
        }
        return mapper;
    }

    private void onSocketClosed(long gen, MixerSocket from, String reason) {
        if (gen == generation && from == socket && state != State.CLOSED) {
            reconnect(reason);
        }
    }

    private void reconnect(String reason) {
        dropSocket();
        metrics.reconnected();
        scheduleReconnect(reason);
    }

    private void scheduleReconnect(String reason) {
        if (closed || state == State.FAILED) {
            return;
        }
        generation++;
        metrics.connected(false);
        metrics.lastError(reason);
        if (state == State.LIVE && System.nanoTime() - liveSinceNanos > STABLE_NANOS) {
            backoff.reset();
        }
        enter(State.WAITING_TO_RECONNECT);
        long delay = backoff.next().toMillis();
        log.info("Mixer channel {}: {}; reconnecting in {} ms", ref, reason, delay);
        cancelTimer();
        pendingTimer = timer.schedule(() -> serial.execute(this::connect), delay, TimeUnit.MILLISECONDS);
    }

    private void apiFailure(Throwable error) {
        if (error instanceof MixerApiException api && !api.retryable()) {
            fail(api.getMessage());
        } else {
            scheduleReconnect(describe(error));
        }
    }

    private void fail(String reason) {
        dropSocket();
        cancelTimer();
        generation++;
        enter(State.FAILED);
        metrics.connected(false);
        metrics.lastError(reason);
        log.error("Mixer channel {} cannot be read and is given up: {}. The task's other channels carry on.", ref, reason);
        sink.channelFailed(ref, reason);
    }

    private void dropSocket() {
        if (socket != null) {
            socket.abort();
            socket = null;
        }
        buffered.clear();
        metrics.connected(false);
    }

    private void cancelTimer() {
        if (pendingTimer != null) {
            pendingTimer.cancel(false);
            pendingTimer = null;
        }
    }

    private void enter(State next) {
        state = next;
        metrics.state(next.name());
    }


    private static String describe(Throwable error) {
        return error instanceof MixerApiException ? error.getMessage()
                : error.getMessage() != null && !(error instanceof java.io.IOException) ? error.getMessage()
                : error.getClass().getSimpleName();
    }

    /** Socket callbacks bound to the generation they were opened in. */
    private final class SocketEvents implements MixerSocket.Handler {
        private final long gen;

        SocketEvents(long gen) {
            this.gen = gen;
        }

        @Override
        public void onFrame(MixerSocket from, String text) {
            MixerChannelStream.this.onFrame(gen, from, text);
        }

        @Override
        public void onClosed(MixerSocket from, String reason) {
            onSocketClosed(gen, from, reason);
        }
    }
}
