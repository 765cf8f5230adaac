package dev.chatconnect.emulator.osu;

import dev.chatconnect.emulator.server.HttpReply;

/** Ends an API handler with an osu-web error reply, e.g. 422 {"error":"Cannot send blank message."}. */
final class ApiError extends RuntimeException {

    private final transient HttpReply reply;

    ApiError(HttpReply reply) {
        super(reply.status() + " " + reply.jsonBody(), null, false, false);
        this.reply = reply;
    }

    static ApiError of(int status, String message) {
        return new ApiError(OsuErrors.error(status, message));
    }

    HttpReply reply() {
        return reply;
    }
}
