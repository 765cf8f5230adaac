package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A chat socket client for tests, on the JDK's WebSocket. Every wait has a timeout. */
final class ChatTestClient implements WebSocket.Listener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);
    /** How long to watch for something that must NOT happen. */
    static final Duration QUIET = Duration.ofMillis(300);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final AtomicInteger nextId = new AtomicInteger();
    private final List<JsonNode> skipped = new ArrayList<>();
    private volatile boolean receivedBinary;
    private WebSocket webSocket;

    static ChatTestClient connect(String endpoint) {
        ChatTestClient client = new ChatTestClient();
        client.webSocket = HTTP.newWebSocketBuilder().connectTimeout(WAIT)
                .buildAsync(URI.create(endpoint + "?version=1.0&Client-ID=test-client"), client)
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        return client;
    }

    /** Connects and consumes the WelcomeEvent. */
    static ChatTestClient connectWelcomed(String endpoint) {
        ChatTestClient client = connect(endpoint);
        client.awaitEvent("WelcomeEvent");
        return client;
    }

    // ---- Listener ---------------------------------------------------------------------------------------------

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        receivedBinary = true;
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
        pongs.add(message);
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
        closed.complete(-1);
    }

    // ---- Sending ----------------------------------------------------------------------------------------------

    void sendText(String text) {
        webSocket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    void sendBinary(String text) {
        webSocket.sendBinary(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true)
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    void sendPing() {
        webSocket.sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3})).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /** Sends a method call with the next numeric id and returns that id. */
    int send(String method, Object... args) {
        int id = nextId.getAndIncrement();
        sendText(methodPacket(id, method, args).toString());
        return id;
    }

    static ObjectNode methodPacket(Object id, String method, Object... args) {
        ObjectNode packet = MAPPER.createObjectNode();
        packet.put("type", "method");
        packet.put("method", method);
        ArrayNode arguments = packet.putArray("arguments");
        for (Object arg : args) {
            arguments.add(MAPPER.valueToTree(arg));
        }
        packet.set("id", MAPPER.valueToTree(id));
        return packet;
    }

    /** Calls a method and returns its reply (events that arrive meanwhile are set aside). */
    JsonNode call(String method, Object... args) {
        int id = send(method, args);
        return awaitReply(id);
    }

    // ---- Receiving --------------------------------------------------------------------------------------------

    JsonNode awaitReply(int id) {
        return await("reply " + id, f -> "reply".equals(f.path("type").asText()) && f.path("id").isInt()
                && f.path("id").asInt() == id);
    }

    JsonNode awaitEvent(String event) {
        return await(event, f -> "event".equals(f.path("type").asText()) && event.equals(f.path("event").asText()));
    }

    /** The next frame matching the predicate; non-matching frames before it are set aside. */
    JsonNode await(String description, Predicate<JsonNode> matcher) {
        for (JsonNode f : List.copyOf(skipped)) {
            if (matcher.test(f)) {
                skipped.remove(f);
                return f;
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String text = poll(deadline);
            if (text == null) {
                return fail("timed out waiting for " + description + "; set aside: " + skipped);
            }
            JsonNode frame = parse(text);
            if (matcher.test(frame)) {
                return frame;
            }
            skipped.add(frame);
        }
    }

    /** The next raw frame text, whatever it is. */
    String nextRaw() {
        String text = poll(System.nanoTime() + WAIT.toNanos());
        assertTrue(text != null, "timed out waiting for a frame");
        return text;
    }

    /** The next frame, parsed. */
    JsonNode next() {
        return parse(nextRaw());
    }

    /** Asserts no frame matching the predicate arrives within {@link #QUIET}. */
    void assertNothing(String description, Predicate<JsonNode> matcher) {
        long deadline = System.nanoTime() + QUIET.toNanos();
        for (String text; (text = poll(deadline)) != null; ) {
            JsonNode frame = parse(text);
            if (matcher.test(frame)) {
                fail("unexpected " + description + ": " + frame);
            }
            skipped.add(frame);
        }
    }

    ByteBuffer pollPong(Duration timeout) throws InterruptedException {
        return pongs.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean awaitClosed() {
        try {
            closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    boolean isClosed() {
        return closed.isDone();
    }

    boolean receivedBinary() {
        return receivedBinary;
    }

    private String poll(long deadlineNanos) {
        try {
            return frames.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            return fail("server sent non-JSON: " + text);
        }
    }

    @Override
    public void close() {
        if (webSocket != null) {
            webSocket.abort();
        }
    }
}
