package dev.chatconnect.connector.osu;

import dev.chatconnect.connector.config.Validators;
import dev.chatconnect.connector.platform.ChannelRef;
import dev.chatconnect.connector.platform.ChatPlatform;
import dev.chatconnect.connector.platform.PlatformSink;
import dev.chatconnect.connector.platform.PlatformSource;
import dev.chatconnect.connector.platform.SinkContext;
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

    public static final String SINK_MESSAGES_PER_WINDOW = "osu.sink.messages.per.window";
    public static final String SINK_RATE_WINDOW_MS = "osu.sink.rate.window.ms";
    public static final String SINK_USER_ID = "osu.sink.user.id";
    public static final String SINK_REFRESH_TOKEN = "osu.sink.refresh.token";
    public static final String SINK_TOKEN_TOPIC = "osu.sink.token.topic";
    public static final String SINK_TOKEN_BOOTSTRAP = "osu.sink.token.bootstrap.servers";
    /** Further client settings of the token topic (security, ...): {@code osu.sink.token.kafka.<client setting>}. */
    public static final String SINK_TOKEN_CLIENT_PREFIX = "osu.sink.token.kafka.";
    /** osu!'s policy for personal accounts, the default when the sink sends as a user. */
    static final int USER_MESSAGES_PER_WINDOW = 10;
    static final long USER_RATE_WINDOW_MS = 5_000;
    /** What a client-credentials token of a bot account asks for: sending and joining, on the owner's behalf. */
    static final String SINK_SCOPES = "delegate chat.write chat.write_manage";

    @Override
    public void defineSourceConfig(ConfigDef def) {
        int order = defineConnection(def);
        def.define(NOTIFICATION_URL, Type.STRING, "wss://notify.ppy.sh", Validators.url("ws", "wss"), Importance.HIGH,
                "The notification WebSocket (the API's own lookup of it is reserved to the game client).",
                GROUP, ++order, Width.LONG, "Notification URL");
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
        def.define(STATE_TOPIC, Type.STRING, "chatconnect.osu.state", Validators.topicTemplate(), Importance.LOW,
                "Topic of the small state records through which the rotated refresh token (sealed) reaches Connect's offsets. "
                        + "Records hold no secret; compaction can be enabled.",
                GROUP, ++order, Width.MEDIUM, "State topic");
        def.define(READY_TIMEOUT_MS, Type.LONG, 10_000L, Range.between(100L, 120_000L), Importance.LOW,
                "A notification socket that has not sent connection.ready within this time counts as a failed connect.",
                GROUP, ++order, Width.SHORT, "Ready timeout");
    }

    @Override
    public void defineSinkConfig(ConfigDef def) {
        int order = defineConnection(def);
        def.define(SINK_MESSAGES_PER_WINDOW, Type.INT, 300, Range.between(1, 100_000), Importance.MEDIUM,
                "Messages the account may send per rolling " + SINK_RATE_WINDOW_MS + ", counted separately for private "
                        + "messages and for channels, as osu! counts them. osu!'s policy: 300 per 60 s for bot accounts "
                        + "(the default), 10 per 5 s for personal accounts (the default when " + SINK_REFRESH_TOKEN
                        + " is set). Split evenly among the tasks.",
                GROUP, ++order, Width.SHORT, "Messages per window");
        def.define(SINK_RATE_WINDOW_MS, Type.LONG, 60_000L, Range.between(1L, 3_600_000L), Importance.MEDIUM,
                "The rolling window of " + SINK_MESSAGES_PER_WINDOW + ".", GROUP, ++order, Width.SHORT, "Rate window");
        def.define(SINK_USER_ID, Type.LONG, 0L, Range.atLeast(0L), Importance.MEDIUM,
                "User id of the bot account. Needed only to post in PUBLIC channels, which the bot must join first "
                        + "(PUT /chat/channels/{channel}/users/{user}); the client-credentials token does not say who it is.",
                GROUP, ++order, Width.SHORT, "Bot user id");
        def.define(SINK_REFRESH_TOKEN, Type.PASSWORD, null, Importance.MEDIUM,
                "Send as a user instead of as the client's bot owner: refresh token of an authorization-code grant with "
                        + "scopes chat.read chat.write chat.write_manage. chat.read lets the sink check channel history for "
                        + "messages already sent before a crash. osu! rotates refresh tokens, so the newest is kept, sealed, in "
                        + SINK_TOKEN_TOPIC + ", and only one task may hold it (tasks.max=1). Use a separate authorization "
                        + "from the source's: each rotating token has one holder.",
                GROUP, ++order, Width.LONG, "User refresh token");
        def.define(SINK_TOKEN_TOPIC, Type.STRING, "chatconnect.osu.sink.tokens", Validators.topicTemplate(), Importance.LOW,
                "Compacted topic (created if missing) that keeps the user's newest refresh token, sealed with a key derived "
                        + "from the client secret.",
                GROUP, ++order, Width.MEDIUM, "Token topic");
        def.define(SINK_TOKEN_BOOTSTRAP, Type.STRING, "", Importance.MEDIUM,
                "Kafka bootstrap servers for " + SINK_TOKEN_TOPIC + " (a sink task has no access to the worker's own "
                        + "clients). Further client settings, e.g. security, go in " + SINK_TOKEN_CLIENT_PREFIX + "*.",
                GROUP, ++order, Width.LONG, "Token topic bootstrap servers");
    }

    /** The settings both connectors use to reach osu!; returns the last order number used in the group. */
    private static int defineConnection(ConfigDef def) {
        int order = 0;
        def.define(API_URL, Type.STRING, "https://osu.ppy.sh/api/v2", Validators.url("http", "https"), Importance.HIGH,
                "Base URL of the osu! API v2.", GROUP, ++order, Width.LONG, "API URL");
        def.define(TOKEN_URL, Type.STRING, "", Importance.LOW,
                "OAuth token endpoint; empty means {API URL without /api/v2}/oauth/token.", GROUP, ++order, Width.LONG, "Token URL");
        def.define(CLIENT_ID, Type.STRING, "", Importance.HIGH,
                "OAuth client id of the application. The source reads as the user who authorized it; the sink sends as "
                        + "the application's owner (a bot account), with a client-credentials token.",
                GROUP, ++order, Width.MEDIUM, "Client ID");
        def.define(CLIENT_SECRET, Type.PASSWORD, null, Importance.HIGH,
                "OAuth client secret. Also the key (through HMAC-SHA256) that seals the rotated refresh token in Connect's offsets.",
                GROUP, ++order, Width.MEDIUM, "Client secret");
        def.define(REQUESTS_PER_MINUTE, Type.INT, 60, Range.between(1, 60_000), Importance.LOW,
                "REST request budget of the account per rolling minute (the API docs ask for 60; osu! enforces 1200), "
                        + "sends included; 429 answers pause it further. The sink splits it evenly among its tasks.",
                GROUP, ++order, Width.SHORT, "Request budget");
        return order;
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
            if (offset == null) {
                return null;
            }
            if (!(offset.get(OsuAccountState.SEALED_REFRESH_TOKEN) instanceof String)) {
                return "the account state holds \"" + OsuAccountState.SEALED_REFRESH_TOKEN + "\" (a sealed token)";
            }
            Object known = offset.get(OsuAccountState.KNOWN_PRIVATE_CHANNELS);
            return known == null || (known instanceof String ids && ids.matches("[0-9]*(,[0-9]+)*")) ? null
                    : "\"" + OsuAccountState.KNOWN_PRIVATE_CHANNELS + "\" is a comma-separated list of channel ids";
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

    @Override
    public String checkUser(String user) {
        return user.chars().allMatch(Character::isDigit) && !user.isEmpty() ? null
                : "is not an osu! user id (private messages go to a numeric user id, e.g. osu:42)";
    }

    @Override
    public void validateSink(Map<String, Object> parsed, int maxTasks, Map<String, ConfigValue> results) {
        if (((String) parsed.get(CLIENT_ID)).isBlank()) {
            results.get(CLIENT_ID).addErrorMessage("is required to send to osu!");
        }
        Password secret = (Password) parsed.get(CLIENT_SECRET);
        if (secret == null || secret.value() == null || secret.value().isBlank()) {
            results.get(CLIENT_SECRET).addErrorMessage("is required to send to osu!");
        }
        Password userToken = (Password) parsed.get(SINK_REFRESH_TOKEN);
        if (userToken != null && userToken.value() != null && !userToken.value().isBlank()
                && ((String) parsed.get(SINK_TOKEN_BOOTSTRAP)).isBlank()) {
            results.get(SINK_TOKEN_BOOTSTRAP).addErrorMessage("is required with " + SINK_REFRESH_TOKEN
                    + ": the rotated refresh token must be stored where the next task finds it");
        }
        if (userToken != null && userToken.value() != null && !userToken.value().isBlank() && maxTasks > 1) {
            results.get(SINK_REFRESH_TOKEN).addErrorMessage("needs tasks.max=1: osu! rotates the token on every refresh, "
                    + "so only one task can hold it");
        }
    }


    @Override
    public PlatformSink openSink(SinkContext context) {
        return new OsuSink(context, new OsuSinkSettings(context.config()));
    }
}
