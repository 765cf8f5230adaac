package dev.chatconnect.connector.platform;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads and the HTTP client a task's sockets share. The JDK client multiplexes every socket over one selector thread
 * and hands callbacks to a small pool, so thousands of channels cost a handful of threads (measured in {@code bench/}).
 */
public final class IoResources implements AutoCloseable {
    private final ExecutorService httpCallbacks;
    private final ExecutorService channelWork;
    private final ScheduledExecutorService timer;
    private final HttpClient http;

    public IoResources(String name, int channelThreads, Duration connectTimeout) {
        this.httpCallbacks = Executors.newFixedThreadPool(2, daemonThreads(name + "-http"));
        this.channelWork = Executors.newFixedThreadPool(channelThreads, daemonThreads(name + "-io"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads(name + "-timer"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(httpCallbacks)
                .build();
    }

    public HttpClient http() {
        return http;
    }

    /** Pool for per-channel serial executors; channel work may block here while the task's queue is full. */
    public ExecutorService channelWork() {
        return channelWork;
    }

    public ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        channelWork.shutdownNow();
        httpCallbacks.shutdownNow();
        try {
            channelWork.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
