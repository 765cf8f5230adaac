package dev.chatconnect.emulator.server;

/** A plain (non-WebSocket) HTTP handler for a part of the URL space. Called on a Netty I/O thread: do not block. */
public interface HttpRoute {

    boolean handles(String path);

    HttpReply handle(HttpCall call);
}
