package dev.chatconnect.emulator.mixer;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Chat authkeys: bound to (channel, user), valid for a TTL, single-use or reusable within it. */
final class AuthKeys {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int KEY_LENGTH = 16;

    private record Grant(long channelId, long userId, long issuedNanos) {
    }

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger issuedSinceSweep = new AtomicInteger();
    private volatile boolean singleUse;
    private volatile long ttlNanos;

    AuthKeys(boolean singleUse, Duration ttl) {
        this.singleUse = singleUse;
        this.ttlNanos = ttl.toNanos();
    }

    void configure(boolean newSingleUse, Duration ttl) {
        singleUse = newSingleUse;
        ttlNanos = ttl.toNanos();
    }

    String issue(long channelId, long userId) {
        StringBuilder key = new StringBuilder(KEY_LENGTH);
        for (int i = 0; i < KEY_LENGTH; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        grants.put(key.toString(), new Grant(channelId, userId, System.nanoTime()));
        if (issuedSinceSweep.incrementAndGet() >= 1024) {
            issuedSinceSweep.set(0);
            grants.values().removeIf(this::expired);
        }
        return key.toString();
    }

    /** True if the key was issued for this channel and user and is still valid; a single-use key is spent. */
    boolean redeem(String key, long channelId, long userId) {
        Grant grant = grants.get(key);
        if (grant == null || grant.channelId() != channelId || grant.userId() != userId) {
            return false;
        }
        if (expired(grant)) {
            grants.remove(key);
            return false;
        }
        return !singleUse || grants.remove(key, grant);
    }

    private boolean expired(Grant grant) {
        return System.nanoTime() - grant.issuedNanos() >= ttlNanos;
    }
}
