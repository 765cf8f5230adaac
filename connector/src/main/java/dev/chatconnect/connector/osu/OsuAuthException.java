package dev.chatconnect.connector.osu;

/** osu! refused the account's credentials for good (revoked or invalid refresh token, wrong client): do not retry. */
final class OsuAuthException extends RuntimeException {
    OsuAuthException(String message) {
        super(message, null, false, false);
    }
}
