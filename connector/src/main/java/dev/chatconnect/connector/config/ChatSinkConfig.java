package dev.chatconnect.connector.config;

import dev.chatconnect.connector.platform.ChatPlatform;
import dev.chatconnect.connector.platform.Platforms;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** Settings of {@code ChatSinkConnector}: declared once here (common) and in each platform (prefixed keys). */
public class ChatSinkConfig extends ChatConnectorConfig {
    public static final String GROUP_DESTINATIONS = "Destinations";
    public static final String GROUP_MESSAGES = "Messages";
    public static final String GROUP_DELIVERY = "Delivery";

    public static final String ALLOWED_CHANNELS = "allowed.channels";
    public static final String ALLOWED_USERS = "allowed.users";
    public static final String ALLOW_ALL = "allow.all";
    public static final String LENGTH_POLICY = "message.length.policy";
    public static final String SPLIT_MAX_PARTS = "message.split.max.parts";
    public static final String MAX_BUFFERED_RECORDS = "max.buffered.records";
    public static final String RETRY_MAX_ATTEMPTS = "send.retry.max.attempts";
    public static final String RETRY_BACKOFF_INITIAL_MS = "send.retry.backoff.initial.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "send.retry.backoff.max.ms";
    public static final String CHECK_DELIVERED = "send.check.delivered";
    /** Internal: set by the connector in every task's config. */
    public static final String TASK_ID = "task.id";
    public static final String TASK_COUNT = "task.count";

    /** What to do with a text longer than the destination accepts. */
    public enum LengthPolicy { REJECT, TRUNCATE, SPLIT }

    public static final ConfigDef CONFIG_DEF = configDef();

    public ChatSinkConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(ALLOWED_CHANNELS, Type.LIST, "", Validators.entryList(Platforms::checkChannelEntry, "platform:channel"),
                Importance.HIGH,
                "Channels the sink may post to, as platform:channel entries (mixer:1001, osu:5, osu:#osu). A record for "
                        + "any other channel goes to the dead-letter queue. Mixer whispers need their channel here too.",
                GROUP_DESTINATIONS, ++order, Width.LONG, "Allowed channels");
        def.define(ALLOWED_USERS, Type.LIST, "", Validators.entryList(Platforms::checkUserEntry, "platform:user"),
                Importance.HIGH,
                "Users the sink may send private messages to, as platform:user entries (Mixer whisper targets by "
                        + "username, e.g. mixer:somebody; osu! PM targets by user id, e.g. osu:42). A producer to the "
                        + "outbound topic cannot make the bot message anyone else.",
                GROUP_DESTINATIONS, ++order, Width.LONG, "Allowed users");
        def.define(ALLOW_ALL, Type.BOOLEAN, false, Importance.HIGH,
                "Lift both allowlists: whoever can write to the outbound topic can make the bot post to any channel and "
                        + "message any user. Meant for trusted producers only.",
                GROUP_DESTINATIONS, ++order, Width.SHORT, "Allow all destinations");

        order = 0;
        def.define(LENGTH_POLICY, Type.STRING, "reject", Validators.oneOf(LengthPolicy.class), Importance.MEDIUM,
                "A text longer than the destination accepts (osu! 450, 1024 in ANNOUNCE channels; Mixer 360 code points): "
                        + "reject (dead-letter queue), truncate (cut, ending in '…'), or split (several messages, cut at "
                        + "spaces where possible, sent in order).",
                GROUP_MESSAGES, ++order, Width.SHORT, "Length policy");
        def.define(SPLIT_MAX_PARTS, Type.INT, 4, Range.between(2, 100), Importance.LOW,
                "With the split policy, the most messages one record may become; a longer text is rejected.",
                GROUP_MESSAGES, ++order, Width.SHORT, "Split max parts");

        order = 0;
        def.define(MAX_BUFFERED_RECORDS, Type.INT, 10_000, Range.between(1, 10_000_000), Importance.LOW,
                "Records taken from Kafka but not yet confirmed by the platforms. Above it, consumption pauses until half "
                        + "of them are sent, so a slow platform or a rate limit never fills the worker's memory.",
                GROUP_DELIVERY, ++order, Width.SHORT, "Max buffered records");
        def.define(RETRY_MAX_ATTEMPTS, Type.INT, 10, Range.between(1, 1_000), Importance.MEDIUM,
                "Attempts to send one message when the platform answers with a retryable error (rate limited, "
                        + "disconnected, 5xx); after the last one the record goes to the dead-letter queue.",
                GROUP_DELIVERY, ++order, Width.SHORT, "Send attempts");
        def.define(RETRY_BACKOFF_INITIAL_MS, Type.LONG, 1_000L, Range.between(1L, 600_000L), Importance.LOW,
                "Wait before the second attempt; it doubles each attempt (with jitter) up to the max. A Retry-After from "
                        + "the platform takes precedence.",
                GROUP_DELIVERY, ++order, Width.SHORT, "Retry backoff (initial)");
        def.define(RETRY_BACKOFF_MAX_MS, Type.LONG, 60_000L, Range.between(1L, 3_600_000L), Importance.LOW,
                "Longest wait between attempts.", GROUP_DELIVERY, ++order, Width.SHORT, "Retry backoff (max)");
        def.define(CHECK_DELIVERED, Type.BOOLEAN, true, Importance.MEDIUM,
                "Before the first sends to a destination after a (re)start or rebalance, and after a send whose outcome "
                        + "is unknown, compare the records with the account's own recent messages there and skip those the "
                        + "platform already has, so a crash does not post them twice.",
                GROUP_DELIVERY, ++order, Width.SHORT, "Check delivered");

        defineConnection(def);
        def.defineInternal(TASK_ID, Type.INT, 0, Importance.LOW);
        def.defineInternal(TASK_COUNT, Type.INT, 1, Importance.LOW);

        for (ChatPlatform platform : Platforms.all()) {
            platform.defineSinkConfig(def);
        }
        return def;
    }

    public List<String> allowedChannels() {
        return getList(ALLOWED_CHANNELS);
    }

    public List<String> allowedUsers() {
        return getList(ALLOWED_USERS);
    }

    public boolean allowAll() {
        return getBoolean(ALLOW_ALL);
    }

    public LengthPolicy lengthPolicy() {
        return LengthPolicy.valueOf(getString(LENGTH_POLICY).trim().toUpperCase(Locale.ROOT));
    }

    public int splitMaxParts() {
        return getInt(SPLIT_MAX_PARTS);
    }

    public int maxBufferedRecords() {
        return getInt(MAX_BUFFERED_RECORDS);
    }

    public int retryMaxAttempts() {
        return getInt(RETRY_MAX_ATTEMPTS);
    }

    public Duration retryBackoffInitial() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_INITIAL_MS));
    }

    public Duration retryBackoffMax() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS));
    }

    public boolean checkDelivered() {
        return getBoolean(CHECK_DELIVERED);
    }

    public int taskId() {
        return getInt(TASK_ID);
    }

    public int taskCount() {
        return getInt(TASK_COUNT);
    }
}
