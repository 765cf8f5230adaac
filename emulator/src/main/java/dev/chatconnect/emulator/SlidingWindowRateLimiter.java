package dev.chatconnect.emulator;

import java.time.Duration;
import java.util.ArrayDeque;

/** Allows at most {@code permits} events in any window of the given length. Thread-safe. */
public final class SlidingWindowRateLimiter {

    private final int permits;
    private final long windowNanos;
    private final ArrayDeque<Long> grants = new ArrayDeque<>();

    public SlidingWindowRateLimiter(int permits, Duration window) {
        if (permits < 0 || window.isNegative()) {
            throw new IllegalArgumentException("permits and window must not be negative");
        }
        this.permits = permits;
        this.windowNanos = window.toNanos();
    }

    public static SlidingWindowRateLimiter unlimited() {
        return new SlidingWindowRateLimiter(Integer.MAX_VALUE, Duration.ZERO);
    }

    public synchronized boolean tryAcquire() {
        if (permits == Integer.MAX_VALUE) {
            return true;
        }
        long now = System.nanoTime();
        while (!grants.isEmpty() && now - grants.peekFirst() >= windowNanos) {
            grants.pollFirst();
        }
        if (grants.size() >= permits) {
            return false;
        }
        grants.addLast(now);
        return true;
    }

    /** How many more events the current window allows right now (Integer.MAX_VALUE when unlimited). */
    public synchronized int remaining() {
        if (permits == Integer.MAX_VALUE) {
            return permits;
        }
        long now = System.nanoTime();
        while (!grants.isEmpty() && now - grants.peekFirst() >= windowNanos) {
            grants.pollFirst();
        }
        return Math.max(0, permits - grants.size());
    }

    public int permits() {
        return permits;
    }

    /** Seconds until the oldest grant leaves the window (at least 1), for a Retry-After header. */
    public synchronized long secondsUntilNextPermit() {
        if (grants.isEmpty()) {
            return 1;
        }
        long nanos = windowNanos - (System.nanoTime() - grants.peekFirst());
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
