package dev.chatconnect.connector.sink;

import dev.chatconnect.connector.config.ChatSinkConfig;
import dev.chatconnect.connector.platform.ChannelRef;
import dev.chatconnect.connector.platform.Destination;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The channels and users the sink may write to. Nothing is allowed unless listed, or unless {@code allow.all} is set, so
 * whoever writes to the outbound topic cannot make the bot message arbitrary channels or users.
 */
final class Allowlist {
    private final boolean allowAll;
    private final Set<String> channels;
    private final Set<String> users;

    Allowlist(boolean allowAll, List<String> channels, List<String> users) {
        this.allowAll = allowAll;
        this.channels = normalise(channels);
        this.users = normalise(users);
    }

    static Allowlist of(ChatSinkConfig config) {
        return new Allowlist(config.allowAll(), config.allowedChannels(), config.allowedUsers());
    }

    /** Why the destination is not allowed, or null when it is. */
    String check(Destination destination) {
        if (allowAll) {
            return null;
        }
        if (destination.channel() != null && !channels.contains(key(destination.platform(), destination.channel()))) {
            return "channel " + destination.platform() + ":" + destination.channel() + " is not in allowed.channels";
        }
        if (destination.targetUser() != null && !users.contains(key(destination.platform(), destination.targetUser()))) {
            return "user " + destination.platform() + ":" + destination.targetUser() + " is not in allowed.users";
        }
        return null;
    }

    private static Set<String> normalise(List<String> entries) {
        Set<String> keys = new HashSet<>();
        for (String entry : entries) {
            ChannelRef ref = ChannelRef.parse(entry);
            keys.add(key(ref.platform(), ref.channel()));
        }
        return keys;
    }

    /** Channel names and user names compare case-insensitively on both platforms. */
    private static String key(String platform, String name) {
        return platform.toLowerCase(Locale.ROOT) + ":" + name.trim().toLowerCase(Locale.ROOT);
    }
}
