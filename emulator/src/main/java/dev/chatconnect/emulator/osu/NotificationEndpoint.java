package dev.chatconnect.emulator.osu;

import dev.chatconnect.emulator.server.HttpCall;
import dev.chatconnect.emulator.server.HttpReply;
import dev.chatconnect.emulator.server.WebSocketConnection;
import dev.chatconnect.emulator.server.WebSocketListener;
import dev.chatconnect.emulator.server.WebSocketRoute;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notification server: any path, the upgrade always succeeds (reference §2.2-§2.4). The token comes from
 * {@code Authorization: Bearer <jwt>} (case-sensitive) or {@code ?access_token=}; it must verify, be live and carry
 * chat.read or *. The check runs after a short delay (the relay's database lookup), so the ready frame comes later.
 */
final class NotificationEndpoint implements WebSocketRoute {

    private static final Pattern BEARER = Pattern.compile("^Bearer (.+)$");

    private final OsuEmulator osu;

    NotificationEndpoint(OsuEmulator osu) {
        this.osu = osu;
    }

    @Override
    public boolean handles(String path) {
        return true;
    }

    @Override
    public Optional<HttpReply> refusal(HttpCall upgrade) {
        return Optional.empty();
    }

    @Override
    public WebSocketListener open(WebSocketConnection connection, HttpCall upgrade) {
        NotificationSocket socket = new NotificationSocket(connection, osu.hub(),
                osu.counters().framesLostBeforeReady::incrementAndGet);
        osu.hub().opened(socket);
        socket.startHeartbeat(osu.scheduler(), osu.settings().pingInterval().toMillis());
        Optional<String> token = token(upgrade);
        Runnable check = () -> socket.authenticate(token.flatMap(osu.tokens()::verifyForNotifications)
                .filter(t -> t.userId() != null && (t.hasScope("chat.read"))));
        Duration delay = osu.settings().readyDelay();
        if (delay.isZero()) {
            check.run();
        } else {
            osu.scheduler().schedule(check, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
        return socket;
    }

    private static Optional<String> token(HttpCall upgrade) {
        Optional<String> header = upgrade.header("authorization");
        if (header.isPresent()) {
            Matcher m = BEARER.matcher(header.get());
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return upgrade.queryParam("access_token");
    }
}
