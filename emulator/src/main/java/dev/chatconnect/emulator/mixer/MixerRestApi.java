package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;
import dev.chatconnect.emulator.server.HttpCall;
import dev.chatconnect.emulator.server.HttpReply;
import dev.chatconnect.emulator.server.HttpRoute;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The REST calls a chat bot makes (reference §1): users/current, channels/{idOrName}, chats/{channelId}. */
final class MixerRestApi implements HttpRoute {

    static final String PREFIX = "/api/v1";

    private static final List<String> USER_PERMISSIONS = List.of("chat", "connect", "poll_vote", "whisper");
    private static final List<String> OWNER_PERMISSIONS = List.of("change_ban", "edit_options", "change_role",
            "bypass_links", "bypass_slowchat", "remove_message", "clear_messages", "timeout", "giveaway_start",
            "poll_vote", "poll_start", "connect", "chat", "whisper");

    private enum Caller { ANONYMOUS, BOT, BAD_TOKEN }

    private final MixerEmulator mixer;

    MixerRestApi(MixerEmulator mixer) {
        this.mixer = mixer;
    }

    @Override
    public boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    @Override
    public HttpReply handle(HttpCall call) {
        List<String> segments = Arrays.stream(call.path().substring(PREFIX.length()).split("/"))
                .filter(s -> !s.isEmpty()).toList();
        boolean get = call.method().equals("GET");
        if (segments.equals(List.of("users", "current"))) {
            return get ? currentUser(call) : methodNotAllowed();
        }
        if (segments.size() == 2 && segments.get(0).equals("channels")) {
            return get ? channel(call, segments.get(1)) : methodNotAllowed();
        }
        if (segments.size() == 2 && segments.get(0).equals("chats")) {
            return get ? chats(call, segments.get(1)) : methodNotAllowed();
        }
        return HttpReply.error(404, "Not Found", "No such API: " + call.path());
    }

    private HttpReply currentUser(HttpCall call) {
        if (caller(call) != Caller.BOT) {
            return unauthorized();
        }
        ObjectNode user = userJson(mixer.bot());
        user.set("channel", channelJson(mixer.findChannel(mixer.botChannelId())));
        return HttpReply.json(200, user);
    }

    private HttpReply channel(HttpCall call, String idOrName) {
        if (caller(call) == Caller.BAD_TOKEN) {
            return unauthorized();
        }
        MixerChannel channel = mixer.findChannel(idOrName);
        if (channel == null) {
            return HttpReply.error(404, "Not Found", "Channel not found.");
        }
        ObjectNode json = channelJson(channel);
        json.set("user", userJson(channel.owner()));
        Optional<String> fields = call.queryParam("fields");
        if (fields.isPresent()) {
            Set<String> wanted = Arrays.stream(fields.get().split(",")).map(String::trim)
                    .collect(Collectors.toSet());
            json.retain(wanted);
        }
        return HttpReply.json(200, json);
    }

    /** Checks in order: injected failure, rate limit, token, channel. Every call is counted and its headers kept. */
    private HttpReply chats(HttpCall call, String idText) {
        Long channelId = parseId(idText);
        mixer.recordChatsRequest(channelId, call.headers());
        Optional<Integer> injected = mixer.faults().takeChatsFailure();
        if (injected.isPresent()) {
            int status = injected.get();
            return HttpReply.error(status, reasonPhrase(status), "Injected failure.");
        }
        if (!mixer.chatsRateLimiter().tryAcquire()) {
            return HttpReply.error(429, "Too Many Requests", "You are being rate limited (bucket: chats).")
                    .withHeader("Retry-After", Long.toString(mixer.chatsRateLimiter().secondsUntilNextPermit()));
        }
        Caller caller = caller(call);
        if (caller == Caller.BAD_TOKEN) {
            return unauthorized();
        }
        MixerChannel channel = channelId == null ? null : mixer.findChannel(channelId);
        if (channel == null) {
            return HttpReply.error(404, "Not Found", "Channel not found.");
        }
        ObjectNode body = Json.object();
        if (caller == Caller.BOT) {
            MixerUser bot = mixer.botIn(channel);
            body.set("roles", Json.MAPPER.valueToTree(bot.roles()));
            body.put("authkey", mixer.authKeys().issue(channel.id(), bot.id()));
            body.set("permissions", Json.MAPPER.valueToTree(
                    bot.roles().contains("Owner") ? OWNER_PERMISSIONS : USER_PERMISSIONS));
        } else {
            body.putArray("roles");
            body.putArray("permissions").add("connect");
        }
        body.set("endpoints", Json.MAPPER.valueToTree(mixer.endpoints()));
        body.put("isLoadShed", false);
        return HttpReply.json(200, body);
    }

    /** No Authorization header is anonymous; anything but "Bearer <the bot token>" is a bad token. */
    private Caller caller(HttpCall call) {
        Optional<String> authorization = call.header("authorization");
        if (authorization.isEmpty()) {
            return Caller.ANONYMOUS;
        }
        return authorization.get().equals("Bearer " + mixer.oauthToken()) ? Caller.BOT : Caller.BAD_TOKEN;
    }

    private ObjectNode userJson(MixerUser user) {
        ObjectNode json = Json.object();
        json.put("id", user.id());
        json.put("level", user.level());
        json.putObject("social").putArray("verified");
        json.put("username", user.name());
        json.putNull("email");
        json.put("verified", true);
        json.put("experience", user.level() * 1_337L);
        json.put("sparks", user.level() * 250L);
        json.put("avatarUrl", user.avatarUrl());
        json.putNull("bio");
        json.putNull("primaryTeam");
        json.put("createdAt", "2017-03-14T09:26:53.000Z");
        json.put("updatedAt", "2020-05-02T18:01:12.000Z");
        json.putNull("deletedAt");
        return json;
    }

    private ObjectNode channelJson(MixerChannel channel) {
        ObjectNode json = Json.object();
        json.put("featured", false);
        json.put("id", channel.id());
        json.put("userId", channel.owner().id());
        json.put("token", channel.name());
        json.put("online", true);
        json.put("featureLevel", 0);
        json.put("partnered", false);
        json.putNull("transcodingProfileId");
        json.put("suspended", false);
        json.put("name", "Streaming with " + channel.name());
        json.put("audience", "teen");
        json.put("viewersTotal", 1000 + channel.id() % 9000);
        json.put("viewersCurrent", channel.connectedSockets());
        json.put("numFollowers", 100 + channel.id() % 900);
        json.putNull("description");
        json.putNull("typeId");
        json.put("interactive", false);
        json.putNull("interactiveGameId");
        json.put("ftl", 0);
        json.put("hasVod", false);
        json.put("languageId", "en");
        json.putNull("coverId");
        json.putNull("thumbnailId");
        json.putNull("badgeId");
        json.putNull("bannerUrl");
        json.putNull("hosteeId");
        json.put("hasTranscodes", true);
        json.put("vodsEnabled", true);
        json.putNull("costreamId");
        json.put("createdAt", "2017-06-01T12:00:00.000Z");
        json.put("updatedAt", "2020-06-01T12:00:00.000Z");
        json.putNull("deletedAt");
        return json;
    }

    private static Long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static HttpReply unauthorized() {
        return HttpReply.error(401, "Unauthorized", "You must be signed in with a valid OAuth token to do that.");
    }

    private static HttpReply methodNotAllowed() {
        return HttpReply.error(405, "Method Not Allowed", "Only GET is supported here.");
    }

    private static String reasonPhrase(int status) {
        return io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
    }
}
