package dev.chatconnect.emulator.osu;

import dev.chatconnect.emulator.server.HttpReply;

/** osu-web's error replies (reference §6.4). */
final class OsuErrors {

    static final String NO_ACCESS = "You do not have access to that channel.";
    static final String CHANNEL_NOT_FOUND = "Specified Chat\\Channel couldn't be found.";
    static final String BLANK = "Cannot send blank message.";
    static final String TOO_LONG = "The message you are trying to send is too long.";
    static final String SEND_LIMIT = "You are sending messages too quickly, please wait a bit before trying again.";

    private OsuErrors() {
    }

    static HttpReply error(int status, String message) {
        return HttpReply.json(status, OsuJson.error(message));
    }

    static HttpReply unauthenticated() {
        return HttpReply.json(401, dev.chatconnect.emulator.Json.object().put("authentication", "basic"));
    }

    static HttpReply missingScope() {
        return error(403, "A required scope is missing.");
    }

    static HttpReply lazerOnly() {
        return error(403, "Invalid scope(s) provided.");
    }

    static HttpReply notFound() {
        return error(404, null);
    }

    static HttpReply channelNotFound() {
        return error(404, CHANNEL_NOT_FOUND);
    }

    static HttpReply methodNotAllowed() {
        return error(405, null);
    }

    static HttpReply tooManyAttempts() {
        return error(429, "Too Many Attempts.");
    }
}
