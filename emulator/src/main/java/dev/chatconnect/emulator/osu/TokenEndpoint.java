package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;
import dev.chatconnect.emulator.SlidingWindowRateLimiter;
import dev.chatconnect.emulator.server.HttpCall;
import dev.chatconnect.emulator.server.HttpReply;
import dev.chatconnect.emulator.server.HttpRoute;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /oauth/token} (authorization_code, refresh_token, client_credentials; form or JSON body) and
 * {@code GET /oauth/authorize}, which signs in as the bot (or {@code user_id}) and redirects with a code at once.
 * {@code GET /oauth/callback} is the default redirect target and shows the code.
 */
final class TokenEndpoint implements HttpRoute {

    static final String PREFIX = "/oauth/";

    private final OsuEmulator osu;
    private volatile SlidingWindowRateLimiter throttle;

    TokenEndpoint(OsuEmulator osu) {
        this.osu = osu;
    }

    @Override
    public boolean handles(String path) {
        return path.startsWith(PREFIX);
    }

    @Override
    public HttpReply handle(HttpCall call) {
        String path = call.path();
        if (path.equals("/oauth/token")) {
            return call.method().equals("POST") ? token(call) : OsuErrors.methodNotAllowed();
        }
        if (path.equals("/oauth/authorize") && call.method().equals("GET")) {
            return authorize(call);
        }
        if (path.equals("/oauth/callback") && call.method().equals("GET")) {
            ObjectNode body = Json.object();
            body.put("code", call.queryParam("code").orElse(null));
            body.put("state", call.queryParam("state").orElse(null));
            return HttpReply.json(200, body);
        }
        return OsuErrors.notFound();
    }

    private HttpReply token(HttpCall call) {
        osu.counters().tokenRequests.incrementAndGet();
        if (!throttle().tryAcquire()) {
            osu.counters().http429.incrementAndGet();
            return OsuErrors.tooManyAttempts();
        }
        RequestParams params = RequestParams.of(call);
        try {
            authenticateClient(call, params);
            String grant = params.string("grant_type")
                    .orElseThrow(OAuthException::unsupportedGrantType);
            TokenStore.Issued issued = switch (grant) {
                case "authorization_code" -> authorizationCode(params);
                case "refresh_token" -> refreshToken(params);
                case "client_credentials" -> clientCredentials(params);
                default -> throw OAuthException.unsupportedGrantType();
            };
            return HttpReply.json(200, tokenResponse(issued));
        } catch (OAuthException e) {
            return e.toReply();
        }
    }

    private TokenStore.Issued authorizationCode(RequestParams params) {
        String code = params.string("code").orElseThrow(() -> OAuthException.invalidRequest("code"));
        TokenStore.AuthorizationCode redeemed = osu.tokens().redeemCode(code,
                params.string("redirect_uri").orElse(null));
        return osu.tokens().issue(redeemed.userId(), redeemed.scopes(), true);
    }

    private TokenStore.Issued refreshToken(RequestParams params) {
        String refresh = params.string("refresh_token")
                .orElseThrow(() -> OAuthException.invalidRequest("refresh_token"));
        osu.counters().refreshTokenPresented(refresh);
        List<String> scopes = ScopeRules.parse(params.string("scope").orElse(null));
        ScopeRules.requireKnown(scopes);
        return osu.tokens().refresh(refresh, scopes);
    }

    private TokenStore.Issued clientCredentials(RequestParams params) {
        List<String> scopes = ScopeRules.parse(params.string("scope").orElse(null));
        ScopeRules.checkClientCredentials(scopes);
        return osu.tokens().issue(null, scopes, false);
    }

    /** client_id and client_secret from the body, or HTTP Basic as league/oauth2-server also accepts. */
    private void authenticateClient(HttpCall call, RequestParams params) {
        String id = params.string("client_id").orElse(null);
        String secret = params.string("client_secret").orElse(null);
        Optional<String> basic = call.header("authorization").filter(h -> h.startsWith("Basic "));
        if (basic.isPresent() && id == null) {
            try {
                String decoded = new String(Base64.getDecoder().decode(basic.get().substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    id = decoded.substring(0, colon);
                    secret = decoded.substring(colon + 1);
                }
            } catch (IllegalArgumentException e) {
                throw OAuthException.invalidClient();
            }
        }
        if (id == null) {
            throw OAuthException.invalidRequest("client_id");
        }
        if (!osu.clientId().equals(id.trim()) || !osu.clientSecret().equals(secret)) {
            throw OAuthException.invalidClient();
        }
    }

    private static ObjectNode tokenResponse(TokenStore.Issued issued) {
        ObjectNode body = Json.object();
        body.put("token_type", "Bearer");
        long millis = issued.ttl().toMillis();
        body.put("expires_in", (millis + 999) / 1000);
        body.put("access_token", issued.access().jwt());
        if (issued.refreshToken() != null) {
            body.put("refresh_token", issued.refreshToken());
        }
        return body;
    }

    private HttpReply authorize(HttpCall call) {
        RequestParams params = RequestParams.of(call);
        try {
            if (!osu.clientId().equals(params.string("client_id").orElse(""))) {
                throw OAuthException.invalidClient();
            }
            if (!"code".equals(params.string("response_type").orElse(null))) {
                throw OAuthException.unsupportedResponseType();
            }
            List<String> scopes = ScopeRules.checkAuthorizationCode(
                    ScopeRules.parse(params.string("scope").orElse(null)));
            long userId = params.integer("user_id").orElse(osu.botUserId());
            if (osu.users().find(userId).isEmpty()) {
                throw OAuthException.invalidRequest("user_id");
            }
            String redirectUri = params.string("redirect_uri").orElse(null);
            String code = osu.tokens().newAuthorizationCode(userId, redirectUri, scopes);
            String target = redirectUri == null ? osu.redirectUri() : redirectUri;
            StringBuilder location = new StringBuilder(target).append(target.contains("?") ? '&' : '?')
                    .append("code=").append(code);
            params.string("state").ifPresent(state -> location.append("&state=").append(
                    java.net.URLEncoder.encode(state, StandardCharsets.UTF_8)));
            return HttpReply.empty(302).withHeader("Location", location.toString());
        } catch (OAuthException e) {
            return e.toReply();
        }
    }

    private SlidingWindowRateLimiter throttle() {
        int limit = osu.settings().tokenRequestsPerMinute();
        SlidingWindowRateLimiter current = throttle;
        if (current == null || current.permits() != limit) {
            current = new SlidingWindowRateLimiter(limit, Duration.ofMinutes(1));
            throttle = current;
        }
        return current;
    }
}
