package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;
import dev.chatconnect.emulator.server.HttpReply;

/** The ChannelsController calls (reference §4.2 rows 3-7 and 11). */
final class ChannelEndpoints {

    private final OsuEmulator osu;

    ChannelEndpoints(OsuEmulator osu) {
        this.osu = osu;
    }

    /** GET /chat/channels: every PUBLIC channel, base fields. */
    HttpReply index(ApiCall call) {
        ArrayNode list = Json.array();
        osu.channels().publicChannels().forEach(c -> list.add(OsuJson.channel(c, null)));
        return HttpReply.json(200, list);
    }

    /** GET /chat/channels/{channel}: members only (404 otherwise); users are filled for PMs. */
    HttpReply show(ApiCall call) {
        OsuChannel channel = osu.channels().forApi(call.numericPathParam(0));
        Membership membership = channel.membership(call.user().id());
        if (membership == null) {
            return OsuErrors.notFound();
        }
        ObjectNode body = Json.object();
        body.set("channel", OsuJson.channelListing(channel, channel.partnerOf(call.user().id()),
                membership.lastReadId()));
        ArrayNode users = body.putArray("users");
        for (Long userId : channel.pmUserIds()) {
            osu.users().find(userId).ifPresent(u -> users.add(OsuJson.user(u)));
        }
        return HttpReply.json(200, body);
    }

    /** PUT /chat/channels/{channel}/users/{user}: only yourself, only PUBLIC; a new membership sends the event. */
    HttpReply join(ApiCall call) {
        OsuChannel channel = osu.channels().forApi(call.numericPathParam(0));
        requireSelf(call);
        if (!channel.isPublic()) {
            throw ApiError.of(403, OsuErrors.NO_ACCESS);
        }
        channel.join(call.user().id());
        return HttpReply.json(200, OsuJson.channelListing(channel, null,
                channel.membership(call.user().id()).lastReadId()));
    }

    /** DELETE /chat/channels/{channel}/users/{user}: 204; a PM is hidden, anything else left. */
    HttpReply part(ApiCall call) {
        OsuChannel channel = osu.channels().forApi(call.numericPathParam(0));
        requireSelf(call);
        channel.leave(call.user().id());
        return HttpReply.empty(204);
    }

    /** PUT /chat/channels/{channel}/mark-as-read/{message}: 204; the marker never moves back. */
    HttpReply markAsRead(ApiCall call) {
        OsuChannel channel = osu.channels().forApi(call.numericPathParam(0));
        Long messageId = call.numericPathParam(1);
        Membership membership = channel.membership(call.user().id());
        if (messageId != null && membership != null) {
            membership.markRead(messageId);
        }
        return HttpReply.empty(204);
    }

    /**
     * POST /chat/channels: type PM re-joins an existing PM, or answers an unsaved channel (channel_id null) and
     * creates nothing; ANNOUNCE needs a group the bot does not have.
     */
    HttpReply store(ApiCall call) {
        String type = call.params().string("type").orElse("");
        if (type.equals("ANNOUNCE")) {
            throw ApiError.of(403, null);
        }
        if (!type.equals("PM")) {
            throw ApiError.of(422, "unknown or missing type parameter");
        }
        long targetId = call.params().integer("target_id")
                .orElseThrow(() -> ApiError.of(422, "missing target_id parameter"));
        OsuUser target = osu.users().find(targetId).orElseThrow(() -> ApiError.of(422, "target user not found"));
        OsuChannel existing = osu.channels().pm(call.user().id(), target.id());
        if (existing == null) {
            return HttpReply.json(200, unsavedPm());
        }
        existing.join(call.user().id());
        ObjectNode body = OsuJson.channelListing(existing, existing.partnerOf(call.user().id()),
                existing.membership(call.user().id()).lastReadId());
        ArrayNode recent = body.putArray("recent_messages");
        for (OsuMessage m : existing.page(call.user().id(), null, null, 50)) {
            recent.add(OsuJson.message(m, osu.users().find(m.senderId()).orElse(null)));
        }
        return HttpReply.json(200, body);
    }

    private static ObjectNode unsavedPm() {
        ObjectNode body = Json.object();
        body.putNull("channel_id");
        body.put("description", "");
        body.putNull("icon");
        body.put("message_length_limit", 450);
        body.put("moderated", false);
        body.putNull("name");
        body.putNull("type");
        body.putNull("uuid");
        body.putArray("recent_messages");
        return body;
    }


    /** The {user} segment must be the caller: 403 {"error":null} otherwise. */
    private static void requireSelf(ApiCall call) {
        Long userId = call.numericPathParam(1);
        if (userId == null || userId != call.user().id()) {
            throw ApiError.of(403, null);
        }
    }
}
