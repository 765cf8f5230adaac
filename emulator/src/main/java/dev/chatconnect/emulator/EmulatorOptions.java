package dev.chatconnect.emulator;

import java.time.Duration;
import java.util.Objects;

/** How to start a {@link ChatEmulator}. Immutable; build with {@link #builder()}. */
public final class EmulatorOptions {

    private final int port;
    private final int mixerChannelCount;
    private final int mixerEndpointCount;
    private final boolean authkeySingleUse;
    private final Duration authkeyTtl;
    private final double trafficEventsPerSecond;
    private final long seed;
    private final int osuChannelCount;
    private final Duration osuAccessTokenTtl;
    private final Duration osuPingInterval;
    private final Duration osuActivityTimeout;

    private EmulatorOptions(Builder b) {
        this.port = b.port;
        this.mixerChannelCount = b.mixerChannelCount;
        this.mixerEndpointCount = b.mixerEndpointCount;
        this.authkeySingleUse = b.authkeySingleUse;
        this.authkeyTtl = b.authkeyTtl;
        this.trafficEventsPerSecond = b.trafficEventsPerSecond;
        this.seed = b.seed;
        this.osuChannelCount = b.osuChannelCount;
        this.osuAccessTokenTtl = b.osuAccessTokenTtl;
        this.osuPingInterval = b.osuPingInterval;
        this.osuActivityTimeout = b.osuActivityTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static EmulatorOptions defaults() {
        return builder().build();
    }

    /** 0 = an ephemeral port. */
    public int port() {
        return port;
    }

    /** Channels 1001, 1002, ... named "channel1001", ... */
    public int mixerChannelCount() {
        return mixerChannelCount;
    }

    public int mixerEndpointCount() {
        return mixerEndpointCount;
    }

    public boolean authkeySingleUse() {
        return authkeySingleUse;
    }

    public Duration authkeyTtl() {
        return authkeyTtl;
    }

    /** Automatic traffic per channel; 0 = none. */
    public double trafficEventsPerSecond() {
        return trafficEventsPerSecond;
    }

    /** Seeds credentials, users and traffic content (authkeys stay unpredictable). */
    public long seed() {
        return seed;
    }

    /** osu! PUBLIC channels: #osu (id 5), #lobby (6), then #channel7, ... */
    public int osuChannelCount() {
        return osuChannelCount;
    }

    public Duration osuAccessTokenTtl() {
        return osuAccessTokenTtl;
    }

    /** WebSocket ping interval of the notification server; a client that misses a pong is cut at the next one. */
    public Duration osuPingInterval() {
        return osuPingInterval;
    }

    /** How old the last /chat/ack may be for PUBLIC channel messages to be delivered. */
    public Duration osuActivityTimeout() {
        return osuActivityTimeout;
    }

    public Builder toBuilder() {
        return new Builder().port(port).mixerChannelCount(mixerChannelCount).mixerEndpointCount(mixerEndpointCount)
                .authkeySingleUse(authkeySingleUse).authkeyTtl(authkeyTtl)
                .trafficEventsPerSecond(trafficEventsPerSecond).seed(seed).osuChannelCount(osuChannelCount)
                .osuAccessTokenTtl(osuAccessTokenTtl).osuPingInterval(osuPingInterval)
                .osuActivityTimeout(osuActivityTimeout);
    }

    /**
     * Builder with the defaults: ephemeral port, 3 Mixer channels, 2 endpoints, single-use keys for 5 min, no traffic;
     * 2 osu! channels, access tokens for 1 day, pings every 20 s, 60 s activity timeout.
     */
    public static final class Builder {
        private int port;
        private int mixerChannelCount = 3;
        private int mixerEndpointCount = 2;
        private boolean authkeySingleUse = true;
        private Duration authkeyTtl = Duration.ofMinutes(5);
        private double trafficEventsPerSecond;
        private long seed = System.nanoTime();
        private int osuChannelCount = 2;
        private Duration osuAccessTokenTtl = Duration.ofDays(1);
        private Duration osuPingInterval = Duration.ofSeconds(20);
        private Duration osuActivityTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder mixerChannelCount(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("channel count must not be negative: " + count);
            }
            this.mixerChannelCount = count;
            return this;
        }

        public Builder mixerEndpointCount(int count) {
            if (count < 1 || count > 100) {
                throw new IllegalArgumentException("endpoint count must be 1..100: " + count);
            }
            this.mixerEndpointCount = count;
            return this;
        }

        public Builder authkeySingleUse(boolean singleUse) {
            this.authkeySingleUse = singleUse;
            return this;
        }

        public Builder authkeyTtl(Duration ttl) {
            if (Objects.requireNonNull(ttl, "ttl").isNegative()) {
                throw new IllegalArgumentException("ttl must not be negative: " + ttl);
            }
            this.authkeyTtl = ttl;
            return this;
        }

        public Builder trafficEventsPerSecond(double eventsPerSecond) {
            if (!(eventsPerSecond >= 0) || Double.isInfinite(eventsPerSecond)) {
                throw new IllegalArgumentException("traffic rate must be a finite number >= 0: " + eventsPerSecond);
            }
            this.trafficEventsPerSecond = eventsPerSecond;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder osuChannelCount(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("channel count must not be negative: " + count);
            }
            this.osuChannelCount = count;
            return this;
        }

        public Builder osuAccessTokenTtl(Duration ttl) {
            this.osuAccessTokenTtl = positive(ttl, "access token TTL");
            return this;
        }

        public Builder osuPingInterval(Duration interval) {
            this.osuPingInterval = positive(interval, "ping interval");
            return this;
        }

        public Builder osuActivityTimeout(Duration timeout) {
            if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
                throw new IllegalArgumentException("activity timeout must not be negative: " + timeout);
            }
            this.osuActivityTimeout = timeout;
            return this;
        }

        private static Duration positive(Duration d, String what) {
            if (Objects.requireNonNull(d, what).isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive: " + d);
            }
            return d;
        }

        public EmulatorOptions build() {
            return new EmulatorOptions(this);
        }
    }
}
