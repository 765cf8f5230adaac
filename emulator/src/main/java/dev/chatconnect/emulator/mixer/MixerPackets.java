package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.chatconnect.emulator.Json;

/** The reply and event envelopes of the chat socket (reference §3.1), with the key order of the docs. */
final class MixerPackets {

    private MixerPackets() {
    }

    static ObjectNode event(String name, JsonNode data) {
        ObjectNode packet = Json.object();
        packet.put("type", "event");
        packet.put("event", name);
        packet.set("data", data);
        return packet;
    }

    static ObjectNode reply(JsonNode id, JsonNode data) {
        ObjectNode packet = replyWithoutData(id);
        packet.set("data", data);
        return packet;
    }

    /** ping and purge replies have no data key at all. */
    static ObjectNode replyWithoutData(JsonNode id) {
        ObjectNode packet = Json.object();
        packet.put("type", "reply");
        packet.putNull("error");
        packet.set("id", id == null ? NullNode.instance : id);
        return packet;
    }

    /** String errors: UNOTFOUND, UACCESS, UNOTJSON. */
    static ObjectNode stringError(JsonNode id, String error) {
        return error(id, TextNode.valueOf(error));
    }

    /** Object errors {"code","message","stacktrace","data"}: 4004 bad request, 4005 rate limited, ... */
    static ObjectNode objectError(JsonNode id, int code, String message) {
        ObjectNode error = Json.object();
        error.put("code", code);
        error.put("message", message);
        error.put("stacktrace", "");
        error.putObject("data");
        return error(id, error);
    }

    private static ObjectNode error(JsonNode id, JsonNode error) {
        ObjectNode packet = Json.object();
        packet.put("type", "reply");
        packet.set("error", error);
        packet.set("id", id == null ? NullNode.instance : id);
        return packet;
    }
}
