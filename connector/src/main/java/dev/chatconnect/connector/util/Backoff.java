package dev.chatconnect.connector.util;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with "equal jitter": attempt n waits between half and all of min(max, initial * 2^n),
 * so a fleet of sockets dropped at once does not come back in lock-step.
 */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private int attempts;

    public Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = Math.max(initial.toMillis(), max.toMillis());
    }

    public Duration next() {
        long ceiling = initialMillis << Math.min(attempts, 30);
        if (ceiling <= 0 || ceiling > maxMillis) {
            ceiling = maxMillis;
        }
        attempts++;
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    public void reset() {
        attempts = 0;
    }

    public int attempts() {
        return attempts;
    }
}
