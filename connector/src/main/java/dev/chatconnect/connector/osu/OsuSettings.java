package dev.chatconnect.connector.osu;

import dev.chatconnect.connector.config.ChatSourceConfig;
import java.time.Duration;
import org.apache.kafka.common.config.types.Password;

/** osu! settings, read once; secrets stay {@link Password}s until they go on the wire. */
record OsuSettings(
        String apiUrl,
        String tokenUrl,
        String notificationUrl,
        String clientId,
        Password clientSecret,
        Password refreshToken,
        boolean privateMessages,
        Duration ackInterval,
        int requestsPerMinute,
        String stateTopic,
        Duration readyTimeout,
        Duration connectTimeout,
        Duration backoffInitial,
        Duration backoffMax) {

    OsuSettings(ChatSourceConfig config) {
        this(strip(config.getString(OsuPlatform.API_URL)),
                tokenUrl(config.getString(OsuPlatform.TOKEN_URL), strip(config.getString(OsuPlatform.API_URL))),
                config.getString(OsuPlatform.NOTIFICATION_URL),
                config.getString(OsuPlatform.CLIENT_ID),
                config.getPassword(OsuPlatform.CLIENT_SECRET),
                config.getPassword(OsuPlatform.REFRESH_TOKEN),
                config.getBoolean(OsuPlatform.PRIVATE_MESSAGES),
                Duration.ofMillis(config.getLong(OsuPlatform.ACK_INTERVAL_MS)),
                config.getInt(OsuPlatform.REQUESTS_PER_MINUTE),
                config.getString(OsuPlatform.STATE_TOPIC),
                Duration.ofMillis(config.getLong(OsuPlatform.READY_TIMEOUT_MS)),
                config.connectTimeout(),
                config.reconnectBackoffInitial(),
                config.reconnectBackoffMax());
    }

    static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String tokenUrl(String configured, String apiUrl) {
        if (!configured.isBlank()) {
            return configured;
        }
        String base = apiUrl.endsWith("/api/v2") ? apiUrl.substring(0, apiUrl.length() - "/api/v2".length()) : apiUrl;
        return base + "/oauth/token";
    }
}
