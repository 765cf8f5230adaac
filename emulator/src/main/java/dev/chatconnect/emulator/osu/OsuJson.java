package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The JSON shapes of osu-web's transformers (reference §3.3), keys in transformer order. Messages use a {@code Z}
 * timestamp, users {@code +00:00}.
 */
final class OsuJson {

    private static final DateTimeFormatter ATOM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ZULU = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private OsuJson() {
    }

    static String zulu(Instant instant) {
        return ZULU.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static ObjectNode user(OsuUser user) {
        ObjectNode json = Json.object();
        json.put("avatar_url", user.avatarUrl());
        json.put("country_code", user.countryCode());
        json.put("default_group", user.bot() ? "bot" : "default");
        json.put("id", user.id());
        json.put("is_active", true);
        json.put("is_bot", user.bot());
        json.put("is_deleted", false);
        json.put("is_online", true);
        json.put("is_supporter", user.supporter());
        json.put("last_visit", ATOM.format(user.lastVisit().truncatedTo(ChronoUnit.SECONDS)));
        json.put("pm_friends_only", false);
        json.put("profile_colour", user.profileColour());
        json.put("username", user.username());
        return json;
    }

    /** A ChatMessage; {@code sender} is included over REST only (null leaves it out). */
    static ObjectNode message(OsuMessage message, OsuUser sender) {
        ObjectNode json = Json.object();
        json.put("channel_id", message.channelId());
        json.put("content", message.content());
        json.put("is_action", message.action());
        json.put("message_id", message.messageId());
        json.put("sender_id", message.senderId());
        json.put("timestamp", zulu(message.timestamp()));
        json.put("type", message.type());
        if (message.uuid() != null) {
            json.put("uuid", message.uuid());
        }
        if (sender != null) {
            json.set("sender", user(sender));
        }
        return json;
    }

    /** The base ChatChannel fields as {@code viewer} sees them (a PM is named after the other user). */
    static ObjectNode channel(OsuChannel channel, OsuUser partner) {
        ObjectNode json = Json.object();
        json.put("channel_id", channel.id());
        json.put("description", channel.description());
        json.put("icon", partner == null ? null : partner.avatarUrl());
        json.put("message_length_limit", channel.messageLengthLimit());
        json.put("moderated", false);
        json.put("name", partner == null ? channel.name() : partner.username());
        json.put("type", channel.type());
        json.putNull("uuid");
        return json;
    }

    /** ChatChannel plus the listing includes: current_user_attributes, last_read_id, last_message_id, users. */
    static ObjectNode channelListing(OsuChannel channel, OsuUser partner, Long lastReadId) {
        ObjectNode json = channel(channel, partner);
        ObjectNode attributes = json.putObject("current_user_attributes");
        attributes.put("can_list_users", false);
        attributes.put("can_message", true);
        attributes.putNull("can_message_error");
        attributes.put("last_read_id", lastReadId);
        json.put("last_read_id", lastReadId);
        json.put("last_message_id", channel.lastMessageId());
        ArrayNode users = json.putArray("users");
        channel.pmUserIds().forEach(users::add);
        return json;
    }

    static ObjectNode error(String message) {
        ObjectNode json = Json.object();
        json.put("error", message);
        return json;
    }
}
