package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;
import dev.chatconnect.emulator.server.HttpReply;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Get Channel Messages, Send Message to Channel and Create New PM (reference §4.2 rows 8-10, §4.3). */
final class MessageEndpoints {

    private static final int MAX_LIMIT = 50;

    private final OsuEmulator osu;

    MessageEndpoints(OsuEmulator osu) {
        this.osu = osu;
    }

    /** GET /chat/channels/{channel}/messages?limit&since&until[&return_object=1]; members only. */
    HttpReply index(ApiCall call) {
        Long channelId = call.numericPathParam(0);
        if (channelId != null) {
            osu.counters().countMessagesRequest(channelId);
        }
        OsuChannel channel = osu.channels().forApi(channelId);
        if (channel.membership(call.user().id()) == null) {
            return OsuErrors.notFound();
        }
        long limit = Math.max(1, Math.min(MAX_LIMIT, call.params().integer("limit").orElse((long) MAX_LIMIT)));
        Long since = call.params().integer("since").orElse(null);
        Long until = since != null ? null : call.params().integer("until").orElse(null);
        List<OsuMessage> page = channel.page(call.user().id(), since, until, (int) limit);
        ArrayNode messages = Json.array();
        Map<Long, OsuUser> senders = new LinkedHashMap<>();
        for (OsuMessage message : page) {
            OsuUser sender = osu.users().find(message.senderId()).orElse(null);
            messages.add(OsuJson.message(message, sender));
            if (sender != null) {
                senders.putIfAbsent(sender.id(), sender);
            }
        }
        if (call.params().bool("return_object", false)) {
            ObjectNode body = Json.object();
            body.set("messages", messages);
            ArrayNode users = body.putArray("users");
            senders.values().forEach(u -> users.add(OsuJson.user(u)));
            return HttpReply.json(200, body);
        }
        return HttpReply.json(200, messages);
    }

    /** POST /chat/channels/{channel}/messages {message, is_action, uuid}: members only, then content, then limit. */
    HttpReply store(ApiCall call) {
        OsuChannel channel = osu.channels().forApi(call.numericPathParam(0));
        OsuUser sender = call.user();
        if (channel.membership(sender.id()) == null) {
            throw ApiError.of(403, OsuErrors.NO_ACCESS);
        }
        OsuMessage message = send(channel, sender, call);
        return answered(HttpReply.json(200, OsuJson.message(message, sender)));
    }

    /** POST /chat/new {target_id, message, is_action, uuid}: creates the PM channel if needed, then sends. */
    HttpReply newPrivateMessage(ApiCall call) {
        OsuUser sender = call.user();
        long targetId = call.params().integer("target_id")
                .orElseThrow(() -> ApiError.of(422, "missing target_id parameter"));
        OsuUser target = osu.users().find(targetId).orElseThrow(() -> ApiError.of(422, "target user not found"));
        if (target.id() == sender.id()) {
            throw ApiError.of(422, "can't send message to same user");
        }
        // Content and limit are checked before the channel exists: osu-web rolls the creation back otherwise.
        String content = MessageContent.accept(call.params().string("message").orElse(null), "PM");
        requireSendPermit(sender, true);
        OsuChannels.PmLookup pm = osu.channels().pmOrCreate(sender.id(), target.id());
        OsuChannel channel = pm.channel();
        if (pm.created()) {
            channel.announceMembers();
        } else {
            channel.membership(sender.id()).setHidden(false); // un-hidden silently (reference §5.3)
        }
        OsuMessage message = channel.post(sender, content, call.params().bool("is_action", false),
                call.params().string("uuid").orElse(null), Instant.now(), true);
        ObjectNode body = Json.object();
        ObjectNode channelJson = OsuJson.channel(channel, channel.partnerOf(sender.id()));
        channelJson.put("last_message_id", channel.lastMessageId());
        ArrayNode users = channelJson.putArray("users");
        channel.pmUserIds().forEach(users::add);
        body.set("channel", channelJson);
        body.set("message", OsuJson.message(message, sender));
        body.put("new_channel_id", channel.id());
        return answered(HttpReply.json(200, body));
    }

    private OsuMessage send(OsuChannel channel, OsuUser sender, ApiCall call) {
        String content = MessageContent.accept(call.params().string("message").orElse(null), channel.type());
        requireSendPermit(sender, channel.isPm());
        if (channel.isPm()) {
            channel.membership(sender.id()).setHidden(false);
        }
        return channel.post(sender, content, call.params().bool("is_action", false),
                call.params().string("uuid").orElse(null), Instant.now(), true);
    }

    /** The reply to a successful send, or 502 {"error":null} if a loseNextSendResponses fault loses it. */
    private HttpReply answered(HttpReply success) {
        return osu.faults().takeLostSendResponse() ? OsuErrors.error(502, null) : success;
    }

    private void requireSendPermit(OsuUser sender, boolean pm) {
        if (!osu.sendLimits().tryAcquire(sender, pm)) {
            throw ApiError.of(429, OsuErrors.SEND_LIMIT);
        }
    }

}
