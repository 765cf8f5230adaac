package dev.chatconnect.connector.platform;

import java.time.Duration;

/**
 * A send that did not succeed. The kind tells the sink what to do: try again later, give the record up (dead-letter
 * queue), or first find out whether the platform has the message after all.
 */
public final class SendException extends RuntimeException {

    public enum Kind {
        /** Not delivered; sending again is safe (rate limited, disconnected before sending, 5xx before acceptance). */
        RETRYABLE,
        /** The platform may or may not have it (reply or response lost): check before sending again. */
        UNKNOWN_OUTCOME,
        /** The platform refused this message for good (too long, no permission, unknown target). */
        PERMANENT,
        /** Nothing can be sent at all (credentials refused): the task fails with this message. */
        FATAL
    }

    private final Kind kind;
    private final Duration retryAfter;

    public SendException(Kind kind, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static SendException retryable(String message) {
        return new SendException(Kind.RETRYABLE, message, null);
    }

    public static SendException unknownOutcome(String message) {
        return new SendException(Kind.UNKNOWN_OUTCOME, message, null);
    }

    public static SendException permanent(String message) {
        return new SendException(Kind.PERMANENT, message, null);
    }

    public static SendException fatal(String message) {
        return new SendException(Kind.FATAL, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The wait the platform asked for, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
