package dev.chatconnect.connector.osu;

import dev.chatconnect.connector.config.ChatSinkConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.types.Password;

/** The sink's osu! settings, read once; budgets are already this task's share. */
record OsuSinkSettings(
        String apiUrl,
        String tokenUrl,
        String clientId,
        Password clientSecret,
        long botUserId,
        int requestsPerMinute,
        int messagesPerWindow,
        Duration rateWindow,
        Duration connectTimeout,
        Password userRefreshToken,
        String tokenTopic,
        Map<String, Object> tokenTopicClient) {

    OsuSinkSettings(ChatSinkConfig config) {
        this(OsuSettings.strip(config.getString(OsuPlatform.API_URL)),
                OsuSettings.tokenUrl(config.getString(OsuPlatform.TOKEN_URL), OsuSettings.strip(config.getString(OsuPlatform.API_URL))),
                config.getString(OsuPlatform.CLIENT_ID),
                config.getPassword(OsuPlatform.CLIENT_SECRET),
                config.getLong(OsuPlatform.SINK_USER_ID),
                share(config.getInt(OsuPlatform.REQUESTS_PER_MINUTE), config.taskCount()),
                share(messagesPerWindow(config), config.taskCount()),
                Duration.ofMillis(rateWindowMs(config)),
                config.connectTimeout(),
                blankToNull(config.getPassword(OsuPlatform.SINK_REFRESH_TOKEN)),
                config.getString(OsuPlatform.SINK_TOKEN_TOPIC),
                tokenTopicClient(config));
    }

    /** True when the sink sends as a user (refresh token) rather than as the client's bot owner. */
    boolean sendsAsUser() {
        return userRefreshToken != null;
    }

    /** Unless set explicitly, a user account gets osu!'s personal-account budget, a bot the bot budget. */
    private static int messagesPerWindow(ChatSinkConfig config) {
        return userMode(config) && !config.originals().containsKey(OsuPlatform.SINK_MESSAGES_PER_WINDOW)
                ? OsuPlatform.USER_MESSAGES_PER_WINDOW : config.getInt(OsuPlatform.SINK_MESSAGES_PER_WINDOW);
    }

    private static long rateWindowMs(ChatSinkConfig config) {
        return userMode(config) && !config.originals().containsKey(OsuPlatform.SINK_RATE_WINDOW_MS)
                ? OsuPlatform.USER_RATE_WINDOW_MS : config.getLong(OsuPlatform.SINK_RATE_WINDOW_MS);
    }

    private static boolean userMode(ChatSinkConfig config) {
        return blankToNull(config.getPassword(OsuPlatform.SINK_REFRESH_TOKEN)) != null;
    }

    private static Password blankToNull(Password password) {
        return password == null || password.value() == null || password.value().isBlank() ? null : password;
    }

    private static Map<String, Object> tokenTopicClient(ChatSinkConfig config) {
        Map<String, Object> props = new HashMap<>(config.originalsWithPrefix(OsuPlatform.SINK_TOKEN_CLIENT_PREFIX));
        props.put("bootstrap.servers", config.getString(OsuPlatform.SINK_TOKEN_BOOTSTRAP));
        props.putIfAbsent("client.id", "chatconnect-osu-sink-tokens-" + config.getString(OsuPlatform.CLIENT_ID));
        return props;
    }

    /** Keeps the secrets out of toString(), which records print in full. */
    @Override
    public String toString() {
        return "OsuSinkSettings[api=" + apiUrl + ", client=" + clientId + ", user mode=" + sendsAsUser() + "]";
    }

    /** The account's budget is one for all tasks: each gets an even share (at least one). */
    private static int share(int budget, int tasks) {
        return Math.max(1, budget / Math.max(1, tasks));
    }
}
