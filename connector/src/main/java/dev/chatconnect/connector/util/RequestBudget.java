package dev.chatconnect.connector.util;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code limit} requests in any sliding window (e.g. 60 per minute), plus pauses ordered by the server (429).
 * {@link #acquire()} never blocks: it completes when the request may go.
 */
public final class RequestBudget {
    private final int limit;
    private final long windowNanos;
    private final ScheduledExecutorService timer;
    private final ArrayDeque<Long> sent = new ArrayDeque<>();
    private long pausedUntilNanos;

    public RequestBudget(int limit, Duration window, ScheduledExecutorService timer) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.timer = timer;
    }

    /** Completes when one more request fits the budget; the slot is taken at once so concurrent callers queue up. */
    public synchronized CompletableFuture<Void> acquire() {
        long now = System.nanoTime();
        long at = Math.max(now, pausedUntilNanos);
        if (!sent.isEmpty()) {
            at = Math.max(at, sent.peekLast());
        }
        if (sent.size() >= limit) {
            at = Math.max(at, sent.pollFirst() + windowNanos);
        }
        sent.addLast(at);
        long delay = at - now;
        if (delay <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> slot = new CompletableFuture<>();
        timer.schedule(() -> slot.complete(null), delay, TimeUnit.NANOSECONDS);
        return slot;
    }

    /** The server said "too many requests": nothing goes out before {@code pause} has passed. */
    public synchronized void pause(Duration pause) {
        pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + pause.toNanos());
    }
}
