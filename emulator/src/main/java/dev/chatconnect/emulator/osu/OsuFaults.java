package dev.chatconnect.emulator.osu;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injected REST failures: the next N API requests fail with a status, or get 429; the next N successful sends lose
 * their response. Thread-safe.
 */
final class OsuFaults {

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private final AtomicInteger rateLimitedLeft = new AtomicInteger();
    private final AtomicInteger lostSendResponsesLeft = new AtomicInteger();

    void failNextRequests(int count, int status) {
        if (count < 0 || status < 100 || status > 599) {
            throw new IllegalArgumentException("need count >= 0 and an HTTP status: " + count + ", " + status);
        }
        failureStatus = status;
        failuresLeft.set(count);
    }

    void rejectNextRequestsWith429(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        rateLimitedLeft.set(count);
    }

    void loseNextSendResponses(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        lostSendResponsesLeft.set(count);
    }

    /** Whether the response to this successful send must be replaced by a 502, consuming one if so. */
    boolean takeLostSendResponse() {
        return lostSendResponsesLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /** The status the next request must fail with, consuming one injected failure; 429 bursts come second. */
    Optional<Integer> takeFailure() {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Optional.of(failureStatus);
        }
        if (rateLimitedLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Optional.of(429);
        }
        return Optional.empty();
    }
}
