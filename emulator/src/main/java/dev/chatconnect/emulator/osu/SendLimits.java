package dev.chatconnect.emulator.osu;

import dev.chatconnect.emulator.SlidingWindowRateLimiter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat send limit (reference §6.2): a rolling window per user and per category, PM or not. Bots get the bot
 * limit. A changed setting takes effect for the next message. Thread-safe.
 */
final class SendLimits {

    private record Bucket(OsuSettings.SendLimit limit, SlidingWindowRateLimiter limiter) {
    }

    private final OsuSettings settings;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SendLimits(OsuSettings settings) {
        this.settings = settings;
    }

    /** Takes one permit for the user in the category; false means 429. */
    boolean tryAcquire(OsuUser user, boolean pm) {
        OsuSettings.SendLimit limit = settings.sendLimit(user.bot());
        Bucket bucket = buckets.compute(user.id() + (pm ? ":PM" : ":PUBLIC"), (key, existing) ->
                existing != null && existing.limit().equals(limit) ? existing
                        : new Bucket(limit, new SlidingWindowRateLimiter(limit.messages(), limit.window())));
        return bucket.limiter().tryAcquire();
    }
}
