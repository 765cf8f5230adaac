package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.emulator.Json;
import dev.chatconnect.emulator.server.WebSocketConnection;
import dev.chatconnect.emulator.server.WebSocketListener;

import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One notification socket (reference §2): authenticated after the upgrade, then {@code connection.ready}; frames
 * that arrive before ready are lost, as in the relay where listeners attach only after the token check. chat.start
 * and chat.end switch chat delivery for this connection; a ping every interval, and a client that did not pong since
 * the previous ping is terminated.
 */
final class NotificationSocket implements WebSocketListener {

    private final WebSocketConnection connection;
    private final NotificationHub hub;
    private final Runnable onFrameLost;
    private volatile Long userId;
    private volatile String tokenId;
    private volatile boolean ready;
    private volatile boolean chatStarted;
    private volatile boolean awaitingPong;
    private volatile ScheduledFuture<?> heartbeat;

    NotificationSocket(WebSocketConnection connection, NotificationHub hub, Runnable onFrameLost) {
        this.connection = connection;
        this.hub = hub;
        this.onFrameLost = onFrameLost;
    }

    /** The token check's outcome: ready and registered, or the error frame and an abrupt close. */
    void authenticate(Optional<AccessToken> token) {
        if (!connection.isOpen()) {
            return;
        }
        if (token.isEmpty()) {
            connection.sendText(OsuEvents.AUTHENTICATION_FAILED);
            connection.closeAbruptly();
            return;
        }
        userId = token.get().userId();
        tokenId = token.get().jti();
        hub.authenticated(this);
        // Listen first, then say so (as the relay does): a client that answers ready at once must not be taken as early.
        ready = true;
        connection.sendText(OsuEvents.CONNECTION_READY);
    }

    void startHeartbeat(java.util.concurrent.ScheduledExecutorService scheduler, long intervalMillis) {
        heartbeat = scheduler.scheduleAtFixedRate(this::heartbeatTick, intervalMillis, intervalMillis,
                TimeUnit.MILLISECONDS);
    }

    private void heartbeatTick() {
        if (!connection.isOpen()) {
            stopHeartbeat();
            return;
        }
        if (awaitingPong) {
            connection.closeAbruptly();
            stopHeartbeat();
            return;
        }
        awaitingPong = true;
        connection.sendPing();
    }

    @Override
    public void onPong() {
        awaitingPong = false;
    }

    @Override
    public void onText(String text) {
        if (!ready) {
            onFrameLost.run();
            return;
        }
        JsonNode frame;
        try {
            frame = Json.parse(text);
        } catch (JsonProcessingException e) {
            return; // ignored, the connection stays open
        }
        JsonNode event = frame.path("event");
        if (!event.isTextual()) {
            return;
        }
        switch (event.asText()) {
            case "chat.start" -> chatStarted = true;
            case "chat.end" -> chatStarted = false;
            default -> {
                // unknown events are ignored
            }
        }
    }

    @Override
    public void onBinary(byte[] payload) {
        // Binary frames are ignored without closing (reference §3.1).
    }

    @Override
    public void onClosed() {
        stopHeartbeat();
        hub.closed(this);
    }

    void deliverChat(byte[] frame) {
        if (chatStarted) {
            connection.sendText(frame);
        }
    }

    /** {"event":"logout"}, then a close frame without status (the client sees 1005). */
    void logout() {
        connection.sendText(OsuEvents.LOGOUT);
        connection.closeWithoutStatus();
    }

    void dropAbruptly() {
        connection.closeAbruptly();
    }

    Long userId() {
        return userId;
    }

    String tokenId() {
        return tokenId;
    }

    boolean chatStarted() {
        return chatStarted;
    }

    private void stopHeartbeat() {
        ScheduledFuture<?> running = heartbeat;
        if (running != null) {
            running.cancel(false);
        }
    }

    @Override
    public String toString() {
        return "NotificationSocket[user " + userId + ", " + connection + "]";
    }
}
