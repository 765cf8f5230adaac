package dev.chatconnect.connector.schema;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;

/** Builds a {@link ChatEventSchema#EVENT} struct; platforms fill what they know and leave the rest to defaults. */
public final class ChatEventBuilder {
    private final Struct event = new Struct(ChatEventSchema.EVENT);
    private final Struct flags = new Struct(ChatEventSchema.FLAGS);
    private final List<Struct> parts = new ArrayList<>();

    public ChatEventBuilder(String platform, String channelId, EventType type, String raw, long receivedAtMillis) {
        event.put("platform", platform)
                .put("channel_id", channelId)
                .put("event_type", type.wireName())
                .put("received_at", new Date(receivedAtMillis))
                .put("raw", raw);
        flags.put("action", false).put("whisper", false).put("censored", false);
    }

    public ChatEventBuilder channelName(String name) {
        event.put("channel_name", name);
        return this;
    }

    public ChatEventBuilder channelType(String type) {
        event.put("channel_type", type);
        return this;
    }

    public ChatEventBuilder eventId(String id) {
        event.put("event_id", id);
        return this;
    }

    public ChatEventBuilder platformTimestamp(Long epochMillis) {
        event.put("platform_timestamp", epochMillis == null ? null : new Date(epochMillis));
        return this;
    }

    public ChatEventBuilder user(Struct user) {
        event.put("user", user);
        return this;
    }

    public ChatEventBuilder text(String text) {
        event.put("text", text);
        return this;
    }

    public ChatEventBuilder part(Struct part) {
        parts.add(part);
        return this;
    }

    public ChatEventBuilder action(boolean action) {
        flags.put("action", action);
        return this;
    }

    public ChatEventBuilder whisper(boolean whisper) {
        flags.put("whisper", whisper);
        return this;
    }

    public ChatEventBuilder censored(boolean censored) {
        flags.put("censored", censored);
        return this;
    }

    public ChatEventBuilder whisperTarget(String target) {
        event.put("whisper_target", target);
        return this;
    }

    public ChatEventBuilder moderation(Struct moderation) {
        event.put("moderation", moderation);
        return this;
    }

    public ChatEventBuilder poll(Struct poll) {
        event.put("poll", poll);
        return this;
    }

    public Struct build() {
        event.put("parts", parts).put("flags", flags);
        event.validate();
        return event;
    }

    public static Struct user(String id, String name, List<String> roles, Integer level) {
        return new Struct(ChatEventSchema.OPTIONAL_USER)
                .put("id", id).put("name", name).put("roles", roles == null ? List.of() : roles).put("level", level);
    }

    public static Struct part(String type) {
        return new Struct(ChatEventSchema.PART).put("type", type);
    }

    public static Struct emoticon(String source, String pack, Integer x, Integer y, Integer width, Integer height,
                                  Map<String, String> alt) {
        return new Struct(ChatEventSchema.PART.field("emoticon").schema())
                .put("source", source).put("pack", pack)
                .put("x", x).put("y", y).put("width", width).put("height", height)
                .put("alt", alt);
    }

    public static Struct moderation() {
        return new Struct(ChatEventSchema.EVENT.field("moderation").schema());
    }

    public static Struct poll() {
        return new Struct(ChatEventSchema.EVENT.field("poll").schema())
                .put("answers", List.of()).put("responses", Map.of());
    }
}
