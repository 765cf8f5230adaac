package dev.chatconnect.bench;

import java.net.URI;

/** A WebSocket client library under test: one shared client instance that opens many sockets. */
interface WebSocketCandidate {

    /** Starts opening a socket and returns at once; progress is reported through the returned handle. */
    TrackedSocket open(URI uri);

    /** Releases client-wide resources (executors, pools) after all sockets are closed. */
    void shutdown() throws InterruptedException;
}
