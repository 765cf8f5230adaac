package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;

import java.util.UUID;
import java.util.function.Function;

/** Builds ChatMessage data objects, the payload of the ChatMessage event, of msg/whisper replies and of history. */
final class ChatMessages {

    /** Real frames do not keep one key order (reference §5.4); consumers must not depend on it. */
    enum KeyOrder { DOCUMENTED, ROLES_BEFORE_ID, USER_FIRST }

    private ChatMessages() {
    }

    private static final String ME_PREFIX = "/me ";

    /** A message as a user typed it: "/me " becomes meta.me, links, tags and emoticons become parts. */
    static ObjectNode typed(long channelId, UUID id, MixerUser author, String typed,
                            Function<String, Long> userIdByName) {
        ObjectNode meta = Json.object();
        if (isMeAction(typed)) {
            meta.put("me", true);
        }
        return build(channelId, id, author, MessageParts.parse(shownText(typed), userIdByName), meta, null,
                KeyOrder.DOCUMENTED);
    }

    /** Whether typed text is a "/me " action (meta.me). */
    static boolean isMeAction(String typed) {
        return typed.startsWith(ME_PREFIX);
    }

    /** The text a ChatMessage shows for typed text: without the "/me " of an action. */
    static String shownText(String typed) {
        return isMeAction(typed) ? typed.substring(ME_PREFIX.length()) : typed;
    }

    static ObjectNode build(long channelId, UUID id, MixerUser author, ArrayNode parts, ObjectNode meta,
                            String whisperTarget, KeyOrder order) {
        ObjectNode data = Json.object();
        switch (order) {
            case DOCUMENTED -> {
                data.put("channel", channelId);
                data.put("id", id.toString());
                data.put("user_name", author.name());
                data.put("user_id", author.id());
                data.set("user_roles", Json.MAPPER.valueToTree(author.roles()));
                putProfile(data, author);
            }
            case ROLES_BEFORE_ID -> { // the order of HypeBot's captured frame
                data.put("channel", channelId);
                data.put("id", id.toString());
                data.put("user_name", author.name());
                data.set("user_roles", Json.MAPPER.valueToTree(author.roles()));
                data.put("user_id", author.id());
                putProfile(data, author);
            }
            case USER_FIRST -> {
                data.put("user_name", author.name());
                data.put("user_id", author.id());
                putProfile(data, author);
                data.set("user_roles", Json.MAPPER.valueToTree(author.roles()));
                data.put("channel", channelId);
                data.put("id", id.toString());
            }
        }
        ObjectNode message = data.putObject("message");
        message.set("message", parts);
        message.set("meta", meta);
        if (whisperTarget != null) {
            data.put("target", whisperTarget);
        }
        return data;
    }

    /** System accounts have neither key; other users have a level and a possibly-null avatar. */
    private static void putProfile(ObjectNode data, MixerUser author) {
        if (author.system()) {
            return;
        }
        data.put("user_level", author.level());
        data.put("user_avatar", author.avatarUrl());
    }
}
