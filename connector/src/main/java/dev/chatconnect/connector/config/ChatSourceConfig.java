package dev.chatconnect.connector.config;

import dev.chatconnect.connector.platform.ChannelRef;
import dev.chatconnect.connector.platform.ChatPlatform;
import dev.chatconnect.connector.platform.Platforms;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** Settings of {@code ChatSourceConnector}: declared once here (common) and in each platform (prefixed keys). */
public class ChatSourceConfig extends AbstractConfig {
    public static final String GROUP_CHANNELS = "Channels";
    public static final String GROUP_OUTPUT = "Output";
    public static final String GROUP_CONNECTION = "Connection";
    public static final String GROUP_DELIVERY = "Delivery";

    public static final String CHANNELS = "channels";
    public static final String TOPIC = "topic";
    public static final String RECONNECT_BACKOFF_INITIAL_MS = "reconnect.backoff.initial.ms";
    public static final String RECONNECT_BACKOFF_MAX_MS = "reconnect.backoff.max.ms";
    public static final String KEEPALIVE_IDLE_MS = "keepalive.idle.ms";
    public static final String KEEPALIVE_TIMEOUT_MS = "keepalive.timeout.ms";
    public static final String CONNECT_TIMEOUT_MS = "connect.timeout.ms";
    public static final String IO_THREADS = "io.threads";
    public static final String QUEUE_CAPACITY = "queue.capacity";
    public static final String MAX_BATCH_SIZE = "max.batch.size";
    public static final String POLL_MAX_WAIT_MS = "poll.max.wait.ms";

    public static final ConfigDef CONFIG_DEF = configDef();

    public ChatSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    protected ChatSourceConfig(ConfigDef def, Map<String, String> props) {
        super(def, props);
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(CHANNELS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
                Validators.channelList(Platforms::checkChannelEntry, "platform:channel entries, e.g. mixer:1234"),
                Importance.HIGH,
                "Channels to stream, as platform:channel entries separated by commas (platforms: " + Platforms.names()
                        + "). Mixer channels are numeric channel ids. The list is spread over the tasks; a changed list "
                        + "takes effect when the connector is reconfigured.",
                GROUP_CHANNELS, ++order, Width.LONG, "Channels");

        order = 0;
        def.define(TOPIC, Type.STRING, "chat.${platform}.events", Validators.topicTemplate(), Importance.HIGH,
                "Topic to write events to. ${platform} and ${channel} are replaced per channel (characters not allowed "
                        + "in topic names become '_'). Records are keyed by platform:channel, so one channel keeps its order.",
                GROUP_OUTPUT, ++order, Width.MEDIUM, "Topic");

        order = 0;
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

        order = 0;
        def.define(QUEUE_CAPACITY, Type.INT, 20_000, Range.between(1, 10_000_000), Importance.LOW,
                "Events buffered between the sockets and the task's poll(). When it is full, sockets stop being read "
                        + "until Kafka catches up: nothing is dropped.",
                GROUP_DELIVERY, ++order, Width.SHORT, "Queue capacity");
        def.define(MAX_BATCH_SIZE, Type.INT, 2_000, Range.between(1, 1_000_000), Importance.LOW,
                "Most records returned by one poll().",
                GROUP_DELIVERY, ++order, Width.SHORT, "Max batch size");
        def.define(POLL_MAX_WAIT_MS, Type.LONG, 500L, Range.between(1L, 60_000L), Importance.LOW,
                "How long poll() waits for the first event when idle.",
                GROUP_DELIVERY, ++order, Width.SHORT, "Poll max wait");

        for (ChatPlatform platform : Platforms.all()) {
            platform.defineSourceConfig(def);
        }
        return def;
    }

    public List<ChannelRef> channels() {
        return getList(CHANNELS).stream().map(ChannelRef::parse).toList();
    }

    public TopicTemplate topic() {
        return TopicTemplate.of(getString(TOPIC));
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

    public int queueCapacity() {
        return getInt(QUEUE_CAPACITY);
    }

    public int maxBatchSize() {
        return getInt(MAX_BATCH_SIZE);
    }

    public Duration pollMaxWait() {
        return Duration.ofMillis(getLong(POLL_MAX_WAIT_MS));
    }
}
