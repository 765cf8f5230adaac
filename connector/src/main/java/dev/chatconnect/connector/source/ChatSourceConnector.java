package dev.chatconnect.connector.source;

import dev.chatconnect.connector.Version;
import dev.chatconnect.connector.config.ChatSourceConfig;
import dev.chatconnect.connector.config.ChatSourceTaskConfig;
import dev.chatconnect.connector.config.ConfigValidation;
import dev.chatconnect.connector.platform.ChannelRef;
import dev.chatconnect.connector.platform.ChatPlatform;
import dev.chatconnect.connector.platform.Platforms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Streams chat events from the configured channels into Kafka. Channels are spread over the tasks; each task holds the
 * sockets of its channels. Offsets are per channel, so a restart or rebalance resumes each channel where it stood.
 */
public class ChatSourceConnector extends SourceConnector {
    private Map<String, String> props;
    private List<ChannelRef> channels;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.channels = new ChatSourceConfig(props).channels();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ChatSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        List<List<ChannelRef>> grouped = TaskAssignment.assign(channels, maxTasks);
        for (int task = 0; task < grouped.size(); task++) {
            Map<String, String> taskProps = new HashMap<>(props);
            taskProps.put(ChatSourceConfig.CHANNELS, String.join(",", grouped.get(task).stream().map(ChannelRef::toString).toList()));
            taskProps.put(ChatSourceTaskConfig.TASK_ID, Integer.toString(task));
            taskProps.put(ChatSourceTaskConfig.TASK_COUNT, Integer.toString(grouped.size()));
            configs.add(taskProps);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return ChatSourceConfig.CONFIG_DEF;
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        Map<String, ConfigValue> byName = ConfigValidation.byName(config);
        if (ConfigValidation.anyFieldFailed(byName)) {
            return config;
        }
        Map<String, Object> parsed = ChatSourceConfig.CONFIG_DEF.parse(connectorConfigs);
        ConfigValidation.requireAtMost(parsed, byName, ChatSourceConfig.RECONNECT_BACKOFF_INITIAL_MS, ChatSourceConfig.RECONNECT_BACKOFF_MAX_MS);
        @SuppressWarnings("unchecked")
        List<ChannelRef> refs = ((List<String>) parsed.get(ChatSourceConfig.CHANNELS)).stream().map(ChannelRef::parse).toList();
        for (ChatPlatform platform : Platforms.all()) {
            List<ChannelRef> own = refs.stream().filter(r -> r.platform().equals(platform.name())).toList();
            if (!own.isEmpty()) {
                platform.validate(parsed, own, byName);
            }
        }
        return config;
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        // Offsets describe exactly what was emitted per channel and are restored before any socket opens, so with
        // exactly.once.source.support enabled a restart neither loses nor repeats what the platform can replay.
        return ExactlyOnceSupport.SUPPORTED;
    }

    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : offsets.entrySet()) {
            Map<String, ?> partition = entry.getKey();
            Object platformName = partition == null ? null : partition.get(ChannelRef.PARTITION_PLATFORM);
            if (!(platformName instanceof String)) {
                throw new ConnectException("Source partitions name their platform ({\"platform\": ..., ...}), got " + partition);
            }
            ChatPlatform platform = Platforms.byName((String) platformName)
                    .orElseThrow(() -> new ConnectException("Unknown platform '" + platformName + "' in partition " + partition));
            String problem = platform.checkOffset(partition, entry.getValue());
            if (problem != null) {
                throw new ConnectException("Offset " + entry.getValue() + " for partition " + partition + ": " + problem);
            }
        }
        return true;
    }

    List<ChannelRef> channels() {
        return Objects.requireNonNull(channels);
    }
}
