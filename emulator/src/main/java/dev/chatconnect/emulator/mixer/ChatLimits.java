package dev.chatconnect.emulator.mixer;

import dev.chatconnect.emulator.SlidingWindowRateLimiter;

import java.time.Duration;

/**
 * Limits on msg and whisper. No source documents Mixer's per-socket rate or the rejection texts, so both are
 * settings; the 360-character length is community knowledge (reference §6.2).
 */
final class ChatLimits {

    private volatile int maxMessageLength = 360;
    private volatile int ratePermits = Integer.MAX_VALUE;
    private volatile Duration rateWindow = Duration.ZERO;
    private volatile String tooLongText = "Your message is over %d characters.";
    private volatile String rateLimitedText = "You're sending messages too quickly.";
    private volatile int generation;

    int maxMessageLength() {
        return maxMessageLength;
    }

    void setMaxMessageLength(int length) {
        maxMessageLength = length;
    }

    synchronized void setMessageRate(int permits, Duration window) {
        ratePermits = permits;
        rateWindow = window;
        generation++;
    }

    /** Changes whenever the rate changes, so sockets know to replace their limiter. */
    int generation() {
        return generation;
    }

    synchronized SlidingWindowRateLimiter newLimiter() {
        return ratePermits == Integer.MAX_VALUE ? SlidingWindowRateLimiter.unlimited()
                : new SlidingWindowRateLimiter(ratePermits, rateWindow);
    }

    void setTexts(String tooLong, String rateLimited) {
        tooLongText = tooLong;
        rateLimitedText = rateLimited;
    }

    /** The too-long text; a %d in it is replaced by the limit. */
    String tooLongText() {
        return tooLongText.contains("%d") ? String.format(tooLongText, maxMessageLength) : tooLongText;
    }

    String rateLimitedText() {
        return rateLimitedText;
    }
}
