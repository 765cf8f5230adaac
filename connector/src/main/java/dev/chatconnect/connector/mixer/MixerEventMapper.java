package dev.chatconnect.connector.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.connector.schema.ChatEventBuilder;
import dev.chatconnect.connector.schema.EventType;
import dev.chatconnect.connector.util.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;

/**
 * Maps Mixer chat events (§5 of the reference) onto {@code ChatEvent}. Tolerant by design: missing or null fields stay
 * null, unknown part types and unknown events are kept whole in {@code raw}.
 */
final class MixerEventMapper {
    private static final Map<String, EventType> TYPES = Map.ofEntries(
            Map.entry("ChatMessage", EventType.MESSAGE),
            Map.entry("UserJoin", EventType.USER_JOIN),
            Map.entry("UserLeave", EventType.USER_LEAVE),
            Map.entry("DeleteMessage", EventType.MESSAGE_DELETED),
            Map.entry("PurgeMessage", EventType.USER_PURGED),
            Map.entry("ClearMessages", EventType.MESSAGES_CLEARED),
            Map.entry("PollStart", EventType.POLL_START),
            Map.entry("PollEnd", EventType.POLL_END),
            Map.entry("UserUpdate", EventType.USER_UPDATE),
            Map.entry("UserTimeout", EventType.USER_TIMEOUT),
            Map.entry("SkillAttribution", EventType.SKILL_ATTRIBUTION),
            Map.entry("DeleteSkillAttribution", EventType.SKILL_ATTRIBUTION_DELETED));

    private final String channelId;

    MixerEventMapper(String channelId) {
        this.channelId = channelId;
    }

    static boolean isKnown(String event) {
        return TYPES.containsKey(event);
    }

    /** An event packet ({@code {"type":"event","event":..,"data":..}}). */
    Struct event(JsonNode packet, String raw, long receivedAt) {
        String name = Json.text(packet, "event");
        EventType type = name == null ? EventType.UNKNOWN : TYPES.getOrDefault(name, EventType.UNKNOWN);
        JsonNode data = packet.path("data");
        ChatEventBuilder event = builder(type, raw, receivedAt);
        switch (type) {
            case MESSAGE -> message(event, data);
            case SKILL_ATTRIBUTION -> message(event, data);
            case USER_JOIN, USER_LEAVE -> event.user(ChatEventBuilder.user(Json.text(data, "id"), Json.text(data, "username"),
                    Json.strings(data, "roles"), null));
            case MESSAGE_DELETED -> event.moderation(moderation(data.get("moderator"))
                    .put("deleted_message_id", Json.text(data, "id")));
            case USER_PURGED -> event.moderation(moderation(data.get("moderator"))
                    .put("purged_user_id", Json.text(data, "user_id"))
                    .put("cause", Json.text(data.path("cause"), "type"))
                    .put("cause_duration", Json.text(data.path("cause"), "durationString")));
            case MESSAGES_CLEARED -> event.moderation(moderation(data.get("clearer")));
            case POLL_START, POLL_END -> poll(event, data);
            case USER_UPDATE -> event.user(ChatEventBuilder.user(Json.text(data, "user"), Json.text(data, "username"),
                    Json.strings(data, "roles"), null));
            case USER_TIMEOUT -> event.user(user(data.get("user")))
                    .moderation(ChatEventBuilder.moderation().put("duration_ms", Json.longValue(data, "duration")));
            case SKILL_ATTRIBUTION_DELETED -> event.eventId(Json.text(data, "execution_id"))
                    .moderation(moderation(data.get("moderator")));
            default -> {
            }
        }
        return event.build();
    }

    /** A history item: the same shape as a ChatMessage event's data. */
    Struct historyMessage(JsonNode data, long receivedAt) {
        ChatEventBuilder event = builder(EventType.MESSAGE, "{\"type\":\"event\",\"event\":\"ChatMessage\",\"data\":" + data + "}", receivedAt);
        message(event, data);
        return event.build();
    }

    /** A frame that is not a packet at all; kept verbatim. */
    Struct malformed(String raw, long receivedAt) {
        return builder(EventType.MALFORMED, raw, receivedAt).build();
    }

    /** A well-formed frame that is neither a known event nor a reply. */
    Struct unknown(String raw, long receivedAt) {
        return builder(EventType.UNKNOWN, raw, receivedAt).build();
    }

    private ChatEventBuilder builder(EventType type, String raw, long receivedAt) {
        return new ChatEventBuilder(MixerPlatform.NAME, channelId, type, raw, receivedAt);
    }

    private static void message(ChatEventBuilder event, JsonNode data) {
        event.eventId(Json.text(data, "id"))
                .user(ChatEventBuilder.user(Json.text(data, "user_id"), Json.text(data, "user_name"),
                        Json.strings(data, "user_roles"), Json.intValue(data, "user_level")))
                .whisperTarget(Json.text(data, "target"));
        JsonNode message = data.path("message");
        JsonNode meta = message.path("meta");
        event.action(Json.flag(meta, "me")).whisper(Json.flag(meta, "whisper")).censored(Json.flag(meta, "censored"));
        StringBuilder text = new StringBuilder();
        JsonNode parts = message.path("message");
        if (parts.isArray()) {
            for (JsonNode part : parts) {
                Struct mapped = part(part);
                event.part(mapped);
                if (mapped.getString("text") != null) {
                    text.append(mapped.getString("text"));
                }
            }
        } else if (parts.isTextual()) {
            // Widget messages (user_id -1) have carried a plain string here.
            event.part(ChatEventBuilder.part("text").put("text", parts.asText()));
            text.append(parts.asText());
        }
        event.text(text.toString());
    }

    private static Struct part(JsonNode part) {
        String type = Json.text(part, "type");
        Struct out = ChatEventBuilder.part(type == null ? "unknown" : type).put("text", Json.text(part, "text"));
        switch (type == null ? "" : type) {
            case "text" -> {
                if (out.getString("text") == null) {
                    out.put("text", Json.text(part, "data"));
                }
            }
            case "link", "image" -> out.put("url", Json.text(part, "url"));
            case "tag" -> out.put("username", Json.text(part, "username")).put("user_id", Json.text(part, "id"));
            case "emoticon" -> {
                JsonNode coords = part.path("coords");
                out.put("emoticon", ChatEventBuilder.emoticon(Json.text(part, "source"), Json.text(part, "pack"),
                        Json.intValue(coords, "x"), Json.intValue(coords, "y"), Json.intValue(coords, "width"),
                        Json.intValue(coords, "height"), Json.stringMap(part, "alt")));
            }
            default -> out.put("raw", part.toString());
        }
        return out;
    }

    private static Struct user(JsonNode user) {
        if (user == null || !user.isObject()) {
            return null;
        }
        return ChatEventBuilder.user(Json.text(user, "user_id"), Json.text(user, "user_name"),
                Json.strings(user, "user_roles"), Json.intValue(user, "user_level"));
    }

    private static Struct moderation(JsonNode moderator) {
        return ChatEventBuilder.moderation().put("moderator", user(moderator));
    }

    private static void poll(ChatEventBuilder event, JsonNode data) {
        Map<String, Long> responses = new LinkedHashMap<>();
        data.path("responses").fields().forEachRemaining(e -> responses.put(e.getKey(), e.getValue().asLong()));
        Long endsAt = Json.longValue(data, "endsAt");
        List<String> answers = Json.strings(data, "answers");
        event.user(user(data.get("author")))
                .poll(ChatEventBuilder.poll()
                        .put("question", Json.text(data, "q"))
                        .put("answers", answers)
                        .put("responses", responses)
                        .put("voters", Json.longValue(data, "voters"))
                        .put("duration_ms", Json.longValue(data, "duration"))
                        .put("ends_at", endsAt == null ? null : new java.util.Date(endsAt)));
    }
}
