package dev.chatconnect.connector.platform;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/**
 * A chat platform behind the connectors. Adding a platform means a new package with one implementation of this
 * interface, listed in {@link Platforms}; the source and sink code does not change.
 */
public interface ChatPlatform {

    /** Lower-case name used in {@code channels} entries and in records ({@code mixer}, {@code osu}). */
    String name();

    /** Adds this platform's settings (all prefixed with {@code name() + "."}) to the connector's definition. */
    void defineSourceConfig(ConfigDef def);

    /** Checks one channel entry of this platform, returning a human-readable problem or null when fine. */
    String checkChannel(String channel);

    /** Cross-field checks for this platform, given the parsed values of every setting; adds errors to {@code results}. */
    default void validate(Map<String, Object> parsed, List<ChannelRef> channels, Map<String, ConfigValue> results) {
    }

    /**
     * Checks a partition and offset given to {@code alterOffsets} (the offset is null when it is being reset); returns the
     * problem, or null when this platform can resume from it.
     */
    String checkOffset(Map<String, ?> partition, Map<String, ?> offset);

    /**
     * True when all of this platform's channels share one connection and login, and so must stay in one task
     * (osu!: one notification socket and one rotating refresh token per account).
     */
    default boolean channelsShareOneConnection() {
        return false;
    }

    /** Opens the streaming side of this platform for the given channels of one task. */
    PlatformSource openSource(SourceContext context);

    /** Checks a private-message recipient as written in {@code allowed.users} and records; a problem, or null. */
    String checkUser(String user);

    /** Adds this platform's sink settings (prefixed with {@code name() + "."}) to the sink connector's definition. */
    void defineSinkConfig(ConfigDef def);

    /** Cross-field checks of the sink settings when this platform is in use; adds errors to {@code results}. */
    default void validateSink(Map<String, Object> parsed, int maxTasks, Map<String, ConfigValue> results) {
    }

    /** Opens the sending side of this platform for one sink task. */
    PlatformSink openSink(SinkContext context);
}
