package dev.chatconnect.emulator.osu;

import dev.chatconnect.emulator.server.HttpReply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One API route: method, path pattern below /api/v2 ("chat/channels/{channel}"), the scope its controller declares
 * ("*" = lazer only, null = any valid token) and its handler.
 */
record ApiRoute(String method, String[] pattern, String scope, Handler handler) {

    interface Handler {
        HttpReply handle(ApiCall call);
    }

    static ApiRoute of(String method, String pattern, String scope, Handler handler) {
        return new ApiRoute(method, pattern.split("/"), scope, handler);
    }

    /** The values of the {placeholders} when the path matches, in order. */
    Optional<List<String>> match(List<String> segments) {
        if (segments.size() != pattern.length) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{")) {
                values.add(segments.get(i));
            } else if (!pattern[i].equals(segments.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }
}
