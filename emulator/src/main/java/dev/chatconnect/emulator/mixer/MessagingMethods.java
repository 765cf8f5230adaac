package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;

import java.util.UUID;

/** msg, whisper and history. */
final class MessagingMethods {

    private static final int MAX_HISTORY = 100;

    private final ChatLimits limits;
    private final MixerFaults faults;

    MessagingMethods(ChatLimits limits, MixerFaults faults) {
        this.limits = limits;
        this.faults = faults;
    }

    /** The reply and the broadcast (sender included) carry the same ChatMessage, same uuid. */
    void msg(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        MixerUser author = ChatMethods.signedInUser(socket);
        MixerChannel channel = socket.channel();
        String text = call.requireString(0, "message");
        checkAllowed(socket, text);
        UUID id = channel.newMessageId();
        ObjectNode data = ChatMessages.typed(channel.id(), id, author, text, channel::userIdOf);
        MixerChannel.SentMessage sent = new MixerChannel.SentMessage(id.toString(), author.id(), author.name(),
                ChatMessages.shownText(text), null, ChatMessages.isMeAction(text));
        channel.publishClientMessage(text, sent, data, Audience.EVERYONE, reply(socket, call, channel, data));
    }

    /** The sender gets the reply; only sockets signed in as the target get the event. */
    void whisper(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        MixerUser author = ChatMethods.signedInUser(socket);
        MixerChannel channel = socket.channel();
        String target = call.requireString(0, "target username");
        String text = call.requireString(1, "message");
        checkAllowed(socket, text);
        UUID id = channel.newMessageId();
        ObjectNode meta = Json.object();
        meta.put("whisper", true);
        ObjectNode data = ChatMessages.build(channel.id(), id, author, MessageParts.parse(text, channel::userIdOf),
                meta, target, ChatMessages.KeyOrder.DOCUMENTED);
        MixerChannel.SentMessage sent = new MixerChannel.SentMessage(id.toString(), author.id(), author.name(),
                text, target, false);
        channel.publishClientMessage(text, sent, data, Audience.username(target), reply(socket, call, channel, data));
    }

    void history(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        MixerChannel channel = ChatMethods.joinedChannel(socket);
        long count = call.isAbsent(0) ? MAX_HISTORY : call.requireLong(0, "count");
        socket.send(MixerPackets.reply(call.id(), channel.history(count, socket.user())));
    }

    /** Sends the success reply, unless a swallowNextReplies fault loses it (the message itself still goes out). */
    private Runnable reply(MixerChatSocket socket, MethodCall call, MixerChannel channel, ObjectNode data) {
        return () -> {
            if (!faults.takeSwallowedReply(channel.id())) {
                socket.send(MixerPackets.reply(call.id(), data));
            }
        };
    }

    private void checkAllowed(MixerChatSocket socket, String text) throws ChatMethodException {
        if (text.isBlank()) {
            throw ChatMethodException.badRequest("A message must not be empty.");
        }
        if (text.codePointCount(0, text.length()) > limits.maxMessageLength()) {
            throw ChatMethodException.badRequest(limits.tooLongText());
        }
        if (!socket.tryAcquireMessagePermit(limits)) {
            throw ChatMethodException.withCode(ChatMethodException.RATE_LIMITED, limits.rateLimitedText());
        }
    }
}
