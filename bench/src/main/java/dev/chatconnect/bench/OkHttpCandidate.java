package dev.chatconnect.bench;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * Candidate (b): OkHttp 5 WebSocket with one shared {@link OkHttpClient}.
 *
 * <p>OkHttp reads each web socket with blocking I/O on the dispatcher thread that ran its handshake, so every open
 * socket pins one dispatcher slot and one thread. The default {@link Dispatcher} allows only 64 running calls, so
 * without raising {@code maxRequests} the 65th socket would wait forever for a slot; this candidate lifts the limit.
 */
final class OkHttpCandidate implements WebSocketCandidate {


    private final OkHttpClient client;

    OkHttpCandidate() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Integer.MAX_VALUE);
        dispatcher.setMaxRequestsPerHost(Integer.MAX_VALUE);
        client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(30, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build();
    }

    @Override
    public TrackedSocket open(URI uri) {
        OkHttpSocket socket = new OkHttpSocket();
        socket.webSocket = client.newWebSocket(new Request.Builder().url(uri.toString()).build(), socket.listener);
        return socket;
    }

    @Override
    public void shutdown() throws InterruptedException {
        client.dispatcher().executorService().shutdown();
        client.dispatcher().executorService().awaitTermination(10, TimeUnit.SECONDS);
        client.connectionPool().evictAll();
    }

    private static final class OkHttpSocket extends TrackedSocket {
        private volatile WebSocket webSocket;

        private final WebSocketListener listener = new WebSocketListener() {
            @Override
            public void onMessage(WebSocket source, String text) {
                frameArrived();
            }

            @Override
            public void onClosed(WebSocket source, int code, String reason) {
                closed.complete(null);
            }

            @Override
            public void onFailure(WebSocket source, Throwable error, Response response) {
                failed(error);
            }
        };

        @Override
        void startClose() {
            if (!webSocket.close(1000, "bench done")) {
                webSocket.cancel();
                closed.complete(null);
            }
        }
    }
}
