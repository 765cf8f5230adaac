package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;

/**
 * The notification frames (reference §3.2, §5): relayed Laravel broadcasts carry {@code "socket":null} at the top
 * level and inside {@code data}; the relay's own frames carry neither.
 */
final class OsuEvents {

    static final byte[] CONNECTION_READY = Json.writeUtf8(Json.object().put("event", "connection.ready"));
    static final byte[] AUTHENTICATION_FAILED = Json.writeUtf8(Json.object().put("error", "authentication failed"));
    static final byte[] LOGOUT = Json.writeUtf8(Json.object().put("event", "logout"));

    private OsuEvents() {
    }

    static byte[] messageNew(OsuMessage message, OsuUser sender) {
        ObjectNode data = Json.object();
        data.putArray("messages").add(OsuJson.message(message, null));
        data.putArray("users").add(OsuJson.user(sender));
        return broadcast("chat.message.new", data);
    }

    static byte[] channelJoin(ObjectNode listing) {
        return broadcast("chat.channel.join", listing);
    }

    static byte[] channelPart(ObjectNode listing) {
        return broadcast("chat.channel.part", listing);
    }

    private static byte[] broadcast(String event, ObjectNode data) {
        data.putNull("socket");
        ObjectNode frame = Json.object();
        frame.put("event", event);
        frame.set("data", data);
        frame.putNull("socket");
        return Json.writeUtf8(frame);
    }
}
