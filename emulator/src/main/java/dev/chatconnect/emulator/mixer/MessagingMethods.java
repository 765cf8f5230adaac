package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;

import java.util.UUID;

/** msg, whisper and history. */
final class MessagingMethods {

    private static final int MAX_HISTORY = 100;

    private final ChatLimits limits;

    MessagingMethods(ChatLimits limits) {
        this.limits = limits;
    }

    /** The reply and the broadcast (sender included) carry the same ChatMessage, same uuid. */
    void msg(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        MixerUser author = ChatMethods.signedInUser(socket);
        MixerChannel channel = socket.channel();
        String text = call.requireString(0, "message");
        checkAllowed(socket, text);
        channel.recordClientMessage(text);
        UUID id = channel.newMessageId();
        ObjectNode data = ChatMessages.typed(channel.id(), id, author, text, channel::userIdOf);
        channel.publishMessage(id, data, Audience.EVERYONE, () -> socket.send(MixerPackets.reply(call.id(), data)));
    }

    /** The sender gets the reply; only sockets signed in as the target get the event. */
    void whisper(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        MixerUser author = ChatMethods.signedInUser(socket);
        MixerChannel channel = socket.channel();
        String target = call.requireString(0, "target username");
        String text = call.requireString(1, "message");
        checkAllowed(socket, text);
        channel.recordClientMessage(text);
        UUID id = channel.newMessageId();
        ObjectNode meta = Json.object();
        meta.put("whisper", true);
        ObjectNode data = ChatMessages.build(channel.id(), id, author, MessageParts.parse(text, channel::userIdOf),
                meta, target, ChatMessages.KeyOrder.DOCUMENTED);
        channel.publishMessage(id, data, Audience.username(target),
                () -> socket.send(MixerPackets.reply(call.id(), data)));
    }

    void history(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        MixerChannel channel = ChatMethods.joinedChannel(socket);
        long count = call.isAbsent(0) ? MAX_HISTORY : call.requireLong(0, "count");
        socket.send(MixerPackets.reply(call.id(), channel.history(count, socket.user())));
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
