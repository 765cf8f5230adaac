package dev.chatconnect.connector.osu;

/** A failed osu! REST call; the message names the call, status and osu!'s own error text, never a token. */
final class OsuApiException extends RuntimeException {
    private final int status;

    OsuApiException(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    boolean retryable() {
        return status == 0 || status == 429 || status >= 500;
    }
}
