package dev.chatconnect.emulator.mixer;

import dev.chatconnect.emulator.server.HttpCall;
import dev.chatconnect.emulator.server.HttpReply;
import dev.chatconnect.emulator.server.WebSocketConnection;
import dev.chatconnect.emulator.server.WebSocketListener;
import dev.chatconnect.emulator.server.WebSocketRoute;

import java.util.Optional;
import java.util.UUID;

/** The chat socket endpoints {@code /mixer/chat/1..n}; a downed endpoint answers the upgrade with 503. */
final class MixerChatEndpoint implements WebSocketRoute {

    static final String PATH_PREFIX = "/mixer/chat/";

    private final MixerEmulator mixer;
    /** What WelcomeEvent names as "server": one id per endpoint, like one chat server node each. */
    private final String[] serverIds;

    MixerChatEndpoint(MixerEmulator mixer, int endpointCount) {
        this.mixer = mixer;
        this.serverIds = new String[endpointCount];
        for (int i = 0; i < endpointCount; i++) {
            serverIds[i] = UUID.randomUUID().toString();
        }
    }

    @Override
    public boolean handles(String path) {
        return path.startsWith(PATH_PREFIX);
    }

    @Override
    public Optional<HttpReply> refusal(HttpCall upgrade) {
        mixer.recordUpgrade(upgrade.uri());
        int index = endpointIndex(upgrade.path());
        if (index < 0) {
            return Optional.of(HttpReply.error(404, "Not Found", "No chat endpoint at " + upgrade.path()));
        }
        if (mixer.faults().endpointDown(index)) {
            return Optional.of(HttpReply.error(503, "Service Unavailable", "This chat server is unavailable."));
        }
        return Optional.empty();
    }

    @Override
    public WebSocketListener open(WebSocketConnection connection, HttpCall upgrade) {
        MixerChatSocket socket = new MixerChatSocket(mixer, connection);
        mixer.socketOpened(socket);
        socket.greet(serverIds[endpointIndex(upgrade.path())]);
        return socket;
    }

    /** 0-based index of /mixer/chat/{n}, or -1 if n is not 1..endpointCount. */
    private int endpointIndex(String path) {
        String number = path.substring(PATH_PREFIX.length());
        if (!number.matches("[1-9][0-9]{0,3}")) {
            return -1;
        }
        int index = Integer.parseInt(number) - 1;
        return index < serverIds.length ? index : -1;
    }
}
