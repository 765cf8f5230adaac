package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.chatconnect.emulator.Json;

/**
 * A parsed {"type":"method",...} packet with lenient argument access: ids are echoed untouched, numbers may come as
 * numeric strings, and missing trailing arguments read as null.
 */
record MethodCall(JsonNode id, String method, ArrayNode arguments) {

    /** The id of any packet, for error replies: null when absent. */
    static JsonNode idOf(JsonNode packet) {
        JsonNode id = packet.isObject() ? packet.get("id") : null;
        return id == null ? NullNode.instance : id;
    }

    static MethodCall parse(JsonNode packet) throws ChatMethodException {
        if (!packet.isObject()) {
            throw ChatMethodException.badRequest("A packet must be a JSON object.");
        }
        if (!"method".equals(packet.path("type").asText())) {
            throw ChatMethodException.badRequest("Unknown packet type: " + packet.path("type"));
        }
        JsonNode method = packet.get("method");
        if (method == null || !method.isTextual()) {
            throw ChatMethodException.badRequest("A method packet needs a string \"method\".");
        }
        JsonNode args = packet.get("arguments");
        if (args != null && !args.isNull() && !args.isArray()) {
            throw ChatMethodException.badRequest("\"arguments\" must be an array.");
        }
        return new MethodCall(idOf(packet), method.asText(), args == null || args.isNull() ? Json.array()
                : (ArrayNode) args);
    }

    boolean isAbsent(int index) {
        JsonNode arg = arguments.get(index);
        return arg == null || arg.isNull();
    }

    long requireLong(int index, String what) throws ChatMethodException {
        JsonNode arg = arguments.get(index);
        if (arg != null && arg.isIntegralNumber() && arg.canConvertToLong()) {
            return arg.asLong();
        }
        if (arg != null && arg.isTextual()) {
            try {
                return Long.parseLong(arg.asText().trim());
            } catch (NumberFormatException ignored) {
                // falls through to the error
            }
        }
        throw ChatMethodException.badRequest("Argument " + index + " (" + what + ") must be an integer.");
    }

    Long optionalLong(int index, String what) throws ChatMethodException {
        return isAbsent(index) ? null : requireLong(index, what);
    }

    String requireString(int index, String what) throws ChatMethodException {
        JsonNode arg = arguments.get(index);
        if (arg == null || !arg.isTextual()) {
            throw ChatMethodException.badRequest("Argument " + index + " (" + what + ") must be a string.");
        }
        return arg.asText();
    }

    String optionalString(int index, String what) throws ChatMethodException {
        return isAbsent(index) ? null : requireString(index, what);
    }

    /** A duration argument as typed: "30s", "1m15s", "clear", or a bare number of seconds. */
    String requireDurationText(int index) throws ChatMethodException {
        JsonNode arg = arguments.get(index);
        if (arg != null && arg.isNumber()) {
            return arg.asLong() + "s";
        }
        return requireString(index, "duration");
    }
}
