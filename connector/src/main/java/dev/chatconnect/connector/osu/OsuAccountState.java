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

    private final Map<String, String> partition;
    private final SecretBox box;
    private final String configuredToken;
    private final String configuredFingerprint;
    private final String topic;

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

    /** The refresh token to start from: the stored newest one, unless the configured one changed since it was stored. */
    String startingRefreshToken(Map<String, Object> stored) {
        if (stored != null && configuredFingerprint.equals(stored.get(CONFIGURED_FINGERPRINT))) {
            String newest = box.open((String) stored.get(SEALED_REFRESH_TOKEN));
            if (newest != null) {
                return newest;
            }
        }
        return configuredToken;
    }

    /** A record whose offset carries the sealed token; its value says only that a rotation happened. */
    SourceRecord rotated(String newRefreshToken) {
        Map<String, Object> offset = Map.of(
                SEALED_REFRESH_TOKEN, box.seal(newRefreshToken),
                CONFIGURED_FINGERPRINT, configuredFingerprint);
        return new SourceRecord(partition, offset, topic, null, Schema.STRING_SCHEMA, partition.get(PARTITION_ACCOUNT),
                Schema.STRING_SCHEMA, "{\"event\":\"refresh_token_rotated\",\"at\":\"" + Instant.now() + "\"}");
    }
}
