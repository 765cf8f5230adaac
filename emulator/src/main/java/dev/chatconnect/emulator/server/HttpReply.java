package dev.chatconnect.emulator.server;

import dev.chatconnect.emulator.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response with a JSON body. */
public record HttpReply(int status, String jsonBody, Map<String, String> headers) {

    public static HttpReply json(int status, Object body) {
        return new HttpReply(status, Json.write(body), Map.of());
    }

    /** A response without a body (204 No Content and the like). */
    public static HttpReply empty(int status) {
        return new HttpReply(status, "", Map.of());
    }

    /** The error body shape Mixer's REST API used: {"statusCode":..,"error":..,"message":..}. */
    public static HttpReply error(int status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status);
        body.put("error", error);
        body.put("message", message);
        return json(status, body);
    }

    public HttpReply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpReply(status, jsonBody, Map.copyOf(copy));
    }
}
