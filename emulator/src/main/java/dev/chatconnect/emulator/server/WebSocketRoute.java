package dev.chatconnect.emulator.server;

import java.util.Optional;

/** Accepts WebSocket upgrades for a part of the URL space. Called on a Netty I/O thread: do not block. */
public interface WebSocketRoute {

    boolean handles(String path);

    /** An HTTP answer that refuses the upgrade (404, 503, ...), or empty to accept it. */
    Optional<HttpReply> refusal(HttpCall upgrade);

    /** Called once the handshake response is written; the listener then receives every frame of the socket. */
    WebSocketListener open(WebSocketConnection connection, HttpCall upgrade);
}
