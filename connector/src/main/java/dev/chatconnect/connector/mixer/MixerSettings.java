package dev.chatconnect.connector.mixer;

import dev.chatconnect.connector.config.ChatSourceTaskConfig;
import java.time.Duration;
import org.apache.kafka.common.config.types.Password;

/** Mixer's settings, read once from the task config. The token stays a {@link Password} until it goes on the wire. */
record MixerSettings(
        String apiUrl,
        String clientId,
        Password token,
        Duration welcomeTimeout,
        Duration replyTimeout,
        int trackedIds,
        boolean backfillOnFirstConnect,
        Duration connectTimeout,
        Duration keepaliveIdle,
        Duration keepaliveTimeout,
        Duration backoffInitial,
        Duration backoffMax,
        int chatsPerMinute) {

    MixerSettings(ChatSourceTaskConfig config) {
        this(stripSlash(config.getString(MixerPlatform.API_URL)),
                config.getString(MixerPlatform.CLIENT_ID),
                config.getPassword(MixerPlatform.OAUTH_TOKEN),
                Duration.ofMillis(config.getLong(MixerPlatform.WELCOME_TIMEOUT_MS)),
                Duration.ofMillis(config.getLong(MixerPlatform.REPLY_TIMEOUT_MS)),
                config.getInt(MixerPlatform.RESUME_TRACKED_IDS),
                config.getBoolean(MixerPlatform.BACKFILL_ON_FIRST_CONNECT),
                config.connectTimeout(),
                config.keepaliveIdle(),
                config.keepaliveTimeout(),
                config.reconnectBackoffInitial(),
                config.reconnectBackoffMax(),
                Math.max(1, config.getInt(MixerPlatform.CHATS_REQUESTS_PER_MINUTE) / Math.max(1, config.taskCount())));
    }

    boolean authenticated() {
        return token != null && token.value() != null && !token.value().isBlank();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
