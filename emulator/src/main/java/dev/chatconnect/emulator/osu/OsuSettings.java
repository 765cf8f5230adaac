package dev.chatconnect.emulator.osu;

import java.time.Duration;
import java.util.Objects;

/** The run-time adjustable knobs of the osu! emulator. Thread-safe (volatile fields, immutable values). */
final class OsuSettings {

    /** Chat send limit for one user and one category (PM or not). */
    record SendLimit(int messages, Duration window) {
    }

    private volatile Duration accessTokenTtl;
    private volatile Duration activityTimeout;
    private volatile Duration pingInterval;
    private volatile Duration readyDelay = Duration.ofMillis(20);
    private volatile int apiRequestsPerMinute = 1200;
    private volatile int tokenRequestsPerMinute = 60;
    // Policy of the osu! wiki (reference §6.2): personal accounts 10 per 5 s, bots 300 per 60 s.
    private volatile SendLimit userSendLimit = new SendLimit(10, Duration.ofSeconds(5));
    private volatile SendLimit botSendLimit = new SendLimit(300, Duration.ofSeconds(60));

    OsuSettings(Duration accessTokenTtl, Duration activityTimeout, Duration pingInterval) {
        this.accessTokenTtl = positive(accessTokenTtl, "access token TTL");
        this.activityTimeout = notNegative(activityTimeout, "activity timeout");
        this.pingInterval = positive(pingInterval, "ping interval");
    }

    Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    void setAccessTokenTtl(Duration ttl) {
        accessTokenTtl = positive(ttl, "access token TTL");
    }

    Duration activityTimeout() {
        return activityTimeout;
    }

    void setActivityTimeout(Duration timeout) {
        activityTimeout = notNegative(timeout, "activity timeout");
    }

    Duration pingInterval() {
        return pingInterval;
    }

    void setPingInterval(Duration interval) {
        pingInterval = positive(interval, "ping interval");
    }

    Duration readyDelay() {
        return readyDelay;
    }

    void setReadyDelay(Duration delay) {
        readyDelay = notNegative(delay, "ready delay");
    }

    int apiRequestsPerMinute() {
        return apiRequestsPerMinute;
    }

    void setApiRequestsPerMinute(int requests) {
        apiRequestsPerMinute = atLeastOne(requests);
    }

    int tokenRequestsPerMinute() {
        return tokenRequestsPerMinute;
    }

    void setTokenRequestsPerMinute(int requests) {
        tokenRequestsPerMinute = atLeastOne(requests);
    }

    SendLimit sendLimit(boolean bot) {
        return bot ? botSendLimit : userSendLimit;
    }

    void setSendLimits(SendLimit user, SendLimit bot) {
        userSendLimit = Objects.requireNonNull(user);
        botSendLimit = Objects.requireNonNull(bot);
    }

    private static int atLeastOne(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + value);
        }
        return value;
    }

    private static Duration positive(Duration d, String what) {
        if (Objects.requireNonNull(d, what).isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d;
    }

    private static Duration notNegative(Duration d, String what) {
        if (Objects.requireNonNull(d, what).isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + d);
        }
        return d;
    }
}
