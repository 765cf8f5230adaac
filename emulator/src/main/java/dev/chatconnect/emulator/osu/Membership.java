package dev.chatconnect.emulator.osu;

/** One user's row in a channel: hidden (a left PM), read marker and PUBLIC activity (the last keepalive). */
final class Membership {

    static final long NEVER = Long.MIN_VALUE;

    private volatile boolean hidden;
    private volatile Long lastReadId;
    private volatile long lastAckNanos = NEVER;

    boolean hidden() {
        return hidden;
    }

    void setHidden(boolean hidden) {
        this.hidden = hidden;
    }

    Long lastReadId() {
        return lastReadId;
    }

    /** The read marker never moves backwards (SQL GREATEST). */
    synchronized void markRead(long messageId) {
        if (lastReadId == null || messageId > lastReadId) {
            lastReadId = messageId;
        }
    }

    void acked(long nanos) {
        lastAckNanos = nanos;
    }

    boolean activeAt(long nowNanos, long timeoutNanos) {
        long last = lastAckNanos;
        return last != NEVER && nowNanos - last <= timeoutNanos;
    }
}
