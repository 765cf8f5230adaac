package dev.chatconnect.emulator.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /_emulator/osu/...}: the HTTP face of {@link OsuAdmin}. */
final class OsuAdminHttp {

    private final OsuAdmin admin;

    OsuAdminHttp(OsuAdmin admin) {
        this.admin = admin;
    }

    ObjectNode handle(AdminRequest r) {
        if (r.is("POST", "drop-sockets")) {
            return admin.dropSockets();
        }
        if (r.is("POST", "fail-requests")) {
            return admin.failRequests(AdminArgs.intArg("count", r.param("count"), 1),
                    AdminArgs.intArg("status", r.param("status"), 503));
        }
        if (r.is("POST", "reject-429")) {
            return admin.rejectWith429(AdminArgs.intArg("count", r.param("count"), 1));
        }
        if (r.is("POST", "expire-tokens")) {
            return admin.expireAccessTokens();
        }
        if (r.is("POST", "access-token-ttl")) {
            return admin.accessTokenTtl(AdminArgs.longArg("seconds", r.param("seconds")));
        }
        if (r.is("POST", "activity-timeout")) {
            return admin.activityTimeout(AdminArgs.longArg("seconds", r.param("seconds")));
        }
        if (r.is("POST", "api-rate-limit")) {
            return admin.apiRateLimit(AdminArgs.intArg("value", r.param("value")));
        }
        if (r.is("POST", "users")) {
            return admin.addUser(r.param("username"));
        }
        if (r.is("POST", "users", "*", "revoke")) {
            return admin.revokeTokens(AdminArgs.longArg("user id", r.segment(1)));
        }
        if (r.is("POST", "users", "*", "refresh-token")) {
            return admin.refreshToken(AdminArgs.longArg("user id", r.segment(1)));
        }
        if (r.is("POST", "channels", "*", "messages")) {
            return admin.postMessage(AdminArgs.longArg("channel id", r.segment(1)), r.param("user"), r.param("text"),
                    r.param("action") != null && AdminArgs.boolArg("action", r.param("action")));
        }
        if (r.is("POST", "pm")) {
            return admin.privateMessage(r.param("from"), r.param("to"), r.param("text"));
        }
        if (r.is("POST", "traffic")) {
            return admin.startTraffic(AdminArgs.doubleArg("rate", r.param("rate")));
        }
        if (r.is("DELETE", "traffic")) {
            return admin.stopTraffic();
        }
        if (r.is("GET", "stats")) {
            return admin.stats();
        }
        throw AdminException.notFound("no osu! admin action " + r.method() + " " + String.join("/", r.segments()));
    }
}
