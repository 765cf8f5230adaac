package dev.chatconnect.connector.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.connector.platform.FrameSocket;
import dev.chatconnect.connector.util.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Mixer's method calls over one chat socket: ids never reused, replies correlated by id, calls timed out (§3, §9.6). */
final class MixerSocket {

    /** Receives frames and the end of one socket, always on the channel's serial executor. */
    interface Handler {
        void onFrame(MixerSocket socket, String text);

        void onClosed(MixerSocket socket, String reason);
    }

    private final FrameSocket transport;
    private final ScheduledExecutorService timer;
    private final Duration replyTimeout;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private long nextId;

    private MixerSocket(Handler handler, Executor serial, ScheduledExecutorService timer, Duration replyTimeout) {
        this.timer = timer;
        this.replyTimeout = replyTimeout;
        this.transport = new FrameSocket(new FrameSocket.Handler() {
            @Override
            public void onFrame(FrameSocket socket, String text) {
                handler.onFrame(MixerSocket.this, text);
            }

            @Override
            public void onClosed(FrameSocket socket, String reason) {
                failPending(reason);
                handler.onClosed(MixerSocket.this, reason);
            }
        }, serial);
    }

    static CompletableFuture<MixerSocket> open(HttpClient http, URI uri, String clientId, Duration connectTimeout,
                                               Duration replyTimeout, Handler handler, Executor serial,
                                               ScheduledExecutorService timer) {
        MixerSocket socket = new MixerSocket(handler, serial, timer, replyTimeout);
        Map<String, String> headers = clientId.isBlank() ? Map.of() : Map.of("Client-ID", clientId);
        return socket.transport.open(http, uri, headers, connectTimeout).thenApply(ws -> socket);
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
        transport.send(packet.toString()).exceptionally(error -> {
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

    boolean checkKeepalive(long nowNanos, Duration idle, Duration timeout) {
        return transport.checkKeepalive(nowNanos, idle, timeout);
    }

    /** Drops the connection at once (no close handshake) and fails every waiting call. */
    void abort() {
        transport.abort();
        failPending("socket closed");
    }

    private void failPending(String reason) {
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException(reason)));
        pending.clear();
    }
}
