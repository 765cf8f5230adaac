package dev.chatconnect.connector.config;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/** A task's settings: the connector's, with {@code channels} narrowed to the task's share and the task's number. */
public final class ChatSourceTaskConfig extends ChatSourceConfig {
    public static final String TASK_ID = "task.id";
    /** How many tasks the connector runs: account-wide request budgets are split evenly among them. */
    public static final String TASK_COUNT = "task.count";

    private static final ConfigDef TASK_DEF = new ConfigDef(CONFIG_DEF)
            .defineInternal(TASK_ID, ConfigDef.Type.INT, 0, ConfigDef.Importance.LOW)
            .defineInternal(TASK_COUNT, ConfigDef.Type.INT, 1, ConfigDef.Importance.LOW);

    public ChatSourceTaskConfig(Map<String, String> props) {
        super(TASK_DEF, props);
    }

    public int taskId() {
        return getInt(TASK_ID);
    }

    public int taskCount() {
        return getInt(TASK_COUNT);
    }
}
