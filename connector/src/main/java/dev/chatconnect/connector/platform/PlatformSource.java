package dev.chatconnect.connector.platform;

/**
 * The live side of one platform in one source task: it holds the sockets for its channels, turns what they receive into
 * records and hands them to {@link SourceContext#emit}. It never throws from its callbacks: per-channel trouble is retried or
 * reported on that channel, and only a fault that makes the whole task useless goes to {@link SourceContext#fail}.
 */
public interface PlatformSource extends AutoCloseable {

    /** Starts connecting every channel; returns at once. */
    void start();

    /** Closes every socket promptly; events not yet emitted are dropped (their offsets were never committed). */
    @Override
    void close();
}
