package dev.chatconnect.emulator.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;
import dev.chatconnect.emulator.mixer.MixerChannel;
import dev.chatconnect.emulator.mixer.MixerEmulator;
import dev.chatconnect.emulator.TrafficGenerator;

/** The Mixer faults and traffic an operator can drive at run time; shared by the admin API and stdin commands. */
public final class MixerAdmin {

    private final MixerEmulator mixer;

    public MixerAdmin(MixerEmulator mixer) {
        this.mixer = mixer;
    }

    /** Every socket, or only those of one channel, closed without a close frame. */
    ObjectNode dropSockets(Long channelId) {
        int before = mixer.totalSockets();
        if (channelId == null) {
            mixer.dropAllSockets();
        } else {
            channel(channelId);
            mixer.dropSockets(channelId);
        }
        return ok().put("socketsBefore", before);
    }

    ObjectNode setEndpointDown(int index, boolean down) {
        if (index < 0 || index >= mixer.endpoints().size()) {
            throw AdminException.notFound("no endpoint " + index + "; there are " + mixer.endpoints().size());
        }
        mixer.setEndpointDown(index, down);
        return ok().put("endpoint", mixer.endpoints().get(index)).put("down", down);
    }

    ObjectNode rejectAuth(long channelId, int count, String error) {
        channel(channelId);
        if (count < 0) {
            throw AdminException.badRequest("count must not be negative");
        }
        mixer.rejectNextAuths(channelId, count, error);
        return ok().put("channel", channelId).put("count", count).put("error", error);
    }

    ObjectNode denyChannel(long channelId, boolean denied) {
        channel(channelId);
        mixer.denyChannel(channelId, denied);
        return ok().put("channel", channelId).put("denied", denied);
    }

    ObjectNode setPingResponsive(boolean responsive) {
        mixer.setPingResponsive(responsive);
        return ok().put("pingResponsive", responsive);
    }

    ObjectNode rawFrame(long channelId, String text) {
        channel(channelId).sendRawFrame(text);
        return ok().put("channel", channelId).put("bytes", text.length());
    }

    ObjectNode postMessage(long channelId, String user, String text) {
        String userName = AdminArgs.required("user", user);
        long userId = 100_000 + Math.floorMod(userName.hashCode(), 90_000_000);
        String id = channel(channelId).postMessage(userName, userId, AdminArgs.required("text", text));
        return ok().put("channel", channelId).put("id", id);
    }

    /** Replaces any running traffic with {@code rate} random events per second on every channel. */
    ObjectNode startTraffic(double rate) {
        if (!(rate > 0)) {
            throw AdminException.badRequest("rate must be positive");
        }
        mixer.stopAllTraffic();
        if (mixer.channelIds().isEmpty()) {
            return ok().put("channels", 0);
        }
        TrafficGenerator ignored = mixer.startTraffic(mixer.channelIds(), rate, false);
        return ok().put("channels", mixer.channelIds().size()).put("rate", rate);
    }

    ObjectNode stopTraffic() {
        mixer.stopAllTraffic();
        return ok();
    }

    ObjectNode stats() {
        ObjectNode stats = ok();
        stats.put("sockets", mixer.totalSockets());
        ObjectNode channels = stats.putObject("channels");
        for (long id : mixer.channelIds()) {
            ObjectNode channel = channels.putObject(Long.toString(id));
            channel.put("sockets", mixer.connectedSockets(id));
            channel.put("chatsRequests", mixer.chatsRequests(id));
            channel.put("authAttempts", mixer.authAttempts(id));
            channel.put("messages", mixer.channel(id).messageCount());
        }
        return stats;
    }

    private MixerChannel channel(long id) {
        try {
            return mixer.channel(id);
        } catch (IllegalArgumentException e) {
            throw AdminException.notFound("no Mixer channel " + id);
        }
    }

    static ObjectNode ok() {
        return Json.object().put("ok", true);
    }
}
