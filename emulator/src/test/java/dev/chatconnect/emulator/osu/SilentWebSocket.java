package dev.chatconnect.emulator.osu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket client on a plain TCP socket that never answers pings and never sends anything, to see the heartbeat
 * cut it off and how the server ends a connection. Records text frames, pings and whether a close frame came before
 * the TCP connection ended. (The JDK client sometimes misses a TCP close that directly follows a frame.)
 */
final class SilentWebSocket implements AutoCloseable {

    private final Socket socket;
    private final AtomicInteger pings = new AtomicInteger();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private volatile boolean closeFrame;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    SilentWebSocket(String url, Map<String, String> headers) throws IOException {
        URI uri = URI.create(url);
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout((int) OsuTestSupport.WAIT.toMillis() * 4);
        String key = Base64.getEncoder().encodeToString("silent-websocket".getBytes(StandardCharsets.US_ASCII));
        StringBuilder request = new StringBuilder("GET " + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\nHost: " + uri.getHost()
                + ":" + uri.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread reader = new Thread(this::read, "silent-websocket");
        reader.setDaemon(true);
        reader.start();
    }

    SilentWebSocket(String url, String bearerToken) throws IOException {
        this(url, Map.of("Authorization", "Bearer " + bearerToken));
    }

    private void read() {
        try {
            InputStream in = socket.getInputStream();
            skipHttpHeaders(in);
            while (true) {
                int first = in.read();
                int second = in.read();
                if (first < 0 || second < 0) {
                    break;
                }
                long length = second & 0x7F;
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | in.read();
                    }
                }
                byte[] payload = in.readNBytes((int) length);
                switch (first & 0x0F) {
                    case 0x1 -> texts.add(new String(payload, StandardCharsets.UTF_8));
                    case 0x8 -> closeFrame = true;
                    case 0x9 -> pings.incrementAndGet();
                    default -> {
                        // pongs, binary: not expected
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // reset or timeout: the connection is gone either way
        }
        closed.complete(null);
    }

    private static void skipHttpHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake");
            }
            seen.write(b);
        }
    }

    int pings() {
        return pings.get();
    }

    List<String> texts() {
        return List.copyOf(texts);
    }

    boolean closeFrameReceived() {
        return closeFrame;
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
