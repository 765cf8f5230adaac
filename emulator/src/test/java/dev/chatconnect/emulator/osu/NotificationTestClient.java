package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** A notification socket client on the JDK WebSocket (which answers pings by itself). Every wait has a timeout. */
final class NotificationTestClient implements WebSocket.Listener, AutoCloseable {

    /** The close code seen when the server cut TCP without a close frame. */
    static final int ABRUPT = 1006;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final AtomicInteger pings = new AtomicInteger();
    private final List<JsonNode> seen = new ArrayList<>();
    private WebSocket webSocket;

    static NotificationTestClient connect(String url, Map<String, String> headers) {
        NotificationTestClient client = new NotificationTestClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(OsuTestSupport.WAIT);
        headers.forEach(builder::header);
        client.webSocket = builder.buildAsync(URI.create(url), client)
                .orTimeout(OsuTestSupport.WAIT.toSeconds(), TimeUnit.SECONDS).join();
        return client;
    }

    static NotificationTestClient withBearer(OsuEmulator osu, String token) {
        return connect(osu.notificationUrl(), Map.of("Authorization", "Bearer " + token));
    }

    /** Connected with the token, connection.ready received, chat.start sent and taken into account. */
    static NotificationTestClient started(OsuEmulator osu, String token, long userId) {
        int before = osu.chatStartedSockets(userId);
        NotificationTestClient client = withBearer(osu, token);
        client.awaitFrame("connection.ready", f -> "connection.ready".equals(f.path("event").asText()));
        client.sendText("{\"event\":\"chat.start\"}");
        OsuTestSupport.awaitCondition("chat.start is processed", () -> osu.chatStartedSockets(userId) > before);
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(OsuTestSupport.MAPPER.readTree(partial.toString()));
            } catch (IOException e) {
                frames.add(OsuTestSupport.MAPPER.getNodeFactory().textNode(partial.toString()));
            }
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
        pings.incrementAndGet();
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.complete(ABRUPT);
    }

    void sendText(String text) {
        webSocket.sendText(text, true).orTimeout(OsuTestSupport.WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    void sendBinary(byte[] payload) {
        webSocket.sendBinary(ByteBuffer.wrap(payload), true)
                .orTimeout(OsuTestSupport.WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** The next frame matching; frames before it are kept in {@link #seen()}. */
    JsonNode awaitFrame(String description, Predicate<JsonNode> predicate) {
        long deadline = System.nanoTime() + OsuTestSupport.WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode frame = null;
            try {
                frame = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (frame == null) {
                return fail("no " + description + " within " + OsuTestSupport.WAIT + "; seen: " + seen);
            }
            if (predicate.test(frame)) {
                return frame;
            }
            seen.add(frame);
        }
    }

    /** The next frame, whatever it is. */
    JsonNode nextFrame() {
        return awaitFrame("any frame", f -> true);
    }

    JsonNode awaitEvent(String event) {
        return awaitFrame(event, f -> event.equals(f.path("event").asText()));
    }

    /** The next chat.message.new (asserting nothing else came first) and its one message. */
    JsonNode nextChatMessage() {
        JsonNode frame = nextFrame();
        if (!"chat.message.new".equals(frame.path("event").asText())) {
            fail("expected chat.message.new, got " + frame);
        }
        return frame;
    }

    int awaitClosed() {
        return closed.orTimeout(OsuTestSupport.WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    int pings() {
        return pings.get();
    }

    List<JsonNode> seen() {
        return seen;
    }

    @Override
    public void close() {
        if (webSocket != null && !closed.isDone()) {
            webSocket.abort();
        }
    }
}
