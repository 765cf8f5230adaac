package dev.chatconnect.connector.platform;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** One configured channel, written {@code platform:channel} in the {@code channels} setting (e.g. {@code mixer:1234}). */
public record ChannelRef(String platform, String channel) {
    public static final String PARTITION_PLATFORM = "platform";
    public static final String PARTITION_CHANNEL = "channel";

    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(channel, "channel");
    }

    /** Parses {@code platform:channel}; the platform part is case-insensitive, the channel part is kept as written. */
    public static ChannelRef parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int colon = trimmed.indexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("'" + trimmed + "' is not of the form platform:channel (e.g. mixer:1234)");
        }
        return new ChannelRef(trimmed.substring(0, colon).trim().toLowerCase(Locale.ROOT), trimmed.substring(colon + 1).trim());
    }

    /** The Connect source partition of this channel: one per channel, so a channel's offsets stand alone. */
    public Map<String, String> sourcePartition() {
        return Map.of(PARTITION_PLATFORM, platform, PARTITION_CHANNEL, channel);
    }

    /** Record key: platform and channel, so every event of a channel lands in one Kafka partition, in order. */
    public String recordKey() {
        return platform + ":" + channel;
    }

    @Override
    public String toString() {
        return recordKey();
    }
}
