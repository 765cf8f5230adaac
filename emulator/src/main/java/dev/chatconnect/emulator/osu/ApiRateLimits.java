package dev.chatconnect.emulator.osu;

import dev.chatconnect.emulator.SlidingWindowRateLimiter;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The API-wide throttle (reference §6.1): requests per minute per access token. Thread-safe. */
final class ApiRateLimits {

    private final OsuSettings settings;
    private final Map<String, SlidingWindowRateLimiter> byToken = new ConcurrentHashMap<>();

    ApiRateLimits(OsuSettings settings) {
        this.settings = settings;
    }

    /** The limiter for this token id, rebuilt when the configured limit changed. */
    SlidingWindowRateLimiter forToken(String jti) {
        int limit = settings.apiRequestsPerMinute();
        return byToken.compute(jti, (key, existing) -> existing != null && existing.permits() == limit ? existing
                : new SlidingWindowRateLimiter(limit, Duration.ofMinutes(1)));
    }
}
