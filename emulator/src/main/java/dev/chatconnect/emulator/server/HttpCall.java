package dev.chatconnect.emulator.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the routes see it: decoded path, query parameters and lower-cased header names.
 * Also describes a WebSocket upgrade request before it is accepted.
 */
public record HttpCall(String method, String uri, String path, Map<String, List<String>> query,
                       Map<String, String> headers, String body) {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
