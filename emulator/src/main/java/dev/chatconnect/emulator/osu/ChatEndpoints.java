package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;
import dev.chatconnect.emulator.server.HttpReply;

/** Keepalive, the lazer-only chat calls, /me and token revocation. */
final class ChatEndpoints {

    private final OsuEmulator osu;

    ChatEndpoints(OsuEmulator osu) {
        this.osu = osu;
    }

    /** POST /chat/ack: refreshes the activity of every joined PUBLIC channel; no silences are ever issued. */
    HttpReply ack(ApiCall call) {
        osu.counters().ackRequests.incrementAndGet();
        long now = System.nanoTime();
        for (OsuChannel channel : osu.channels().joinedBy(call.user().id())) {
            channel.acked(call.user().id(), now);
        }
        ObjectNode body = Json.object();
        body.putArray("silences");
        return HttpReply.json(200, body);
    }

    /** GET /chat/updates (lazer only): since is required; messages is always []. */
    HttpReply updates(ApiCall call) {
        if (call.params().integer("since").isEmpty()) {
            throw ApiError.of(422, null);
        }
        ObjectNode body = Json.object();
        body.set("presence", presence(call.user()));
        body.putArray("silences");
        body.putArray("messages");
        return HttpReply.json(200, body);
    }

    HttpReply presence(ApiCall call) {
        return HttpReply.json(200, presence(call.user()));
    }

    private ArrayNode presence(OsuUser user) {
        ArrayNode channels = Json.array();
        for (OsuChannel channel : osu.channels().joinedBy(user.id())) {
            channels.add(OsuJson.channelListing(channel, channel.partnerOf(user.id()),
                    channel.membership(user.id()).lastReadId()));
        }
        return channels;
    }

    /** GET /me: the token's user. */
    HttpReply me(ApiCall call) {
        if (call.user() == null) {
            return OsuErrors.unauthenticated();
        }
        return HttpReply.json(200, OsuJson.user(call.user()));
    }

    /** GET /notifications (lazer only): where the websocket is. */
    HttpReply notifications(ApiCall call) {
        ObjectNode body = Json.object();
        body.put("has_more", false);
        body.putArray("notifications");
        body.put("unread_count", 0);
        body.put("notification_endpoint", osu.notificationUrl());
        return HttpReply.json(200, body);
    }

    /** DELETE /oauth/tokens/current: revokes it (and its refresh token); its sockets get logout. */
    HttpReply revokeCurrentToken(ApiCall call) {
        String jti = call.token().jti();
        osu.tokens().revoke(jti);
        osu.hub().logout(jti::equals);
        return HttpReply.empty(204);
    }
}
