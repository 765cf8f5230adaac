package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.chatconnect.emulator.Json;
import dev.chatconnect.emulator.SlidingWindowRateLimiter;
import dev.chatconnect.emulator.server.WebSocketConnection;
import dev.chatconnect.emulator.server.WebSocketListener;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server side of one chat socket: parses method packets (text or binary JSON), keeps the per-connection state
 * (joined channel, signed-in user, opted-out events, msg rate) and receives the channel's events.
 */
final class MixerChatSocket implements WebSocketListener {

    private final MixerEmulator mixer;
    private final WebSocketConnection connection;
    private final Set<String> optedOutEvents = ConcurrentHashMap.newKeySet();
    private volatile MixerChannel channel;
    private volatile MixerUser user; // null while anonymous or not yet authenticated
    // Touched only on this socket's I/O thread:
    private SlidingWindowRateLimiter messageLimiter;
    private int limiterGeneration = -1;

    MixerChatSocket(MixerEmulator mixer, WebSocketConnection connection) {
        this.mixer = mixer;
        this.connection = connection;
    }

    /** WelcomeEvent is the first frame of every connection (unless the fault suppresses it). */
    void greet(String serverId) {
        if (mixer.faults().welcomeEnabled()) {
            send(MixerPackets.event("WelcomeEvent", EventPayloads.welcome(serverId)));
        }
    }

    @Override
    public void onText(String text) {
        handle(text);
    }

    /** Clients like the official Java SDK send their JSON in binary frames. */
    @Override
    public void onBinary(byte[] payload) {
        handle(new String(payload, StandardCharsets.UTF_8));
    }

    @Override
    public boolean answersPings() {
        return mixer.faults().pingResponsive();
    }

    @Override
    public void onClosed() {
        mixer.socketClosed(this);
        MixerChannel joined = channel;
        if (joined != null) {
            joined.leave(this, user);
        }
    }

    private void handle(String frame) {
        JsonNode packet;
        try {
            packet = Json.parse(frame);
        } catch (JsonProcessingException e) {
            send(MixerPackets.stringError(NullNode.instance, "UNOTJSON"));
            return;
        }
        MethodCall call;
        try {
            call = MethodCall.parse(packet);
        } catch (ChatMethodException e) {
            send(e.toReply(MethodCall.idOf(packet)));
            return;
        }
        mixer.methods().dispatch(this, call);
    }

    // ---- State used by the methods ----------------------------------------------------------------------------

    MixerChannel channel() {
        return channel;
    }

    MixerUser user() {
        return user;
    }

    /** Joins the channel (leaving any previous one); {@code reply} goes out before the join is announced. */
    void join(MixerChannel target, MixerUser signedIn, Runnable reply) {
        MixerChannel previous = channel;
        if (previous != null) {
            previous.leave(this, user);
        }
        user = signedIn;
        channel = target;
        target.join(this, signedIn, reply);
    }

    void optOut(Collection<String> events) {
        optedOutEvents.addAll(events);
    }

    boolean tryAcquireMessagePermit(ChatLimits limits) {
        if (messageLimiter == null || limiterGeneration != limits.generation()) {
            limiterGeneration = limits.generation();
            messageLimiter = limits.newLimiter();
        }
        return messageLimiter.tryAcquire();
    }

    // ---- Outbound -------------------------------------------------------------------------------------------

    void send(JsonNode packet) {
        connection.sendText(Json.writeUtf8(packet));
    }

    void deliverEvent(String event, byte[] frame) {
        if (!optedOutEvents.contains(event)) {
            connection.sendText(frame);
        }
    }

    void sendFrame(byte[] frame) {
        connection.sendText(frame);
    }

    void dropAbruptly() {
        connection.closeAbruptly();
    }

    @Override
    public String toString() {
        return "MixerChatSocket[" + connection + "]";
    }
}
