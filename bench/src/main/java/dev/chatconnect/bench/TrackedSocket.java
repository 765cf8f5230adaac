package dev.chatconnect.bench;

import java.util.concurrent.CompletableFuture;

/** One socket under test, whichever client library opened it. */
abstract class TrackedSocket {

    /** Completes when the first text frame has arrived (so the socket is open and readable); fails if opening fails. */
    final CompletableFuture<Void> firstFrame = new CompletableFuture<>();

    /** Completes once the socket has closed, cleanly or not. */
    final CompletableFuture<Void> closed = new CompletableFuture<>();

    /** Starts a normal (1000) close handshake; does not wait for it. */
    abstract void startClose();

    final void frameArrived() {
        firstFrame.complete(null);
    }

    final void failed(Throwable error) {
        firstFrame.completeExceptionally(error);
        closed.complete(null);
    }
}
