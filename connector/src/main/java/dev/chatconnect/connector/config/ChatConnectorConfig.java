package dev.chatconnect.connector.config;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** What the source and the sink connector share: how sockets and HTTP calls to the platforms behave. */
public abstract class ChatConnectorConfig extends AbstractConfig {
    public static final String GROUP_CONNECTION = "Connection";

    public static final String RECONNECT_BACKOFF_INITIAL_MS = "reconnect.backoff.initial.ms";
    public static final String RECONNECT_BACKOFF_MAX_MS = "reconnect.backoff.max.ms";
    public static final String KEEPALIVE_IDLE_MS = "keepalive.idle.ms";
    public static final String KEEPALIVE_TIMEOUT_MS = "keepalive.timeout.ms";
    public static final String CONNECT_TIMEOUT_MS = "connect.timeout.ms";
    public static final String IO_THREADS = "io.threads";

    protected ChatConnectorConfig(ConfigDef def, Map<String, String> props) {
        super(def, props);
    }

    /** Adds the {@value #GROUP_CONNECTION} group. */
    static void defineConnection(ConfigDef def) {
        int order = 0;
        def.define(RECONNECT_BACKOFF_INITIAL_MS, Type.LONG, 500L, Range.between(10L, 600_000L), Importance.LOW,
                "First reconnect delay after a socket is lost. Each failed attempt doubles it (with random jitter) "
                        + "up to " + RECONNECT_BACKOFF_MAX_MS + "; a connection that stays up resets it.",
                GROUP_CONNECTION, ++order, Width.SHORT, "Reconnect backoff (initial)");
        def.define(RECONNECT_BACKOFF_MAX_MS, Type.LONG, 64_000L, Range.between(10L, 3_600_000L), Importance.LOW,
                "Longest delay between reconnect attempts.",
                GROUP_CONNECTION, ++order, Width.SHORT, "Reconnect backoff (max)");
        def.define(KEEPALIVE_IDLE_MS, Type.LONG, 15_000L, Range.between(100L, 600_000L), Importance.LOW,
                "After this long without anything received on a socket, send a WebSocket ping.",
                GROUP_CONNECTION, ++order, Width.SHORT, "Keepalive idle time");
        def.define(KEEPALIVE_TIMEOUT_MS, Type.LONG, 5_000L, Range.between(100L, 600_000L), Importance.LOW,
                "A socket that has not answered a ping within this time is dead: it is closed and reconnected.",
                GROUP_CONNECTION, ++order, Width.SHORT, "Keepalive timeout");
        def.define(CONNECT_TIMEOUT_MS, Type.LONG, 10_000L, Range.between(100L, 600_000L), Importance.LOW,
                "Timeout of one HTTP request or WebSocket handshake.",
                GROUP_CONNECTION, ++order, Width.SHORT, "Connect timeout");
        def.define(IO_THREADS, Type.INT, 2, Range.between(1, 64), Importance.LOW,
                "Threads per task that run socket callbacks for all of the task's channels. Sockets do not each hold "
                        + "a thread, so a few threads serve thousands of channels.",
                GROUP_CONNECTION, ++order, Width.SHORT, "I/O threads");

    }

    public Duration reconnectBackoffInitial() {
        return Duration.ofMillis(getLong(RECONNECT_BACKOFF_INITIAL_MS));
    }

    public Duration reconnectBackoffMax() {
        return Duration.ofMillis(getLong(RECONNECT_BACKOFF_MAX_MS));
    }

    public Duration keepaliveIdle() {
        return Duration.ofMillis(getLong(KEEPALIVE_IDLE_MS));
    }

    public Duration keepaliveTimeout() {
        return Duration.ofMillis(getLong(KEEPALIVE_TIMEOUT_MS));
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(getLong(CONNECT_TIMEOUT_MS));
    }

    public int ioThreads() {
        return getInt(IO_THREADS);
    }
}
