package dev.chatconnect.emulator.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;
import dev.chatconnect.emulator.server.HttpCall;
import dev.chatconnect.emulator.server.HttpReply;
import dev.chatconnect.emulator.server.HttpRoute;

import java.util.Arrays;
import java.util.List;

/**
 * {@code /_emulator/mixer/...} and {@code /_emulator/osu/...}: fault injection and traffic over HTTP, JSON in and
 * out. Success is 200 {"ok":true,...}; a bad request 400 and an unknown action or id 404, with {"error":...}.
 */
public final class AdminApi implements HttpRoute {

    public static final String PREFIX = "/_emulator/";

    private final MixerAdminHttp mixer;
    private final OsuAdminHttp osu;

    public AdminApi(MixerAdmin mixer, OsuAdmin osu) {
        this.mixer = new MixerAdminHttp(mixer);
        this.osu = new OsuAdminHttp(osu);
    }

    @Override
    public boolean handles(String path) {
        return path.startsWith(PREFIX);
    }

    @Override
    public HttpReply handle(HttpCall call) {
        List<String> segments = Arrays.stream(call.path().substring(PREFIX.length()).split("/"))
                .filter(s -> !s.isEmpty()).toList();
        try {
            if (segments.isEmpty()) {
                throw AdminException.notFound("use /_emulator/mixer/... or /_emulator/osu/...");
            }
            AdminRequest request = new AdminRequest(call.method(), segments.subList(1, segments.size()), call);
            ObjectNode result = switch (segments.get(0)) {
                case "mixer" -> mixer.handle(request);
                case "osu" -> osu.handle(request);
                default -> throw AdminException.notFound("no platform " + segments.get(0));
            };
            return HttpReply.json(200, result);
        } catch (AdminException e) {
            ObjectNode body = Json.object();
            body.put("error", e.getMessage());
            return HttpReply.json(e.status(), body);
        }
    }
}
