package dev.chatconnect.connector.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.connector.util.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Mixer chat WebSocket: method calls correlated with their replies by id, frames handed to the owner one at a time on
 * the owner's serial executor, and the next frame requested only once the owner is done with the last (back-pressure).
 */
final class MixerSocket implements WebSocket.Listener {

    /** Receives frames and the close of one socket, always on the channel's serial executor. */
    interface Handler {
        void onFrame(MixerSocket socket, String text);

        void onClosed(MixerSocket socket, String reason);
    }

    private final Handler handler;
    private final Executor serial;
    private final ScheduledExecutorService timer;
    private final Duration replyTimeout;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private long nextId;
    private volatile WebSocket webSocket;
    private volatile boolean closed;
    private volatile long lastInboundNanos = System.nanoTime();
    private volatile long pingSentNanos;
    private volatile boolean ownerBusy;
    private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null);

    private MixerSocket(Handler handler, Executor serial, ScheduledExecutorService timer, Duration replyTimeout) {
        this.handler = handler;
        this.serial = serial;
        this.timer = timer;
        this.replyTimeout = replyTimeout;
    }

    static CompletableFuture<MixerSocket> open(HttpClient http, URI uri, String clientId, Duration connectTimeout,
                                               Duration replyTimeout, Handler handler, Executor serial,
                                               ScheduledExecutorService timer) {
        MixerSocket socket = new MixerSocket(handler, serial, timer, replyTimeout);
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(connectTimeout);
        if (!clientId.isBlank()) {
            builder.header("Client-ID", clientId);
        }
        return builder.buildAsync(uri, socket).thenApply(ws -> socket);
    }

    /** Calls a chat method; the future completes with the whole reply packet, or fails on timeout or close. */
    synchronized CompletableFuture<JsonNode> call(String method, Object... arguments) {
        long id = nextId++;
        ObjectNode packet = Json.MAPPER.createObjectNode().put("type", "method").put("method", method);
        ArrayNode args = packet.putArray("arguments");
        for (Object argument : arguments) {
            args.addPOJO(argument);
        }
        packet.put("id", id);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        timer.schedule(() -> {
            if (pending.remove(id) != null) {
                reply.completeExceptionally(new TimeoutException(method + " got no reply within " + replyTimeout.toMillis() + " ms"));
            }
        }, replyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        send(packet.toString()).exceptionally(error -> {
            if (pending.remove(id) != null) {
                reply.completeExceptionally(error);
            }
            return null;
        });
        return reply;
    }

    /** Routes a reply packet to its caller; false when no call waits for that id. */
    boolean completeReply(JsonNode reply) {
        Long id = Json.longValue(reply, "id");
        CompletableFuture<JsonNode> caller = id == null ? null : pending.remove(id);
        if (caller == null) {
            return false;
        }
        caller.complete(reply);
        return true;
    }

    private synchronized CompletableFuture<?> send(String text) {
        WebSocket ws = webSocket;
        if (ws == null || closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("socket closed"));
        }
        // The JDK socket allows one outstanding send at a time: chain them.
        sendChain = sendChain.handle((ok, error) -> null).thenCompose(ignored -> ws.sendText(text, true));
        return sendChain;
    }

    synchronized void ping() {
        WebSocket ws = webSocket;
        if (ws != null && !closed) {
            pingSentNanos = System.nanoTime();
            sendChain = sendChain.handle((ok, error) -> null).thenCompose(ignored -> ws.sendPing(ByteBuffer.allocate(0)));
        }
    }

    /** Drops the connection at once (no close handshake) and fails every waiting call. */
    void abort() {
        closed = true;
        WebSocket ws = webSocket;
        if (ws != null) {
            ws.abort();
        }
        failPending("socket closed");
    }

    long lastInboundNanos() {
        return lastInboundNanos;
    }

    long pingSentNanos() {
        return pingSentNanos;
    }

    /** True while the owner is still handling the last frame (and so has not asked for the next). */
    boolean ownerBusy() {
        return ownerBusy;
    }

    @Override
    public void onOpen(WebSocket ws) {
        this.webSocket = ws;
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        markInbound();
        partial.append(data);
        if (!last) {
            ws.request(1);
            return null;
        }
        String text = partial.toString();
        partial.setLength(0);
        deliver(ws, text);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        // Mixer sends text only; a binary frame is surfaced to the owner as text so that it is recorded, not lost.
        markInbound();
        partial.append(StandardCharsets.UTF_8.decode(data));
        if (!last) {
            ws.request(1);
            return null;
        }
        String text = partial.toString();
        partial.setLength(0);
        deliver(ws, text);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
        markInbound();
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
        markInbound();
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed = true;
        failPending("socket closed");
        serial.execute(() -> handler.onClosed(this, "closed by server (code " + statusCode + ")"));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed = true;
        failPending("socket failed");
        serial.execute(() -> handler.onClosed(this, "connection lost (" + error.getClass().getSimpleName() + ")"));
    }

    private void deliver(WebSocket ws, String text) {
        ownerBusy = true;
        serial.execute(() -> {
            try {
                handler.onFrame(this, text);
            } finally {
                ownerBusy = false;
                if (!closed) {
                    ws.request(1);
                }
            }
        });
    }

    private void markInbound() {
        lastInboundNanos = System.nanoTime();
        pingSentNanos = 0;
    }

    private void failPending(String reason) {
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException(reason)));
        pending.clear();
    }
}
