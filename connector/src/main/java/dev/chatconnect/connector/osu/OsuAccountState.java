package dev.chatconnect.connector.osu;

import dev.chatconnect.connector.util.SecretBox;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Where the newest refresh token lives. osu! rotates refresh tokens on every refresh, so the configured one is dead after
 * the first use. The newest one is sealed (AES-GCM, key derived from the client secret) into the offset of a small state
 * record: Connect stores it with the connector's offsets, so it survives task restarts, rebalances and worker restarts,
 * and it is never written in clear text. A changed configured token (the user re-authorized) wins over the stored one.
 */
final class OsuAccountState {
    static final String PARTITION_ACCOUNT = "account";
    static final String SEALED_REFRESH_TOKEN = "sealed_refresh_token";
    static final String CONFIGURED_FINGERPRINT = "configured_token_fingerprint";
    static final String KNOWN_PRIVATE_CHANNELS = "known_private_channels";

    private final Map<String, String> partition;
    private final SecretBox box;
    private final String configuredToken;
    private final String configuredFingerprint;
    private final String topic;
    private final java.util.Set<Long> knownPrivateChannels = new java.util.TreeSet<>();
    private String sealedRefreshToken;

    OsuAccountState(OsuSettings settings) {
        this.partition = Map.of("platform", OsuPlatform.NAME, PARTITION_ACCOUNT, settings.clientId());
        this.box = new SecretBox(settings.clientSecret().value(), "chatconnect osu refresh token v1");
        this.configuredToken = settings.refreshToken().value();
        this.configuredFingerprint = SecretBox.fingerprint(configuredToken);
        this.topic = settings.stateTopic();
    }

    Map<String, String> partition() {
        return partition;
    }

    /**
     * The refresh token to start from: the stored newest one, unless the configured one changed since it was stored. Also
     * restores the private channels known from earlier runs (they stay known across a re-authorization).
     */
    String startingRefreshToken(Map<String, Object> stored) {
        String starting = configuredToken;
        if (stored != null && configuredFingerprint.equals(stored.get(CONFIGURED_FINGERPRINT))) {
            String newest = box.open((String) stored.get(SEALED_REFRESH_TOKEN));
            if (newest != null) {
                starting = newest;
            }
        }
        if (stored != null && stored.get(KNOWN_PRIVATE_CHANNELS) instanceof String known && !known.isBlank()) {
            for (String id : known.split(",")) {
                knownPrivateChannels.add(Long.parseLong(id.trim()));
            }
        }
        sealedRefreshToken = box.seal(starting);
        return starting;
    }

    /** Private channels seen in earlier runs: after a restart they catch up before any new message shows them. */
    java.util.Set<Long> knownPrivateChannels() {
        return java.util.Set.copyOf(knownPrivateChannels);
    }

    /** A record whose offset carries the sealed token; its value says only that a rotation happened. */
    SourceRecord rotated(String newRefreshToken) {
        sealedRefreshToken = box.seal(newRefreshToken);
        return record("refresh_token_rotated");
    }

    /** A record that adds a private channel to the known ones, or null when it was known already. */
    SourceRecord privateChannelSeen(long channelId) {
        return knownPrivateChannels.add(channelId) ? record("private_channel_seen") : null;
    }

    private SourceRecord record(String event) {
        Map<String, Object> offset = Map.of(
                SEALED_REFRESH_TOKEN, sealedRefreshToken,
                CONFIGURED_FINGERPRINT, configuredFingerprint,
                KNOWN_PRIVATE_CHANNELS, knownPrivateChannels.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        return new SourceRecord(partition, offset, topic, null, Schema.STRING_SCHEMA, partition.get(PARTITION_ACCOUNT),
                Schema.STRING_SCHEMA, "{\"event\":\"" + event + "\",\"at\":\"" + Instant.now() + "\"}");
    }
}
