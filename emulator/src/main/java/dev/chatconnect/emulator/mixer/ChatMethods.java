package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.emulator.Json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dispatches method calls to their handlers and turns refusals into error replies. */
final class ChatMethods {

    @FunctionalInterface
    interface Handler {
        void handle(MixerChatSocket socket, MethodCall call) throws ChatMethodException;
    }

    private final Map<String, Handler> handlers = new HashMap<>();
    private final MixerFaults faults;

    ChatMethods(MixerEmulator mixer) {
        this.faults = mixer.faults();
        AuthMethod auth = new AuthMethod(mixer);
        MessagingMethods messaging = new MessagingMethods(mixer.limits(), faults);
        ModerationMethods moderation = new ModerationMethods(mixer.users());
        handlers.put("auth", auth::handle);
        handlers.put("msg", messaging::msg);
        handlers.put("whisper", messaging::whisper);
        handlers.put("history", messaging::history);
        handlers.put("vote:choose", moderation::voteChoose);
        handlers.put("vote", moderation::voteChoose); // pre-2017 name, still sent by the official Java SDK
        handlers.put("vote:start", moderation::voteStart);
        handlers.put("timeout", moderation::timeout);
        handlers.put("purge", moderation::purge);
        handlers.put("deleteMessage", moderation::deleteMessage);
        handlers.put("clearMessages", moderation::clearMessages);
        handlers.put("giveaway:start", moderation::giveawayStart);
        handlers.put("cancelSkill", moderation::cancelSkill);
        handlers.put("ping", this::ping);
        handlers.put("optOutEvents", this::optOutEvents);
    }

    void dispatch(MixerChatSocket socket, MethodCall call) {
        Handler handler = handlers.get(call.method());
        if (handler == null) {
            socket.send(MixerPackets.objectError(call.id(), ChatMethodException.BAD_REQUEST,
                    "Unknown method: " + call.method()));
            return;
        }
        try {
            handler.handle(socket, call);
        } catch (ChatMethodException e) {
            socket.send(e.toReply(call.id()));
        }
    }

    static MixerChannel joinedChannel(MixerChatSocket socket) throws ChatMethodException {
        MixerChannel channel = socket.channel();
        if (channel == null) {
            throw ChatMethodException.badRequest("You must join a channel (auth) first.");
        }
        return channel;
    }

    static MixerUser signedInUser(MixerChatSocket socket) throws ChatMethodException {
        joinedChannel(socket);
        MixerUser user = socket.user();
        if (user == null) {
            throw ChatMethodException.badRequest("You must be authenticated to do that.");
        }
        return user;
    }

    /** A half-dead socket (fault) ignores the ping method just like ping frames. */
    private void ping(MixerChatSocket socket, MethodCall call) {
        if (faults.pingResponsive()) {
            socket.send(MixerPackets.replyWithoutData(call.id()));
        }
    }

    /** Names arrive as a flat list (what clients send); a nested array (what the prose describes) works too. */
    private void optOutEvents(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        List<String> events = new ArrayList<>();
        for (JsonNode arg : call.arguments()) {
            for (JsonNode name : arg.isArray() ? arg : List.of(arg)) {
                if (!name.isTextual()) {
                    throw ChatMethodException.badRequest("optOutEvents takes event names.");
                }
                events.add(name.asText());
            }
        }
        socket.optOut(events);
        socket.send(MixerPackets.reply(call.id(), Json.object()));
    }
}
