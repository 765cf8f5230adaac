package dev.chatconnect.connector.platform;

import dev.chatconnect.connector.mixer.MixerPlatform;
import dev.chatconnect.connector.osu.OsuPlatform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The platforms this plugin speaks. A new platform is one more entry here. */
public final class Platforms {
    private static final Map<String, ChatPlatform> BY_NAME = new LinkedHashMap<>();

    static {
        for (ChatPlatform platform : List.<ChatPlatform>of(new MixerPlatform(), new OsuPlatform())) {
            BY_NAME.put(platform.name(), platform);
        }
    }

    private Platforms() {
    }

    public static Iterable<ChatPlatform> all() {
        return BY_NAME.values();
    }

    public static Optional<ChatPlatform> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static String names() {
        return String.join(", ", BY_NAME.keySet());
    }

    /** Checks one {@code platform:channel} entry; returns the problem, or null when it is fine. */
    public static String checkChannelEntry(String entry) {
        ChannelRef ref;
        try {
            ref = ChannelRef.parse(entry);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        ChatPlatform platform = BY_NAME.get(ref.platform());
        if (platform == null) {
            return "names unknown platform '" + ref.platform() + "' (known: " + names() + ")";
        }
        return platform.checkChannel(ref.channel());
    }

    /** Checks one {@code platform:user} entry (a private-message recipient); returns the problem, or null. */
    public static String checkUserEntry(String entry) {
        ChannelRef ref;
        try {
            ref = ChannelRef.parse(entry);
        } catch (IllegalArgumentException e) {
            return "'" + (entry == null ? "" : entry.trim()) + "' is not of the form platform:user (e.g. osu:42)";
        }
        ChatPlatform platform = BY_NAME.get(ref.platform());
        if (platform == null) {
            return "names unknown platform '" + ref.platform() + "' (known: " + names() + ")";
        }
        return platform.checkUser(ref.channel());
    }
}
