package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;
import dev.chatconnect.emulator.server.HttpReply;

/**
 * A token endpoint error as league/oauth2-server renders it: RFC 6749 {@code error} and {@code error_description},
 * an optional {@code hint}, and {@code message} (a copy of the description kept for compatibility).
 */
final class OAuthException extends RuntimeException {

    private final int status;
    private final String error;
    private final String hint;

    OAuthException(int status, String error, String description, String hint) {
        super(description);
        this.status = status;
        this.error = error;
        this.hint = hint;
    }

    static OAuthException invalidRequest(String parameter) {
        return new OAuthException(400, "invalid_request", "The request is missing a required parameter, includes an"
                + " invalid parameter value, includes a parameter more than once, or is otherwise malformed.",
                "Check the `" + parameter + "` parameter");
    }

    static OAuthException invalidClient() {
        return new OAuthException(401, "invalid_client", "Client authentication failed", null);
    }

    static OAuthException invalidGrant(String hint) {
        return new OAuthException(400, "invalid_grant", "The provided authorization grant (e.g., authorization code,"
                + " resource owner credentials) or refresh token is invalid, expired, revoked, does not match the"
                + " redirection URI used in the authorization request, or was issued to another client.", hint);
    }

    static OAuthException invalidRefreshToken() {
        return new OAuthException(400, "invalid_grant", "The refresh token is invalid.", "Token has been revoked");
    }

    static OAuthException invalidScope(String description, String hint) {
        return new OAuthException(400, "invalid_scope", description, hint);
    }

    static OAuthException unsupportedGrantType() {
        return new OAuthException(400, "unsupported_grant_type",
                "The authorization grant type is not supported by the authorization server.",
                "Check that all required parameters have been provided");
    }

    static OAuthException unsupportedResponseType() {
        return new OAuthException(400, "unsupported_response_type",
                "The authorization server does not support obtaining an access token using this method.", null);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    HttpReply toReply() {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", getMessage());
        if (hint != null) {
            body.put("hint", hint);
        }
        body.put("message", getMessage());
        return HttpReply.json(status, body);
    }
}
