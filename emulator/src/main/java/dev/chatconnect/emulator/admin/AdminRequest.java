package dev.chatconnect.emulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.emulator.Json;
import dev.chatconnect.emulator.server.HttpCall;

import java.util.List;

/** An admin HTTP call below {@code /_emulator/<platform>/}: method, remaining path segments, query and body. */
record AdminRequest(String method, List<String> segments, HttpCall call) {

    boolean is(String httpMethod, String... path) {
        if (!method.equals(httpMethod) || segments.size() != path.length) {
            return false;
        }
        for (int i = 0; i < path.length; i++) {
            if (!path[i].equals("*") && !path[i].equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    String segment(int index) {
        return segments.get(index);
    }

    String query(String name) {
        return call.queryParam(name).orElse(null);
    }

    String body() {
        return call.body();
    }

    /** The body as a JSON object ({} when empty). */
    JsonNode jsonBody() {
        if (call.body().isBlank()) {
            return Json.object();
        }
        try {
            JsonNode node = Json.parse(call.body());
            if (!node.isObject()) {
                throw AdminException.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw AdminException.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** A value from the JSON body, else from the query string. */
    String param(String name) {
        JsonNode value = jsonBody().get(name);
        if (value != null && !value.isNull()) {
            return value.asText();
        }
        return query(name);
    }
}
