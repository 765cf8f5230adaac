package dev.chatconnect.connector.config;

import dev.chatconnect.connector.platform.ChannelRef;
import dev.chatconnect.connector.platform.ChatPlatform;
import dev.chatconnect.connector.platform.Platforms;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** Settings of {@code ChatSourceConnector}: declared once here (common) and in each platform (prefixed keys). */
public class ChatSourceConfig extends ChatConnectorConfig {
    public static final String GROUP_CHANNELS = "Channels";
    public static final String GROUP_OUTPUT = "Output";
    public static final String GROUP_DELIVERY = "Delivery";

    public static final String CHANNELS = "channels";
    public static final String TOPIC = "topic";
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

        defineConnection(def);

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
