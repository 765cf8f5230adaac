package dev.chatconnect.connector.osu;

import dev.chatconnect.connector.config.Validators;
import dev.chatconnect.connector.platform.ChannelRef;
import dev.chatconnect.connector.platform.ChatPlatform;
import dev.chatconnect.connector.platform.PlatformSource;
import dev.chatconnect.connector.platform.SourceContext;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;

/** osu! chat: one notification socket per account, REST for joining, catch-up and keepalive. */
public final class OsuPlatform implements ChatPlatform {
    public static final String NAME = "osu";
    public static final String GROUP = "osu!";

    public static final String API_URL = "osu.api.url";
    public static final String TOKEN_URL = "osu.token.url";
    public static final String NOTIFICATION_URL = "osu.notification.url";
    public static final String CLIENT_ID = "osu.client.id";
    public static final String CLIENT_SECRET = "osu.client.secret";
    public static final String REFRESH_TOKEN = "osu.refresh.token";
    public static final String PRIVATE_MESSAGES = "osu.private.messages";
    public static final String ACK_INTERVAL_MS = "osu.ack.interval.ms";
    public static final String REQUESTS_PER_MINUTE = "osu.requests.per.minute";
    public static final String STATE_TOPIC = "osu.state.topic";
    public static final String READY_TIMEOUT_MS = "osu.ready.timeout.ms";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean channelsShareOneConnection() {
        return true;
    }

    @Override
    public void defineSourceConfig(ConfigDef def) {
        int order = 0;
        def.define(API_URL, Type.STRING, "https://osu.ppy.sh/api/v2", Validators.url("http", "https"), Importance.HIGH,
                "Base URL of the osu! API v2.", GROUP, ++order, Width.LONG, "API URL");
        def.define(TOKEN_URL, Type.STRING, "", Importance.LOW,
                "OAuth token endpoint; empty means {API URL without /api/v2}/oauth/token.", GROUP, ++order, Width.LONG, "Token URL");
        def.define(NOTIFICATION_URL, Type.STRING, "wss://notify.ppy.sh", Validators.url("ws", "wss"), Importance.HIGH,
                "The notification WebSocket (the API's own lookup of it is reserved to the game client).",
                GROUP, ++order, Width.LONG, "Notification URL");
        def.define(CLIENT_ID, Type.STRING, "", Importance.HIGH,
                "OAuth client id of the application the account authorized.", GROUP, ++order, Width.MEDIUM, "Client ID");
        def.define(CLIENT_SECRET, Type.PASSWORD, null, Importance.HIGH,
                "OAuth client secret. Also the key (through HMAC-SHA256) that seals the rotated refresh token in Connect's offsets.",
                GROUP, ++order, Width.MEDIUM, "Client secret");
        def.define(REFRESH_TOKEN, Type.PASSWORD, null, Importance.HIGH,
                "Refresh token from an authorization-code grant with scope chat.read (reading chat needs a user token; "
                        + "client-credentials tokens cannot read). osu! rotates refresh tokens: the connector keeps the newest one "
                        + "itself, sealed, in its offsets; set a new value here only after re-authorizing.",
                GROUP, ++order, Width.LONG, "Refresh token");
        def.define(PRIVATE_MESSAGES, Type.BOOLEAN, false, Importance.MEDIUM,
                "Also stream the account's private messages (each PM channel becomes a channel of its own).",
                GROUP, ++order, Width.SHORT, "Private messages");
        def.define(ACK_INTERVAL_MS, Type.LONG, 30_000L, Range.between(1_000L, 59_000L), Importance.LOW,
                "Interval of POST /chat/ack. osu! stops delivering PUBLIC channel messages to accounts silent for 60 s.",
                GROUP, ++order, Width.SHORT, "Keepalive interval");
        def.define(REQUESTS_PER_MINUTE, Type.INT, 60, Range.between(1, 1_200), Importance.LOW,
                "REST request budget of the account per rolling minute (the API docs ask for 60); 429 answers pause it further.",
                GROUP, ++order, Width.SHORT, "Request budget");
        def.define(STATE_TOPIC, Type.STRING, "chatconnect.osu.state", Validators.topicTemplate(), Importance.LOW,
                "Topic of the small state records through which the rotated refresh token (sealed) reaches Connect's offsets. "
                        + "Records hold no secret; compaction can be enabled.",
                GROUP, ++order, Width.MEDIUM, "State topic");
        def.define(READY_TIMEOUT_MS, Type.LONG, 10_000L, Range.between(100L, 120_000L), Importance.LOW,
                "A notification socket that has not sent connection.ready within this time counts as a failed connect.",
                GROUP, ++order, Width.SHORT, "Ready timeout");
    }

    @Override
    public String checkChannel(String channel) {
        if (channel.isBlank()) {
            return "has an empty osu! channel (use #name or the numeric channel id)";
        }
        return channel.startsWith("#") || channel.chars().allMatch(Character::isDigit) ? null
                : "is not an osu! channel: use #name (e.g. osu:#osu) or the numeric channel id";
    }

    @Override
    public void validate(Map<String, Object> parsed, List<ChannelRef> channels, Map<String, ConfigValue> results) {
        if (((String) parsed.get(CLIENT_ID)).isBlank()) {
            results.get(CLIENT_ID).addErrorMessage("is required for osu! channels");
        }
        for (String secret : List.of(CLIENT_SECRET, REFRESH_TOKEN)) {
            Password value = (Password) parsed.get(secret);
            if (value == null || value.value() == null || value.value().isBlank()) {
                results.get(secret).addErrorMessage("is required for osu! channels");
            }
        }
    }

    @Override
    public String checkOffset(Map<String, ?> partition, Map<String, ?> offset) {
        if (partition.containsKey(OsuAccountState.PARTITION_ACCOUNT)) {
            return offset == null || offset.get(OsuAccountState.SEALED_REFRESH_TOKEN) instanceof String ? null
                    : "the account state holds \"" + OsuAccountState.SEALED_REFRESH_TOKEN + "\" (a sealed token)";
        }
        if (!(partition.get(ChannelRef.PARTITION_CHANNEL) instanceof String)) {
            return "needs a partition {\"platform\": \"osu\", \"channel\": \"<channel id>\"}";
        }
        return offset == null ? null : OsuChannelCursor.checkOffset(offset);
    }

    @Override
    public PlatformSource openSource(SourceContext context) {
        return new OsuSource(context, new OsuSettings(context.config()));
    }
}
