package dev.chatconnect.connector.platform;

import java.util.Objects;

/**
 * Where an outbound message goes: a channel, a private recipient, or a private recipient reached through a channel
 * (Mixer whispers). The sink keeps the order of messages per destination.
 */
public record Destination(String platform, String channel, String targetUser) {

    public Destination {
        Objects.requireNonNull(platform, "platform");
        if (channel == null && targetUser == null) {
            throw new IllegalArgumentException("a destination names a channel, a target user or both");
        }
    }

    /** {@code 1001}, {@code 1001@bob}, {@code @42}: the destination within its platform (also its metrics name). */
    public String name() {
        return (channel == null ? "" : channel) + (targetUser == null ? "" : "@" + targetUser);
    }

    /** {@code mixer:1001}, {@code mixer:1001@bob}, {@code osu:@42}. */
    @Override
    public String toString() {
        return platform + ":" + name();
    }
}
