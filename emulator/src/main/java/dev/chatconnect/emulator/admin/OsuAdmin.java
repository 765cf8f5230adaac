package dev.chatconnect.emulator.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.osu.OsuChannel;
import dev.chatconnect.emulator.osu.OsuEmulator;

import java.time.Duration;

/** The osu! faults and traffic an operator can drive at run time; shared by the admin API and stdin commands. */
public final class OsuAdmin {

    private final OsuEmulator osu;

    public OsuAdmin(OsuEmulator osu) {
        this.osu = osu;
    }

    ObjectNode dropSockets() {
        int before = osu.openSockets();
        osu.dropAllSockets();
        return MixerAdmin.ok().put("socketsBefore", before);
    }

    ObjectNode failRequests(int count, int status) {
        if (count < 0 || status < 100 || status > 599) {
            throw AdminException.badRequest("need count >= 0 and an HTTP status");
        }
        osu.failNextRequests(count, status);
        return MixerAdmin.ok().put("count", count).put("status", status);
    }

    ObjectNode rejectWith429(int count) {
        if (count < 0) {
            throw AdminException.badRequest("count must not be negative");
        }
        osu.rejectNextRequestsWith429(count);
        return MixerAdmin.ok().put("count", count);
    }

    /** Revokes the user's tokens (the bot's when null); their sockets get logout. */
    ObjectNode revokeTokens(Long userId) {
        long user = userId == null ? osu.botUserId() : userId;
        requireUser(user);
        osu.revokeTokensOf(user);
        return MixerAdmin.ok().put("user", user);
    }

    ObjectNode expireAccessTokens() {
        osu.expireAllAccessTokens();
        return MixerAdmin.ok();
    }

    ObjectNode accessTokenTtl(long seconds) {
        osu.setAccessTokenTtl(positiveSeconds(seconds));
        return MixerAdmin.ok().put("seconds", seconds);
    }

    ObjectNode activityTimeout(long seconds) {
        if (seconds < 0) {
            throw AdminException.badRequest("seconds must not be negative");
        }
        osu.setChatActivityTimeout(Duration.ofSeconds(seconds));
        return MixerAdmin.ok().put("seconds", seconds);
    }

    ObjectNode apiRateLimit(int perMinute) {
        if (perMinute < 1) {
            throw AdminException.badRequest("the limit must be at least 1");
        }
        osu.setApiRateLimit(perMinute);
        return MixerAdmin.ok().put("requestsPerMinute", perMinute);
    }

    ObjectNode addUser(String username) {
        try {
            return MixerAdmin.ok().put("id", osu.addUser(AdminArgs.required("username", username)))
                    .put("username", username);
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest(e.getMessage());
        }
    }

    /** A refresh token for the user (the bot when null), default scopes. */
    ObjectNode refreshToken(Long userId) {
        long user = userId == null ? osu.botUserId() : userId;
        requireUser(user);
        return MixerAdmin.ok().put("user", user).put("refresh_token", osu.issueRefreshToken(user));
    }

    /** A message from a user given by id or by name (a new name becomes a new user). */
    ObjectNode postMessage(long channelId, String user, String text, boolean action) {
        OsuChannel channel = channel(channelId);
        long id = userId(AdminArgs.required("user", user));
        long messageId = channel.postMessage(id, AdminArgs.required("text", text), action);
        return MixerAdmin.ok().put("channel", channelId).put("message_id", messageId).put("sender_id", id);
    }

    ObjectNode privateMessage(String from, String to, String text) {
        long sender = userId(AdminArgs.required("from", from));
        long target = userId(AdminArgs.required("to", to));
        try {
            long messageId = osu.sendPrivateMessage(sender, target, AdminArgs.required("text", text), false);
            return MixerAdmin.ok().put("channel", osu.pmChannel(sender, target).id()).put("message_id", messageId);
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest(e.getMessage());
        }
    }

    ObjectNode startTraffic(double rate) {
        if (!(rate > 0)) {
            throw AdminException.badRequest("rate must be positive");
        }
        osu.stopAllTraffic();
        if (!osu.channelIds().isEmpty()) {
            osu.startTraffic(osu.channelIds(), rate);
        }
        return MixerAdmin.ok().put("channels", osu.channelIds().size()).put("rate", rate);
    }

    ObjectNode stopTraffic() {
        osu.stopAllTraffic();
        return MixerAdmin.ok();
    }

    ObjectNode stats() {
        ObjectNode stats = MixerAdmin.ok();
        stats.put("sockets", osu.openSockets());
        stats.put("botChatStartedSockets", osu.chatStartedSockets(osu.botUserId()));
        stats.put("tokenRequests", osu.tokenRequests());
        stats.put("restRequests", osu.restRequests());
        stats.put("ackRequests", osu.ackRequests());
        stats.put("http429", osu.http429Count());
        ObjectNode channels = stats.putObject("channels");
        for (long id : osu.channelIds()) {
            OsuChannel channel = osu.channel(id);
            ObjectNode json = channels.putObject(Long.toString(id));
            json.put("name", channel.name());
            json.put("messages", channel.messageCount());
            json.put("messagesRequests", osu.messagesRequests(id));
            json.put("members", channel.memberIds().size());
        }
        return stats;
    }

    private long userId(String idOrName) {
        if (idOrName.matches("\\d{1,18}")) {
            long id = Long.parseLong(idOrName);
            requireUser(id);
            return id;
        }
        return osu.userIdOf(idOrName).orElseGet(() -> osu.addUser(idOrName));
    }

    private void requireUser(long id) {
        if (!osu.hasUser(id)) {
            throw AdminException.notFound("no osu! user " + id);
        }
    }

    private OsuChannel channel(long id) {
        try {
            return osu.channel(id);
        } catch (IllegalArgumentException e) {
            throw AdminException.notFound("no osu! channel " + id);
        }
    }

    private static Duration positiveSeconds(long seconds) {
        if (seconds < 1) {
            throw AdminException.badRequest("seconds must be at least 1");
        }
        return Duration.ofSeconds(seconds);
    }
}
