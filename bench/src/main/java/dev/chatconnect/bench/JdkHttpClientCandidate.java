package dev.chatconnect.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Candidate (a): {@code java.net.http.HttpClient}'s WebSocket. One shared client, HTTP/1.1, and a fixed executor of
 * two threads for all callbacks. The client adds its own single selector thread; sockets add none.
 */
final class JdkHttpClientCandidate implements WebSocketCandidate {

    private static final int EXECUTOR_THREADS = 2;

    private final ExecutorService executor = Executors.newFixedThreadPool(EXECUTOR_THREADS, daemonThreads("jdk-ws-"));
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(executor)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    @Override
    public TrackedSocket open(URI uri) {
        JdkSocket socket = new JdkSocket();
        client.newWebSocketBuilder()
                .buildAsync(uri, socket)
                .whenComplete((webSocket, error) -> {
                    if (error != null) {
                        socket.failed(error);
                    }
                });
        return socket;
    }

    @Override
    public void shutdown() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        // On Java 17 HttpClient has no close(); its selector thread ends once the client is unreachable and collected.
    }

    private static final class JdkSocket extends TrackedSocket implements WebSocket.Listener {
        private volatile WebSocket webSocket;

        @Override
        public void onOpen(WebSocket openedSocket) {
            webSocket = openedSocket;
            openedSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket source, CharSequence data, boolean last) {
            frameArrived();
            source.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket source, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket source, Throwable error) {
            failed(error);
        }

        @Override
        void startClose() {
            WebSocket opened = webSocket;
            if (opened == null) {
                closed.complete(null);
                return;
            }
            opened.sendClose(WebSocket.NORMAL_CLOSURE, "bench done")
                    .whenComplete((ignored, error) -> {
                        if (error != null) {
                            opened.abort();
                            closed.complete(null);
                        }
                    });
        }
    }

    static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
