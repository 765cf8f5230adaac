package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;

import java.util.List;
import java.util.Optional;

/**
 * {@code auth [channelId, userId?, authkey?, accessKey?]}: 1, 3 or 4 arguments, null padding and numeric strings
 * accepted. Without user and key the join is anonymous (read-only).
 */
final class AuthMethod {

    private final MixerEmulator mixer;

    AuthMethod(MixerEmulator mixer) {
        this.mixer = mixer;
    }

    void handle(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        long channelId = call.requireLong(0, "channel id");
        mixer.countAuthAttempt(channelId);
        Optional<String> injected = mixer.faults().takeAuthRejection(channelId);
        if (injected.isPresent()) {
            throw ChatMethodException.stringError(injected.get());
        }
        MixerChannel channel = mixer.findChannel(channelId);
        if (channel == null) {
            throw ChatMethodException.stringError("UNOTFOUND");
        }
        if (mixer.faults().channelDenied(channelId)) {
            throw ChatMethodException.stringError("UACCESS");
        }
        Long userId = call.optionalLong(1, "user id");
        String authkey = call.optionalString(2, "authkey");
        if (userId == null && authkey == null) {
            socket.join(channel, null, () -> socket.send(MixerPackets.reply(call.id(), result(false, List.of()))));
            return;
        }
        // Keys are bound to the (channel, user) they were issued for; a channel owner's id is not the bot's.
        if (userId == null || authkey == null || !mixer.authKeys().redeem(authkey, channelId, userId)) {
            throw ChatMethodException.stringError("UNOTFOUND");
        }
        MixerUser user = mixer.botIn(channel);
        socket.join(channel, user, () -> socket.send(MixerPackets.reply(call.id(), result(true, user.roles()))));
    }

    private static ObjectNode result(boolean authenticated, List<String> roles) {
        ObjectNode data = Json.object();
        data.put("authenticated", authenticated);
        data.set("roles", Json.MAPPER.valueToTree(roles));
        return data;
    }
}
