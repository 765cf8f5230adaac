package dev.chatconnect.connector.mixer;

/** A failed Mixer REST call. Messages name the endpoint and status only: never a token or a header value. */
final class MixerApiException extends RuntimeException {
    private final int status;
    private final boolean retryable;

    MixerApiException(String message, int status, boolean retryable) {
        super(message, null, false, false);
        this.status = status;
        this.retryable = retryable;
    }

    static MixerApiException fromStatus(String what, int status) {
        boolean retryable = status == 429 || status >= 500 || status == 408;
        String hint = switch (status) {
            case 401 -> " (the OAuth token was rejected: check mixer.oauth.token)";
            case 403 -> " (the token lacks a needed scope, e.g. chat:connect)";
            case 404 -> " (no such channel: use the channel id, not the user id)";
            case 429 -> " (rate limited)";
            default -> "";
        };
        return new MixerApiException(what + " answered HTTP " + status + hint, status, retryable);
    }

    int status() {
        return status;
    }

    boolean retryable() {
        return retryable;
    }
}
