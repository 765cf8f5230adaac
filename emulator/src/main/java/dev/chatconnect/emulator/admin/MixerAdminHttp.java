package dev.chatconnect.emulator.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /_emulator/mixer/...}: the HTTP face of {@link MixerAdmin}. */
final class MixerAdminHttp {

    private final MixerAdmin admin;

    MixerAdminHttp(MixerAdmin admin) {
        this.admin = admin;
    }

    ObjectNode handle(AdminRequest r) {
        if (r.is("POST", "drop-sockets")) {
            String channel = r.query("channel");
            return admin.dropSockets(channel == null ? null : AdminArgs.longArg("channel", channel));
        }
        if (r.is("POST", "endpoints", "*", "down") || r.is("POST", "endpoints", "*", "up")) {
            return admin.setEndpointDown(AdminArgs.intArg("endpoint index", r.segment(1)),
                    r.segment(2).equals("down"));
        }
        if (r.is("POST", "ping-responsive")) {
            return admin.setPingResponsive(AdminArgs.boolArg("value", r.param("value")));
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
        if (r.segments().size() == 3 && r.segment(0).equals("channels") && r.method().equals("POST")) {
            return channelAction(AdminArgs.longArg("channel id", r.segment(1)), r.segment(2), r);
        }
        throw AdminException.notFound("no Mixer admin action " + r.method() + " " + String.join("/", r.segments()));
    }

    private ObjectNode channelAction(long channelId, String action, AdminRequest r) {
        return switch (action) {
            case "reject-auth" -> admin.rejectAuth(channelId, AdminArgs.intArg("count", r.query("count"), 1),
                    r.query("error") == null ? "UNOTFOUND" : r.query("error"));
            case "deny" -> admin.denyChannel(channelId, true);
            case "allow" -> admin.denyChannel(channelId, false);
            case "raw-frame" -> admin.rawFrame(channelId, AdminArgs.required("body (the frame text)", r.body()));
            case "messages" -> admin.postMessage(channelId, r.param("user"), r.param("text"));
            default -> throw AdminException.notFound("no Mixer channel action " + action);
        };
    }
}
