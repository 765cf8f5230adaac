package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.chatconnect.emulator.Json;
import dev.chatconnect.emulator.server.HttpCall;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Request parameters the Laravel way (reference §1.5): the query string merged with a form or JSON body, the body
 * winning. A body that does not parse contributes nothing. Values are parsed leniently, never throwing.
 */
final class RequestParams {

    private final Map<String, JsonNode> values;

    private RequestParams(Map<String, JsonNode> values) {
        this.values = values;
    }

    static RequestParams of(HttpCall call) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        call.query().forEach((name, list) -> putFirst(values, name, list));
        String contentType = call.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (contentType.contains("/json") || contentType.contains("+json")) {
            try {
                JsonNode body = Json.parse(call.body());
                if (body.isObject()) {
                    body.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
                }
            } catch (JsonProcessingException e) {
                // Laravel's json() gives an empty bag for an unparsable body.
            }
        } else if (contentType.contains("application/x-www-form-urlencoded")) {
            new QueryStringDecoder(call.body(), false).parameters()
                    .forEach((name, list) -> putFirst(values, name, list));
        }
        return new RequestParams(values);
    }

    private static void putFirst(Map<String, JsonNode> values, String name, List<String> list) {
        if (!list.isEmpty()) {
            values.put(name, TextNode.valueOf(list.get(0)));
        }
    }

    /** The value as text; absent for a missing key, JSON null, an object or an array. */
    Optional<String> string(String name) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /** An integer (number or numeric string); absent when missing or not an integer. */
    Optional<Long> integer(String name) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(value.asLong());
        }
        if (value.isTextual()) {
            try {
                return Optional.of(Long.parseLong(value.asText().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** osu-web's get_bool: true, 1, "1", "on", "true" / false, 0, "0", "off", "false"; else the default. */
    boolean bool(String name, boolean fallback) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber()) {
            return value.asLong() == 1 || (value.asLong() != 0 && fallback);
        }
        return switch (value.asText().trim().toLowerCase(Locale.ROOT)) {
            case "1", "on", "true", "yes" -> true;
            case "0", "off", "false", "no", "" -> false;
            default -> fallback;
        };
    }
}
