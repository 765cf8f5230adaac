package dev.chatconnect.connector.mixer;

import dev.chatconnect.connector.config.Validators;
import dev.chatconnect.connector.platform.ChatPlatform;
import dev.chatconnect.connector.platform.PlatformSink;
import dev.chatconnect.connector.platform.PlatformSource;
import dev.chatconnect.connector.platform.SinkContext;
import dev.chatconnect.connector.platform.SourceContext;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** Mixer chat: one WebSocket per channel, authenticated with a fresh authkey from REST on every connect. */
public final class MixerPlatform implements ChatPlatform {
    public static final String NAME = "mixer";
    public static final String GROUP = "Mixer";

    public static final String API_URL = "mixer.api.url";
    public static final String CLIENT_ID = "mixer.client.id";
    public static final String OAUTH_TOKEN = "mixer.oauth.token";
    public static final String WELCOME_TIMEOUT_MS = "mixer.welcome.timeout.ms";
    public static final String REPLY_TIMEOUT_MS = "mixer.reply.timeout.ms";
    public static final String RESUME_TRACKED_IDS = "mixer.resume.tracked.ids";
    public static final String BACKFILL_ON_FIRST_CONNECT = "mixer.backfill.on.first.connect";
    public static final String CHATS_REQUESTS_PER_MINUTE = "mixer.chats.requests.per.minute";

    /**
     * The window of the /chats budget: Mixer's minute plus slack, because a burst of calls reaches the server a little
     * after our clock let them go, and the server's window starts from its own clock.
     */
    static final java.time.Duration CHATS_WINDOW = java.time.Duration.ofSeconds(62);

    /** The most messages Mixer's {@code history} method returns. */
    static final int HISTORY_LIMIT = 100;

    @Override
    public String name() {
        return NAME;
    }

    public static final String SINK_MESSAGES_PER_WINDOW = "mixer.sink.messages.per.window";
    public static final String SINK_RATE_WINDOW_MS = "mixer.sink.rate.window.ms";
    public static final String SINK_MAX_MESSAGE_LENGTH = "mixer.sink.max.message.length";

    @Override
    public void defineSourceConfig(ConfigDef def) {
        int order = defineConnection(def);
        def.define(RESUME_TRACKED_IDS, Type.INT, HISTORY_LIMIT, Range.between(HISTORY_LIMIT, 10_000), Importance.LOW,
                "How many recent message ids each channel's offset keeps. Mixer message ids carry no order, so after a "
                        + "reconnect or restart the last " + HISTORY_LIMIT + " messages from history are compared with these "
                        + "ids; fewer than " + HISTORY_LIMIT + " would let replayed messages through twice.",
                GROUP, ++order, Width.SHORT, "Resume tracked ids");
        def.define(BACKFILL_ON_FIRST_CONNECT, Type.BOOLEAN, true, Importance.LOW,
                "When a channel has no stored offset yet, emit the messages its history holds (up to " + HISTORY_LIMIT
                        + ") before the live ones. Off: start with live messages only.",
                GROUP, ++order, Width.SHORT, "Backfill on first connect");
    }

    @Override
    public void defineSinkConfig(ConfigDef def) {
        int order = defineConnection(def);
        def.define(SINK_MESSAGES_PER_WINDOW, Type.INT, 20, Range.between(1, 100_000), Importance.MEDIUM,
                "Messages (msg and whisper) the sink sends per channel in any rolling window of "
                        + SINK_RATE_WINDOW_MS + ". Mixer never documented its chat rate limit (code 4005 is the answer when "
                        + "it is exceeded, and is retried); set this to what the bot's channels allow (slow chat).",
                GROUP, ++order, Width.SHORT, "Messages per window");
        def.define(SINK_RATE_WINDOW_MS, Type.LONG, 10_000L, Range.between(1L, 3_600_000L), Importance.MEDIUM,
                "The rolling window of " + SINK_MESSAGES_PER_WINDOW + ".", GROUP, ++order, Width.SHORT, "Rate window");
        def.define(SINK_MAX_MESSAGE_LENGTH, Type.INT, 360, Range.between(1, 10_000), Importance.LOW,
                "Longest message Mixer accepts, in characters (360 per the community clients).",
                GROUP, ++order, Width.SHORT, "Max message length");
    }

    /** The settings both connectors use to reach Mixer; returns the last order number used in the group. */
    private static int defineConnection(ConfigDef def) {
        int order = 0;
        def.define(API_URL, Type.STRING, "https://mixer.com/api/v1", Validators.url("http", "https"), Importance.HIGH,
                "Base URL of Mixer's REST API (v1). Chat endpoints and authkeys come from GET {url}/chats/{channelId}.",
                GROUP, ++order, Width.LONG, "API URL");
        def.define(CLIENT_ID, Type.STRING, "", Importance.MEDIUM,
                "OAuth client id, sent as the Client-ID header on REST calls and as a query parameter on chat sockets.",
                GROUP, ++order, Width.MEDIUM, "Client ID");
        def.define(OAUTH_TOKEN, Type.PASSWORD, null, Importance.HIGH,
                "OAuth bearer token of the bot account (scope chat:connect). Without it the connector joins anonymously "
                        + "and sees what an anonymous viewer sees (no whispers, no join/leave of others is guaranteed).",
                GROUP, ++order, Width.MEDIUM, "OAuth token");
        def.define(WELCOME_TIMEOUT_MS, Type.LONG, 5_000L, Range.between(100L, 120_000L), Importance.LOW,
                "A chat socket that has not sent its WelcomeEvent within this time counts as a failed connect.",
                GROUP, ++order, Width.SHORT, "WelcomeEvent timeout");
        def.define(REPLY_TIMEOUT_MS, Type.LONG, 20_000L, Range.between(100L, 600_000L), Importance.LOW,
                "How long to wait for the reply to a method call (auth, history, msg) before reconnecting.",
                GROUP, ++order, Width.SHORT, "Reply timeout");
        def.define(CHATS_REQUESTS_PER_MINUTE, Type.INT, 500, Range.between(1, 1_000_000), Importance.LOW,
                "GET /chats/{id} calls (one per socket connect) per rolling minute, split evenly among the connector's "
                        + "tasks. Mixer's chats bucket allows 500 per 60 s: thousands of channels connect at that pace "
                        + "instead of meeting 429s.",
                GROUP, ++order, Width.SHORT, "Chats requests per minute");
        return order;
    }

    @Override
    public String checkChannel(String channel) {
        return channel.isBlank() ? "has an empty Mixer channel (use the numeric channel id or the channel name)" : null;
    }

    @Override
    public String checkOffset(Map<String, ?> partition, Map<String, ?> offset) {
        if (!(partition.get(dev.chatconnect.connector.platform.ChannelRef.PARTITION_CHANNEL) instanceof String) || partition.size() != 2) {
            return "needs a partition {\"platform\": \"mixer\", \"channel\": \"<channel id>\"}";
        }
        return offset == null ? null : SeenMessageIds.checkOffset(offset);
    }

    @Override
    public PlatformSource openSource(SourceContext context) {
        return new MixerSource(context, new MixerSettings(context.config()));
    }

    @Override
    public String checkUser(String user) {
        return user.isBlank() || user.contains(" ") ? "is not a Mixer username" : null;
    }

    @Override
    public void validateSink(Map<String, Object> parsed, int maxTasks, Map<String, ConfigValue> results) {
        Password token = (Password) parsed.get(OAUTH_TOKEN);
        if (token == null || token.value() == null || token.value().isBlank()) {
            results.get(OAUTH_TOKEN).addErrorMessage("is required to send to Mixer (scopes chat:connect, chat:chat, chat:whisper)");
        }
    }

    @Override
    public PlatformSink openSink(SinkContext context) {
        return new MixerSink(context, new MixerSinkSettings(context.config()));
    }
}
