package dev.chatconnect.connector.osu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.connector.schema.ChatEventBuilder;
import dev.chatconnect.connector.schema.EventType;
import dev.chatconnect.connector.util.Json;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.kafka.connect.data.Struct;

/** Maps osu! chat messages and channel events (§3.3, §5 of the reference) onto {@code ChatEvent}. */
final class OsuEventMapper {

    /** A channel's identity as far as it is known (name and type come from join responses and GET /chat/channels/{id}). */
    record ChannelInfo(long id, String name, String type) {
    }

    /**
     * One message. {@code sender} is the websocket event's {@code users[]} entry for {@code sender_id} or the REST
     * message's own {@code sender}; either may be missing.
     */
    Struct message(ChannelInfo channel, JsonNode message, JsonNode sender, String raw, long receivedAt) {
        String content = Json.text(message, "content");
        ChatEventBuilder event = builder(channel, EventType.MESSAGE, raw, receivedAt)
                .eventId(Json.text(message, "message_id"))
                .platformTimestamp(timestamp(Json.text(message, "timestamp")))
                .user(user(sender, Json.text(message, "sender_id")))
                .text(content)
                .action(Json.flag(message, "is_action"));
        if (content != null) {
            event.part(ChatEventBuilder.part("text").put("text", content));
        }
        return event.build();
    }

    Struct channelEvent(ChannelInfo channel, EventType type, String raw, long receivedAt) {
        return builder(channel, type, raw, receivedAt).build();
    }

    Struct unknown(ChannelInfo channel, String raw, long receivedAt) {
        return builder(channel, EventType.UNKNOWN, raw, receivedAt).build();
    }

    Struct malformed(ChannelInfo channel, String raw, long receivedAt) {
        return builder(channel, EventType.MALFORMED, raw, receivedAt).build();
    }

    private static ChatEventBuilder builder(ChannelInfo channel, EventType type, String raw, long receivedAt) {
        return new ChatEventBuilder(OsuPlatform.NAME, channel.id() < 0 ? "account" : Long.toString(channel.id()), type, raw, receivedAt)
                .channelName(channel.name())
                .channelType(channel.type());
    }

    private static Struct user(JsonNode sender, String senderId) {
        if (sender == null || sender.isNull() || sender.isMissingNode()) {
            return senderId == null ? null : ChatEventBuilder.user(senderId, null, List.of(), null);
        }
        String group = Json.text(sender, "default_group");
        return ChatEventBuilder.user(Json.text(sender, "id"), Json.text(sender, "username"),
                group == null ? List.of() : List.of(group), null);
    }

    /** osu! writes message times with 'Z' and other times with '+00:00'; both parse here. */
    static Long timestamp(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
