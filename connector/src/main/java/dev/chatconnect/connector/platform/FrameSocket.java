package dev.chatconnect.connector.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A text-frame WebSocket on the JDK client, shared by the platforms. Whole frames go to the owner one at a time on the
 * owner's serial executor, and the next frame is requested only when the owner is done with the last: a full task queue
 * pauses reading instead of buffering without bound. Sends are chained (the JDK allows one outstanding send).
 */
public final class FrameSocket implements WebSocket.Listener {

    /** Receives whole frames and the end of the socket, always on the owner's serial executor. */
    public interface Handler {
        void onFrame(FrameSocket socket, String text);

        void onClosed(FrameSocket socket, String reason);
    }

    private final Handler handler;
    private final Executor serial;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket webSocket;
    private volatile boolean closed;
    private volatile long lastInboundNanos = System.nanoTime();
    private volatile long pingSentNanos;
    private volatile boolean ownerBusy;
    private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null);

    public FrameSocket(Handler handler, Executor serial) {
        this.handler = handler;
        this.serial = serial;
    }

    /** Opens this socket; headers carry e.g. a Client-ID or an Authorization value (never logged here). */
    public CompletableFuture<FrameSocket> open(HttpClient http, URI uri, Map<String, String> headers, Duration connectTimeout) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(connectTimeout);
        headers.forEach(builder::header);
        return builder.buildAsync(uri, this).thenApply(ws -> this);
    }

    public synchronized CompletableFuture<?> send(String text) {
        WebSocket ws = webSocket;
        if (ws == null || closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("socket closed"));
        }
        sendChain = sendChain.handle((ok, error) -> null).thenCompose(ignored -> ws.sendText(text, true));
        return sendChain;
    }

    public synchronized void ping() {
        WebSocket ws = webSocket;
        if (ws != null && !closed) {
            pingSentNanos = System.nanoTime();
            sendChain = sendChain.handle((ok, error) -> null).thenCompose(ignored -> ws.sendPing(ByteBuffer.allocate(0)));
        }
    }

    /** Drops the connection at once, without a close handshake. No callback follows. */
    public void abort() {
        closed = true;
        WebSocket ws = webSocket;
        if (ws != null) {
            ws.abort();
        }
    }

    /**
     * Keepalive: pings a socket idle for {@code idle}; returns true when a ping went unanswered for {@code timeout} (the
     * socket is dead). A socket whose owner is still busy with a frame is paused on purpose and never judged.
     */
    public boolean checkKeepalive(long nowNanos, Duration idle, Duration timeout) {
        if (closed || ownerBusy) {
            return false;
        }
        long pingSent = pingSentNanos;
        if (pingSent != 0) {
            return nowNanos - pingSent > timeout.toNanos();
        }
        if (nowNanos - lastInboundNanos > idle.toNanos()) {
            ping();
        }
        return false;
    }

    @Override
    public void onOpen(WebSocket ws) {
        this.webSocket = ws;
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        return collect(ws, data, last);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        // The platforms send text; a binary frame is surfaced as text so it is recorded, not lost.
        return collect(ws, StandardCharsets.UTF_8.decode(data), last);
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
        markInbound();
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
        markInbound(); // the JDK answers with a pong by itself
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        finish("closed by the server (code " + statusCode + ")");
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        finish("connection lost (" + error.getClass().getSimpleName() + ")");
    }

    private CompletionStage<?> collect(WebSocket ws, CharSequence data, boolean last) {
        markInbound();
        partial.append(data);
        if (!last) {
            ws.request(1);
            return null;
        }
        String text = partial.toString();
        partial.setLength(0);
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
        return null;
    }

    private void finish(String reason) {
        boolean wasOpen = !closed;
        closed = true;
        if (wasOpen) {
            serial.execute(() -> handler.onClosed(this, reason));
        }
    }

    private void markInbound() {
        lastInboundNanos = System.nanoTime();
        pingSentNanos = 0;
    }
}
