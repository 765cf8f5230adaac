package dev.chatconnect.emulator.osu;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@code oauth_access_tokens}: {@code userId} is null for client_credentials. {@code jwt} is the token
 * itself as handed out.
 */
record AccessToken(String jti, String clientId, Long userId, List<String> scopes, Instant expiresAt, String jwt) {

    boolean hasScope(String scope) {
        return scopes.contains("*") || scopes.contains(scope);
    }

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
