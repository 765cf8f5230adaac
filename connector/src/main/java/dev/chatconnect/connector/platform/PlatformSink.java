package dev.chatconnect.connector.platform;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The sending side of a platform for one sink task. The sink calls {@link #send} for one destination at a time, in
 * order, and only after the previous send of that destination completed; the platform applies its own rate limits.
 */
public interface PlatformSink extends AutoCloseable {

    /** Returns why this platform cannot send to the destination (e.g. a malformed channel id), or null. */
    String checkDestination(Destination destination);

    /** The longest text, in code points, the destination accepts. */
    int maxLength(Destination destination);

    /**
     * Sends one message; completes with the platform's message id once the platform confirmed it, or fails with a
     * {@link SendException}.
     */
    CompletableFuture<String> send(Outbound message);

    /**
     * Which of {@code candidates} (one destination, in send order) the platform already has, going by the account's
     * own recent messages there; answers their delivery ids. Called after a restart or an unknown outcome, so a message
     * is not posted twice.
     */
    CompletableFuture<Set<String>> alreadyDelivered(Destination destination, List<Outbound> candidates);

    @Override
    void close();
}
