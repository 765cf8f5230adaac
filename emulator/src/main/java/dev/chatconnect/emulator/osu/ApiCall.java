package dev.chatconnect.emulator.osu;

import dev.chatconnect.emulator.server.HttpCall;

import java.util.List;

/** An authenticated API request: the token, the user it acts as (null for a plain client token), params. */
record ApiCall(HttpCall http, RequestParams params, AccessToken token, OsuUser user, List<String> pathParams) {

    String pathParam(int index) {
        return pathParams.get(index);
    }

    /** A numeric path parameter, or null when it is not a number (routes then answer 404). */
    Long numericPathParam(int index) {
        String text = pathParams.get(index);
        if (!text.matches("-?\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(text);
    }
}
