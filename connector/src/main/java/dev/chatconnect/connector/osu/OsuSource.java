package dev.chatconnect.connector.osu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.connector.metrics.SourceAccountMetrics;
import dev.chatconnect.connector.metrics.SourceChannelMetrics;
import dev.chatconnect.connector.osu.OsuEventMapper.ChannelInfo;
import dev.chatconnect.connector.platform.ChannelRef;
import dev.chatconnect.connector.platform.FrameSocket;
import dev.chatconnect.connector.platform.PlatformSource;
import dev.chatconnect.connector.platform.SourceContext;
import dev.chatconnect.connector.schema.EventType;
import dev.chatconnect.connector.util.Backoff;
import dev.chatconnect.connector.util.Futures;
import dev.chatconnect.connector.util.Json;
import dev.chatconnect.connector.util.RequestBudget;
import dev.chatconnect.connector.util.SerialExecutor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * osu! in one task: one account, one notification socket for all its channels (§2), REST to join and to catch up (§8),
 * the keepalive that keeps PUBLIC channels flowing (§7.3). Everything runs on one serial executor; a generation number
 * retires callbacks of sockets already given up.
 */
final class OsuSource implements PlatformSource {
    private static final Logger log = LoggerFactory.getLogger(OsuSource.class);
    private static final long STABLE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final ChannelInfo ACCOUNT = new ChannelInfo(-1, null, null);

    private final SourceContext context;
    private final OsuSettings settings;
    private final SerialExecutor serial;
    private final ScheduledExecutorService timer;
    private final OsuAccountState account;
    private final OsuTokens tokens;
    private final OsuApi api;
    private final OsuEventMapper mapper = new OsuEventMapper();
    private final Backoff backoff;
    private final List<OsuChannel> configured = new ArrayList<>();
    private final Map<Long, OsuChannel> byId = new LinkedHashMap<>();
    private final Map<Long, List<Pending>> discovering = new HashMap<>();
    private final ChannelRef accountRef = new ChannelRef(OsuPlatform.NAME, "account");
    private FrameSocket socket;
    private long generation;
    private boolean ready;
    private boolean accountFailed;
    private long readySinceNanos;
    private ScheduledFuture<?> pendingTimer;
    private ScheduledFuture<?> ackTask;
    private ScheduledFuture<?> keepaliveTask;
    private volatile boolean closed;

    /** A live message waiting for its channel to finish catching up, or to be discovered. */
    private record Pending(JsonNode message, JsonNode sender, EventType type, String raw, long receivedAt) {
    }

    /** One channel of the account: its identity, resume cursor, metrics and the frames waiting for catch-up. */
    private static final class OsuChannel {
        final ChannelRef ref;
        final OsuChannelCursor cursor;
        final SourceChannelMetrics metrics;
        final List<Pending> waiting = new ArrayList<>();
        ChannelInfo info;
        long lastMessageIdAtJoin = -1;
        boolean live;
        boolean failed;

        OsuChannel(ChannelRef ref, Map<String, Object> storedOffset, SourceChannelMetrics metrics) {
            this.ref = ref;
            this.cursor = new OsuChannelCursor(storedOffset);
            this.metrics = metrics;
        }
    }

    OsuSource(SourceContext context, OsuSettings settings) {
        this.context = context;
        this.settings = settings;
        this.serial = new SerialExecutor(context.io().channelWork());
        this.timer = context.io().timer();
        this.account = new OsuAccountState(settings);
        String refreshToken = account.startingRefreshToken(context.storedOffset(account.partition()));
        SourceAccountMetrics accountMetrics = context.metrics().sourceAccount(OsuPlatform.NAME);
        this.tokens = new OsuTokens(context.io().http(), settings, refreshToken, rotated -> serial.execute(() -> storeRotated(rotated)),
                accountMetrics::tokenRefreshed);
        this.api = new OsuApi(context.io().http(), settings, tokens,
                new RequestBudget(settings.requestsPerMinute(), Duration.ofMinutes(1), timer), timer, accountMetrics);
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        for (ChannelRef ref : context.channels()) {
            configured.add(new OsuChannel(ref, context.storedOffset(ref), context.channelMetrics(ref)));
        }
    }

    @Override
    public void start() {
        serial.execute(this::bootstrap);
        long ack = settings.ackInterval().toMillis();
        ackTask = timer.scheduleWithFixedDelay(() -> serial.execute(this::ack), ack, ack, TimeUnit.MILLISECONDS);
        keepaliveTask = timer.scheduleWithFixedDelay(this::checkKeepalive, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        for (ScheduledFuture<?> task : new ScheduledFuture<?>[] {ackTask, keepaliveTask, pendingTimer}) {
            if (task != null) {
                task.cancel(false);
            }
        }
        FrameSocket current = socket;
        if (current != null) {
            current.abort();
        }
        configured.forEach(channel -> channel.metrics.connected(false));
    }

    // ---- start-up: token, then join every configured channel, then the socket

    private void bootstrap() {
        if (closed || accountFailed) {
            return;
        }
        configured.forEach(channel -> channel.metrics.state("JOINING"));
        tokens.accessToken()
                .thenCompose(token -> joinAll())
                // PUBLIC channels deliver only to accounts active within 60 s: be active before the socket opens (as lazer does)
                .thenCompose(joined -> byId.isEmpty() ? CompletableFuture.completedFuture(null) : api.ack())
                .whenCompleteAsync((ok, error) -> {
                    if (error == null) {
                        connect();
                    } else if (!failIfPermanent(Futures.unwrap(error))) {
                        retryLater(this::bootstrap, "start-up failed: " + Futures.unwrap(error).getMessage());
                    }
                }, serial);
    }

    private CompletableFuture<Void> joinAll() {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        CompletableFuture<JsonNode>[] publicList = new CompletableFuture[1];
        for (OsuChannel channel : configured) {
            if (channel.info != null || channel.failed) {
                continue;
            }
            chain = chain.thenCompose(ignored -> channelId(channel, publicList))
                    .thenCompose(id -> id == null ? CompletableFuture.completedFuture(null) : api.joinChannel(id, tokens.userId()))
                    .handleAsync((joined, error) -> {
                        if (error != null) {
                            Throwable cause = Futures.unwrap(error);
                            if (cause instanceof OsuApiException api && !api.retryable()) {
                                failChannel(channel, "cannot join: " + api.getMessage());
                                return null;
                            }
                            throw new CompletionException(cause);
                        }
                        if (joined != null) {
                            joinedChannel(channel, joined);
                        }
                        return null;
                    }, serial);
        }
        return chain;
    }

    /** A configured channel's id: numeric as written, or looked up by name in the list of public channels. */
    private CompletableFuture<Long> channelId(OsuChannel channel, CompletableFuture<JsonNode>[] publicList) {
        String written = channel.ref.channel();
        if (!written.startsWith("#")) {
            return CompletableFuture.completedFuture(Long.parseLong(written));
        }
        if (publicList[0] == null) {
            publicList[0] = api.publicChannels();
        }
        return publicList[0].thenApplyAsync(list -> {
            for (JsonNode candidate : list) {
                if (written.equalsIgnoreCase(Json.text(candidate, "name"))) {
                    return Json.longValue(candidate, "channel_id");
                }
            }
            failChannel(channel, "no public channel named " + written);
            return null;
        }, serial);
    }

    private void joinedChannel(OsuChannel channel, JsonNode joined) {
        long id = Json.longValue(joined, "channel_id");
        channel.info = new ChannelInfo(id, Json.text(joined, "name"), Json.text(joined, "type"));
        Long last = Json.longValue(joined, "last_message_id");
        channel.lastMessageIdAtJoin = last == null ? -1 : last;
        byId.put(id, channel);
        channel.metrics.state("JOINED");
        log.info("osu! channel {} joined (id {}, {})", channel.ref, id, channel.info.type());
    }

    // ---- the notification socket

    private void connect() {
        if (closed || accountFailed) {
            return;
        }
        long gen = ++generation;
        ready = false;
        byId.values().forEach(channel -> channel.live = false);
        FrameSocket opening = new FrameSocket(new SocketEvents(gen), serial);
        tokens.accessToken()
                .thenCompose(token -> opening.open(context.io().http(), URI.create(settings.notificationUrl()),
                        Map.of("Authorization", "Bearer " + token), settings.connectTimeout()))
                .whenCompleteAsync((opened, error) -> {
                    if (gen != generation || closed) {
                        opening.abort();
                        return;
                    }
                    if (error != null) {
                        if (!failIfPermanent(Futures.unwrap(error))) {
                            retryLater(this::connect, "notification socket refused: " + Futures.unwrap(error).getClass().getSimpleName());
                        }
                        return;
                    }
                    socket = opened;
                    if (!ready) {
                        schedule(() -> {
                            if (gen == generation && !ready) {
                                reconnect("no connection.ready within " + settings.readyTimeout().toMillis() + " ms");
                            }
                        }, settings.readyTimeout());
                    }
                }, serial);
    }

    private void onFrame(long gen, FrameSocket from, String raw) {
        if (gen != generation || closed) {
            return;
        }
        if (socket == null) {
            socket = from; // the first frame can overtake the open callback
        }
        long receivedAt = System.currentTimeMillis();
        JsonNode frame;
        try {
            frame = Json.MAPPER.readTree(raw);
        } catch (Exception e) {
            frame = null;
        }
        try {
            if (frame == null || !frame.isObject()) {
                log.warn("osu! notification socket: malformed frame kept as a 'malformed' record ({} chars)", raw.length());
                emit(null, mapper.malformed(ACCOUNT, raw, receivedAt));
                return;
            }
            String event = Json.text(frame, "event");
            if (event == null && frame.has("error")) {
                authenticationFailed();
                return;
            }
            switch (event == null ? "" : event) {
                case "connection.ready" -> onReady(gen, from);
                case "chat.message.new" -> onMessages(frame.path("data"), raw, receivedAt);
                case "chat.channel.join" -> onChannelEvent(frame.path("data"), EventType.CHANNEL_JOIN, raw, receivedAt);
                case "chat.channel.part" -> onChannelEvent(frame.path("data"), EventType.CHANNEL_PART, raw, receivedAt);
                case "logout" -> loggedOut();
                case "verified" -> log.debug("osu! session verified");
                default -> {
                    log.info("osu! notification socket: unknown event '{}' kept as an 'unknown' record", event);
                    emit(null, mapper.unknown(ACCOUNT, raw, receivedAt));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onReady(long gen, FrameSocket from) {
        ready = true;
        readySinceNanos = System.nanoTime();
        cancelTimer();
        from.send("{\"event\":\"chat.start\"}");
        log.info("osu! notification socket ready; chat.start sent, catching up {} channel(s)", byId.size());
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (OsuChannel channel : new ArrayList<>(byId.values())) {
            if (!channel.failed) {
                chain = chain.thenComposeAsync(ignored -> gen == generation ? catchUp(channel, gen) : CompletableFuture.completedFuture(null), serial);
            }
        }
        if (settings.privateMessages()) {
            for (long known : account.knownPrivateChannels()) {
                if (!byId.containsKey(known) && !discovering.containsKey(known)) {
                    discover(known, null); // PMs that arrived while the connector was away
                }
            }
        }
        chain.whenCompleteAsync((ok, error) -> {
            log.debug("osu! catch-up of generation {} ended ({})", gen, error == null ? "ok" : error.toString());
            if (error != null && gen == generation) {
                Throwable cause = Futures.unwrap(error);
                if (!failIfPermanent(cause)) {
                    reconnect("catch-up failed: " + cause.getMessage());
                }
            }
        }, serial);
    }

    private void onMessages(JsonNode data, String raw, long receivedAt) throws InterruptedException {
        Map<Long, JsonNode> users = new HashMap<>();
        data.path("users").forEach(user -> {
            Long id = Json.longValue(user, "id");
            if (id != null) {
                users.put(id, user);
            }
        });
        for (JsonNode message : data.path("messages")) {
            Long channelId = Json.longValue(message, "channel_id");
            Long senderId = Json.longValue(message, "sender_id");
            Pending pending = new Pending(message, senderId == null ? null : users.get(senderId), EventType.MESSAGE, raw, receivedAt);
            OsuChannel channel = channelId == null ? null : byId.get(channelId);
            if (channel != null) {
                deliver(channel, pending);
            } else if (channelId != null && settings.privateMessages()) {
                discover(channelId, pending);
            } else {
                log.debug("osu! message for channel {} that is not streamed; skipped", channelId);
            }
        }
    }

    private void onChannelEvent(JsonNode data, EventType type, String raw, long receivedAt) throws InterruptedException {
        Long channelId = Json.longValue(data, "channel_id");
        OsuChannel channel = channelId == null ? null : byId.get(channelId);
        if (channel != null) {
            deliver(channel, new Pending(data, null, type, raw, receivedAt));
        } else {
            ChannelInfo info = new ChannelInfo(channelId == null ? -1 : channelId, Json.text(data, "name"), Json.text(data, "type"));
            emit(null, mapper.channelEvent(info, type, raw, receivedAt));
        }
    }

    private void deliver(OsuChannel channel, Pending pending) throws InterruptedException {
        if (channel.live) {
            emitPending(channel, pending);
        } else {
            channel.waiting.add(pending); // keeps the channel's order while it catches up
        }
    }

    private void emitPending(OsuChannel channel, Pending pending) throws InterruptedException {
        channel.metrics.eventReceived();
        if (pending.type() != EventType.MESSAGE) {
            emit(channel, mapper.channelEvent(channel.info, pending.type(), pending.raw(), pending.receivedAt()));
            return;
        }
        Long id = Json.longValue(pending.message(), "message_id");
        if (id != null && !channel.cursor.remember(id)) {
            channel.metrics.duplicateSkipped();
            return;
        }
        emit(channel, mapper.message(channel.info, pending.message(), pending.sender(), pending.raw(), pending.receivedAt()));
    }

    /**
     * A channel not joined by configuration: a private message channel, when those are streamed. Called for a live message
     * ({@code pending}) or, with null, for a private channel known from an earlier run.
     */
    private void discover(long channelId, Pending pending) {
        List<Pending> queued = discovering.get(channelId);
        if (queued != null) {
            if (pending != null) {
                queued.add(pending);
            }
            return;
        }
        discovering.put(channelId, new ArrayList<>(pending == null ? List.of() : List.of(pending)));
        api.channel(channelId).whenCompleteAsync((body, error) -> {
            List<Pending> waiting = discovering.remove(channelId);
            JsonNode info = body == null ? null : body.path("channel");
            if (error != null || info == null || !"PM".equalsIgnoreCase(Json.text(info, "type"))) {
                log.info("osu! channel {} is not a private message channel or cannot be read; its messages are skipped", channelId);
                return;
            }
            ChannelRef ref = new ChannelRef(OsuPlatform.NAME, Long.toString(channelId));
            OsuChannel channel = new OsuChannel(ref, context.storedOffset(ref.sourcePartition()), context.channelMetrics(ref));
            channel.info = new ChannelInfo(channelId, Json.text(info, "name"), "PM");
            channel.waiting.addAll(waiting);
            byId.put(channelId, channel);
            rememberPrivateChannel(channelId);
            // a PM channel known from an earlier run catches up from its offset; a new one from its newest page
            long gen = generation;
            catchUp(channel, gen).whenCompleteAsync((ok, failure) -> {
                if (failure != null && gen == generation) {
                    log.warn("osu! private channel {}: catch-up failed: {}", ref, Futures.unwrap(failure).getMessage());
                }
            }, serial);
        }, serial);
    }

    // ---- catch-up (§8): page with since= from the channel's cursor, de-duplicate, then go live

    private CompletableFuture<Void> catchUp(OsuChannel channel, long gen) {
        channel.metrics.state("CATCHING_UP");
        long id = channel.info.id();
        CompletableFuture<Integer> filled = channel.cursor.hasPosition()
                ? pageFrom(channel, channel.cursor.catchUpFrom(), gen, 0)
                : api.messagesSince(id, -1).thenApplyAsync(page -> emitPage(channel, page), serial);
        return filled.thenAcceptAsync(count -> {
            if (gen != generation) {
                return;
            }
            channel.metrics.gapFilled(count);
            if (count > 0) {
                log.info("osu! channel {}: {} message(s) recovered through REST", channel.ref, count);
            }
            goLive(channel);
        }, serial);
    }

    private CompletableFuture<Integer> pageFrom(OsuChannel channel, long since, long gen, int emittedSoFar) {
        long id = channel.info.id();
        return api.messagesSince(id, since).thenComposeAsync(page -> {
            if (gen != generation) {
                return CompletableFuture.completedFuture(emittedSoFar);
            }
            if (!page.isArray() || page.isEmpty()) {
                if (channel.lastMessageIdAtJoin > since) {
                    // §8.2: after a long outage the oldest rows past `since` may all be filtered out; read back from the newest.
                    channel.lastMessageIdAtJoin = -1;
                    return backwardsFrom(channel, since, Long.MAX_VALUE, new ArrayList<>())
                            .thenApplyAsync(older -> emittedSoFar + emitAll(channel, older), serial);
                }
                return CompletableFuture.completedFuture(emittedSoFar);
            }
            int emitted = emitPage(channel, page);
            return pageFrom(channel, maxId(page, since), gen, emittedSoFar + emitted);
        }, serial);
    }

    private CompletableFuture<List<JsonNode>> backwardsFrom(OsuChannel channel, long since, long until, List<JsonNode> collected) {
        CompletableFuture<JsonNode> page = until == Long.MAX_VALUE ? api.messagesSince(channel.info.id(), -1)
                : api.messagesUntil(channel.info.id(), until);
        return page.thenCompose(messages -> {
            long oldest = Long.MAX_VALUE;
            List<JsonNode> newer = new ArrayList<>();
            for (JsonNode message : messages) {
                long id = Json.longValue(message, "message_id");
                oldest = Math.min(oldest, id);
                if (id > since) {
                    newer.add(message);
                }
            }
            newer.addAll(collected);
            if (messages.isEmpty() || oldest <= since) {
                return CompletableFuture.completedFuture(newer);
            }
            return backwardsFrom(channel, since, oldest, newer);
        });
    }

    private int emitPage(OsuChannel channel, JsonNode page) {
        List<JsonNode> messages = new ArrayList<>();
        page.forEach(messages::add);
        return emitAll(channel, messages);
    }

    private int emitAll(OsuChannel channel, List<JsonNode> messages) {
        int emitted = 0;
        try {
            for (JsonNode message : messages) {
                Long id = Json.longValue(message, "message_id");
                if (id == null || !channel.cursor.remember(id)) {
                    continue;
                }
                emit(channel, mapper.message(channel.info, message, message.get("sender"), message.toString(), System.currentTimeMillis()));
                emitted++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return emitted;
    }

    private void goLive(OsuChannel channel) {
        log.info("osu! channel {} is live", channel.ref);
        channel.live = true;
        channel.metrics.state("LIVE");
        channel.metrics.connected(true);
        channel.metrics.lastError("");
        List<Pending> waiting = new ArrayList<>(channel.waiting);
        channel.waiting.clear();
        try {
            for (Pending pending : waiting) {
                emitPending(channel, pending);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long maxId(JsonNode page, long floor) {
        long max = floor;
        for (JsonNode message : page) {
            Long id = Json.longValue(message, "message_id");
            if (id != null) {
                max = Math.max(max, id);
            }
        }
        return max;
    }

    // ---- keepalive, auth trouble, reconnects

    private void ack() {
        if (closed || accountFailed || byId.isEmpty()) {
            return;
        }
        api.ack().whenCompleteAsync((ok, error) -> {
            if (error != null && !failIfPermanent(Futures.unwrap(error))) {
                log.warn("osu! keepalive (POST /chat/ack) failed: {}", Futures.unwrap(error).getMessage());
            }
        }, serial);
    }

    private void checkKeepalive() {
        FrameSocket current = socket;
        if (current != null && !context.sink().backPressured()
                && current.checkKeepalive(System.nanoTime(), context.config().keepaliveIdle(), context.config().keepaliveTimeout())) {
            serial.execute(() -> {
                if (socket == current) {
                    reconnect("no pong within " + context.config().keepaliveTimeout().toMillis() + " ms: socket is dead");
                }
            });
        }
    }

    private void authenticationFailed() {
        log.warn("osu! notification socket rejected the access token; refreshing it");
        dropSocket();
        tokens.refresh().whenCompleteAsync((token, error) -> {
            if (error == null || !failIfPermanent(Futures.unwrap(error))) {
                retryLater(this::connect, "authentication failed");
            }
        }, serial);
    }

    private void loggedOut() {
        log.warn("osu! sent logout: the account's token was revoked");
        dropSocket();
        tokens.refresh().whenCompleteAsync((token, error) -> {
            if (error == null || !failIfPermanent(Futures.unwrap(error))) {
                retryLater(this::connect, "logged out");
            }
        }, serial);
    }

    private void reconnect(String reason) {
        dropSocket();
        byId.values().forEach(channel -> channel.metrics.reconnected());
        retryLater(this::connect, reason);
    }

    private void retryLater(Runnable step, String reason) {
        if (closed || accountFailed) {
            return;
        }
        generation++;
        if (ready && System.nanoTime() - readySinceNanos > STABLE_NANOS) {
            backoff.reset();
        }
        ready = false;
        long delay = backoff.next().toMillis();
        configured.forEach(channel -> {
            channel.metrics.connected(false);
            channel.metrics.lastError(reason);
            if (!channel.failed) {
                channel.metrics.state("WAITING_TO_RECONNECT");
            }
        });
        log.info("osu!: {}; retrying in {} ms", reason, delay);
        schedule(step, Duration.ofMillis(delay));
    }

    private void schedule(Runnable step, Duration delay) {
        cancelTimer();
        pendingTimer = timer.schedule(() -> serial.execute(step), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelTimer() {
        if (pendingTimer != null) {
            pendingTimer.cancel(false);
            pendingTimer = null;
        }
    }

    private void dropSocket() {
        if (socket != null) {
            socket.abort();
            socket = null;
        }
        byId.values().forEach(channel -> {
            channel.live = false;
            channel.waiting.clear();
            channel.metrics.connected(false);
        });
    }

    /** Gives up the whole account on credentials osu! will never accept again; true when that was the case. */
    private boolean failIfPermanent(Throwable error) {
        if (!(error instanceof OsuAuthException)) {
            return false;
        }
        accountFailed = true;
        dropSocket();
        cancelTimer();
        log.error("osu! account cannot be used: {}", error.getMessage());
        configured.forEach(channel -> failChannel(channel, error.getMessage()));
        return true;
    }

    private void failChannel(OsuChannel channel, String reason) {
        if (channel.failed) {
            return;
        }
        channel.failed = true;
        channel.metrics.state("FAILED");
        channel.metrics.connected(false);
        channel.metrics.lastError(reason);
        log.error("osu! channel {} cannot be read and is given up: {}. The task's other channels carry on.", channel.ref, reason);
        context.sink().channelFailed(channel.ref, reason);
    }

    private void rememberPrivateChannel(long channelId) {
        SourceRecord record = account.privateChannelSeen(channelId);
        if (record != null) {
            try {
                context.sink().emitRecord(record);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void storeRotated(String refreshToken) {
        try {
            context.sink().emitRecord(account.rotated(refreshToken));
            log.info("osu! refresh token rotated; the new one is stored sealed with the connector's offsets");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void emit(OsuChannel channel, Struct event) throws InterruptedException {
        if (channel == null) {
            context.sink().emit(accountRef, Map.of(), event);
            return;
        }
        if (context.sink().emit(channel.ref, channel.cursor.offset(), event)) {
            channel.metrics.recordEmitted();
        }
    }


    /** Socket callbacks bound to the generation they were opened in. */
    private final class SocketEvents implements FrameSocket.Handler {
        private final long gen;

        SocketEvents(long gen) {
            this.gen = gen;
        }

        @Override
        public void onFrame(FrameSocket from, String text) {
            OsuSource.this.onFrame(gen, from, text);
        }

        @Override
        public void onClosed(FrameSocket from, String reason) {
            if (gen == generation && !closed) {
                reconnect(reason);
            }
        }
    }
}
