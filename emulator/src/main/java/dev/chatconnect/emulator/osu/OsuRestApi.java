package dev.chatconnect.emulator.osu;

import dev.chatconnect.emulator.SlidingWindowRateLimiter;
import dev.chatconnect.emulator.server.HttpCall;
import dev.chatconnect.emulator.server.HttpReply;
import dev.chatconnect.emulator.server.HttpRoute;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v2}: every request passes, in order, injected faults, route lookup (404/405), the bearer token (401
 * {"authentication":"basic"}), the per-token throttle (429) and the route's scope (403), then its handler.
 */
final class OsuRestApi implements HttpRoute {

    static final String PREFIX = "/api/v2";

    private final OsuEmulator osu;
    private final List<ApiRoute> routes;

    OsuRestApi(OsuEmulator osu) {
        this.osu = osu;
        ChatEndpoints chat = new ChatEndpoints(osu);
        ChannelEndpoints channels = new ChannelEndpoints(osu);
        MessageEndpoints messages = new MessageEndpoints(osu);
        this.routes = List.of(
                ApiRoute.of("POST", "chat/ack", "chat.read", chat::ack),
                ApiRoute.of("GET", "chat/updates", "*", chat::updates),
                ApiRoute.of("GET", "chat/presence", "*", chat::presence),
                ApiRoute.of("POST", "chat/new", "chat.write", messages::newPrivateMessage),
                ApiRoute.of("GET", "chat/channels", "chat.read", channels::index),
                ApiRoute.of("POST", "chat/channels", "chat.write_manage", channels::store),
                ApiRoute.of("GET", "chat/channels/{channel}", "chat.read", channels::show),
                ApiRoute.of("PUT", "chat/channels/{channel}/users/{user}", "chat.write_manage", channels::join),
                ApiRoute.of("DELETE", "chat/channels/{channel}/users/{user}", "chat.write_manage", channels::part),
                ApiRoute.of("PUT", "chat/channels/{channel}/mark-as-read/{message}", "chat.read",
                        channels::markAsRead),
                ApiRoute.of("GET", "chat/channels/{channel}/messages", "chat.read", messages::index),
                ApiRoute.of("POST", "chat/channels/{channel}/messages", "chat.write", messages::store),
                ApiRoute.of("DELETE", "oauth/tokens/current", null, chat::revokeCurrentToken),
                ApiRoute.of("GET", "me", "identify", chat::me),
                ApiRoute.of("GET", "notifications", "*", chat::notifications));
    }

    @Override
    public boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    @Override
    public HttpReply handle(HttpCall call) {
        osu.counters().restRequests.incrementAndGet();
        HttpReply reply = gatekeep(call);
        if (reply.status() == 429) {
            osu.counters().http429.incrementAndGet();
        }
        return reply;
    }

    private HttpReply gatekeep(HttpCall call) {
        Optional<Integer> injected = osu.faults().takeFailure();
        if (injected.isPresent()) {
            return injected.get() == 429 ? OsuErrors.tooManyAttempts() : OsuErrors.error(injected.get(), null);
        }
        List<String> segments = Arrays.stream(call.path().substring(PREFIX.length()).split("/"))
                .filter(s -> !s.isEmpty()).toList();
        boolean pathExists = false;
        for (ApiRoute route : routes) {
            Optional<List<String>> pathParams = route.match(segments);
            if (pathParams.isEmpty()) {
                continue;
            }
            pathExists = true;
            if (route.method().equals(call.method())) {
                return authorized(call, route, pathParams.get());
            }
        }
        return pathExists ? OsuErrors.methodNotAllowed() : OsuErrors.notFound();
    }

    private HttpReply authorized(HttpCall call, ApiRoute route, List<String> pathParams) {
        Optional<AccessToken> token = bearerToken(call).flatMap(osu.tokens()::authenticate);
        if (token.isEmpty()) {
            return OsuErrors.unauthenticated();
        }
        SlidingWindowRateLimiter throttle = osu.apiRateLimits().forToken(token.get().jti());
        if (!throttle.tryAcquire()) {
            return OsuErrors.tooManyAttempts();
        }
        HttpReply reply = scoped(call, route, token.get(), pathParams);
        return reply.withHeader("X-RateLimit-Limit", Integer.toString(throttle.permits()))
                .withHeader("X-RateLimit-Remaining", Integer.toString(throttle.remaining()));
    }

    private HttpReply scoped(HttpCall call, ApiRoute route, AccessToken token, List<String> pathParams) {
        if (route.scope() != null && !token.hasScope(route.scope())) {
            return route.scope().equals("*") ? OsuErrors.lazerOnly() : OsuErrors.missingScope();
        }
        OsuUser user = actingUser(token);
        if (user == null && route.scope() != null && !route.scope().equals("identify")) {
            return OsuErrors.missingScope();
        }
        try {
            return route.handler().handle(new ApiCall(call, RequestParams.of(call), token, user, pathParams));
        } catch (ApiError e) {
            return e.reply();
        }
    }

    /** The token's user; a client_credentials token with delegate acts as the client's owner (the bot). */
    private OsuUser actingUser(AccessToken token) {
        if (token.userId() != null) {
            return osu.users().find(token.userId()).orElse(null);
        }
        return token.scopes().contains("delegate") ? osu.bot() : null;
    }

    /** The header as league/oauth2-server reads it: "Bearer " (case-sensitive) and the token. */
    private static Optional<String> bearerToken(HttpCall call) {
        return call.header("authorization").map(String::trim).filter(h -> h.startsWith("Bearer "))
                .map(h -> h.substring("Bearer ".length()).trim()).filter(t -> !t.isEmpty());
    }
}
