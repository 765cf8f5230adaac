package dev.chatconnect.connector.mixer;

import dev.chatconnect.connector.config.ChatSinkConfig;
import java.time.Duration;
import org.apache.kafka.common.config.types.Password;

/** The sink's Mixer settings, read once; the token stays a {@link Password} until it goes on the wire. */
record MixerSinkSettings(
        String apiUrl,
        String clientId,
        Password token,
        Duration welcomeTimeout,
        Duration replyTimeout,
        Duration connectTimeout,
        Duration keepaliveIdle,
        Duration keepaliveTimeout,
        int messagesPerWindow,
        Duration rateWindow,
        int maxMessageLength,
        int chatsPerMinute) {

    MixerSinkSettings(ChatSinkConfig config) {
        this(config.getString(MixerPlatform.API_URL),
                config.getString(MixerPlatform.CLIENT_ID),
                config.getPassword(MixerPlatform.OAUTH_TOKEN),
                Duration.ofMillis(config.getLong(MixerPlatform.WELCOME_TIMEOUT_MS)),
                Duration.ofMillis(config.getLong(MixerPlatform.REPLY_TIMEOUT_MS)),
                config.connectTimeout(),
                config.keepaliveIdle(),
                config.keepaliveTimeout(),
                config.getInt(MixerPlatform.SINK_MESSAGES_PER_WINDOW),
                Duration.ofMillis(config.getLong(MixerPlatform.SINK_RATE_WINDOW_MS)),
                config.getInt(MixerPlatform.SINK_MAX_MESSAGE_LENGTH),
                Math.max(1, config.getInt(MixerPlatform.CHATS_REQUESTS_PER_MINUTE) / Math.max(1, config.taskCount())));
    }
}
