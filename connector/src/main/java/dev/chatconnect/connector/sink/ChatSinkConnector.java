package dev.chatconnect.connector.sink;

import dev.chatconnect.connector.Version;
import dev.chatconnect.connector.config.ChatSinkConfig;
import dev.chatconnect.connector.config.ConfigValidation;
import dev.chatconnect.connector.platform.ChannelRef;
import dev.chatconnect.connector.platform.ChatPlatform;
import dev.chatconnect.connector.platform.Platforms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Sends the messages of the outbound topic(s) to chat. Partitions are spread over the tasks by Kafka; account-wide rate
 * limits are split evenly among the tasks, so together they stay within the platform's budget.
 */
public class ChatSinkConnector extends SinkConnector {
    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        new ChatSinkConfig(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ChatSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int task = 0; task < maxTasks; task++) {
            Map<String, String> taskProps = new HashMap<>(props);
            taskProps.put(ChatSinkConfig.TASK_ID, Integer.toString(task));
            taskProps.put(ChatSinkConfig.TASK_COUNT, Integer.toString(maxTasks));
            configs.add(taskProps);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return ChatSinkConfig.CONFIG_DEF;
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        Map<String, ConfigValue> byName = ConfigValidation.byName(config);
        if (ConfigValidation.anyFieldFailed(byName)) {
            return config;
        }
        Map<String, Object> parsed = ChatSinkConfig.CONFIG_DEF.parse(connectorConfigs);
        boolean allowAll = (Boolean) parsed.get(ChatSinkConfig.ALLOW_ALL);
        @SuppressWarnings("unchecked")
        List<String> channels = (List<String>) parsed.get(ChatSinkConfig.ALLOWED_CHANNELS);
        @SuppressWarnings("unchecked")
        List<String> users = (List<String>) parsed.get(ChatSinkConfig.ALLOWED_USERS);
        if (!allowAll && channels.isEmpty() && users.isEmpty()) {
            byName.get(ChatSinkConfig.ALLOWED_CHANNELS).addErrorMessage("list the channels (and " + ChatSinkConfig.ALLOWED_USERS
                    + " the users) the sink may write to, or set " + ChatSinkConfig.ALLOW_ALL + "=true");
        }
        ConfigValidation.requireAtMost(parsed, byName, ChatSinkConfig.RETRY_BACKOFF_INITIAL_MS, ChatSinkConfig.RETRY_BACKOFF_MAX_MS);
        ConfigValidation.requireAtMost(parsed, byName, ChatSinkConfig.RECONNECT_BACKOFF_INITIAL_MS, ChatSinkConfig.RECONNECT_BACKOFF_MAX_MS);
        Set<String> used = new TreeSet<>();
        channels.forEach(entry -> used.add(ChannelRef.parse(entry).platform()));
        users.forEach(entry -> used.add(ChannelRef.parse(entry).platform()));
        int maxTasks = parseTasksMax(connectorConfigs.get("tasks.max"));
        for (ChatPlatform platform : Platforms.all()) {
            if (used.contains(platform.name())) {
                platform.validateSink(parsed, maxTasks, byName);
            }
        }
        return config;
    }

    private static int parseTasksMax(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 1; // Connect reports a malformed tasks.max itself
        }
    }

    /** Sink offsets are plain consumer offsets; any offset (or a reset) is a valid place to resume from. */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<TopicPartition, Long> offsets) {
        return true;
    }
}
