package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Access tokens (RS256 JWTs), rotating refresh tokens and single-use authorization codes, with revocation.
 * Thread-safe; the rotation of one refresh token is atomic.
 */
final class TokenStore {

    private static final Duration REFRESH_TOKEN_TTL = Duration.ofDays(90);
    private static final Duration CODE_TTL = Duration.ofMinutes(10);

    record Issued(AccessToken access, String refreshToken, Duration ttl) {
    }

    record AuthorizationCode(long userId, String redirectUri, List<String> scopes, Instant expiresAt) {
    }

    private record RefreshToken(String accessJti, Long userId, List<String> scopes, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final JwtCodec jwt;
    private final String clientId;
    private final Supplier<Duration> accessTokenTtl;
    private final Map<String, AccessToken> accessByJti = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> accessByJwt = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();

    TokenStore(JwtCodec jwt, String clientId, Supplier<Duration> accessTokenTtl) {
        this.jwt = jwt;
        this.clientId = clientId;
        this.accessTokenTtl = accessTokenTtl;
    }

    /** A new access token, plus a refresh token unless {@code withRefresh} is false (client_credentials). */
    Issued issue(Long userId, List<String> scopes, boolean withRefresh) {
        Duration ttl = accessTokenTtl.get();
        Instant now = Instant.now();
        Instant expiresAt = now.plus(ttl);
        String jti = hex(40);
        ObjectNode claims = Json.object();
        claims.put("aud", clientId);
        claims.put("jti", jti);
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + (ttl.toMillis() + 999) / 1000);
        claims.put("sub", userId == null ? "" : Long.toString(userId));
        scopes.forEach(claims.putArray("scopes")::add);
        AccessToken access = new AccessToken(jti, clientId, userId, List.copyOf(scopes), expiresAt, jwt.sign(claims));
        accessByJti.put(jti, access);
        accessByJwt.put(access.jwt(), access);
        String refresh = null;
        if (withRefresh) {
            refresh = "def50200" + hex(252);
            refreshTokens.put(refresh, new RefreshToken(jti, userId, List.copyOf(scopes), now.plus(REFRESH_TOKEN_TTL)));
        }
        return new Issued(access, refresh, ttl);
    }

    /**
     * The refresh_token grant: the old refresh token and its access token are revoked (league/oauth2-server does
     * both) and a new pair is issued. {@code scopes} may narrow but never widen; empty keeps the old ones.
     */
    Issued refresh(String refreshToken, List<String> scopes) {
        RefreshToken old = refreshTokens.remove(refreshToken);
        if (old == null || old.expiresAt().isBefore(Instant.now())) {
            throw OAuthException.invalidRefreshToken();
        }
        if (!old.scopes().containsAll(scopes)) {
            refreshTokens.put(refreshToken, old); // a rejected request does not consume the token
            throw OAuthException.invalidScope("The requested scope is invalid, unknown, or malformed",
                    "Check the `" + String.join(" ", scopes) + "` scope(s)");
        }
        revoked.add(old.accessJti());
        return issue(old.userId(), scopes.isEmpty() ? old.scopes() : scopes, true);
    }

    String newAuthorizationCode(long userId, String redirectUri, List<String> scopes) {
        String code = "def50200" + hex(128);
        codes.put(code, new AuthorizationCode(userId, redirectUri, List.copyOf(scopes),
                Instant.now().plus(CODE_TTL)));
        return code;
    }

    /** Single use; the redirect_uri must equal the one given to /oauth/authorize (when one was given). */
    AuthorizationCode redeemCode(String code, String redirectUri) {
        AuthorizationCode redeemed = code == null ? null : codes.remove(code);
        if (redeemed == null || redeemed.expiresAt().isBefore(Instant.now())) {
            throw OAuthException.invalidGrant("Authorization code has expired, has been revoked or is invalid");
        }
        if (redeemed.redirectUri() != null && !redeemed.redirectUri().equals(redirectUri)) {
            throw OAuthException.invalidClient();
        }
        return redeemed;
    }

    /** The live token this JWT string is, for REST (revoked and expired ones are not live). */
    Optional<AccessToken> authenticate(String token) {
        AccessToken access = accessByJwt.get(token);
        if (access == null || revoked.contains(access.jti()) || access.expiredAt(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(access);
    }

    /** What the notification server does (reference §2.3): verify the JWT, then look its jti up. */
    Optional<AccessToken> verifyForNotifications(String token) {
        Optional<JsonNode> claims = jwt.verify(token, Instant.now());
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        AccessToken access = accessByJti.get(claims.get().path("jti").asText());
        if (access == null || revoked.contains(access.jti()) || access.expiredAt(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(access);
    }

    /** Revokes one access token and the refresh token issued with it. */
    void revoke(String jti) {
        revoked.add(jti);
        refreshTokens.values().removeIf(r -> r.accessJti().equals(jti));
    }

    /** Revokes every access and refresh token of the user; returns the access token ids. */
    Set<String> revokeUser(long userId) {
        Set<String> jtis = accessByJti.values().stream().filter(a -> Long.valueOf(userId).equals(a.userId()))
                .map(AccessToken::jti).collect(Collectors.toSet());
        revoked.addAll(jtis);
        refreshTokens.values().removeIf(r -> Long.valueOf(userId).equals(r.userId()));
        return jtis;
    }

    /** Every access token issued so far expires now (refresh tokens stay valid). */
    void expireAllAccessTokens() {
        Instant now = Instant.now().minusMillis(1);
        accessByJti.replaceAll((jti, a) -> new AccessToken(a.jti(), a.clientId(), a.userId(), a.scopes(), now,
                a.jwt()));
        accessByJwt.replaceAll((token, a) -> accessByJti.get(a.jti()));
    }

    private String hex(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }
}
