package dev.chatconnect.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link LoopbackWebSocketServer} running in a child JVM, so its threads and buffers stay out of the measurement. */
final class LoopbackServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private LoopbackServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static LoopbackServerProcess start() throws IOException {
        Process process = ChildJvm.start(List.of("-Xmx1g"), LoopbackWebSocketServer.class, "0");
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = stdout.readLine()) != null) {
            if (line.startsWith(LoopbackWebSocketServer.READY_PREFIX)) {
                int port = Integer.parseInt(line.substring(LoopbackWebSocketServer.READY_PREFIX.length()).trim());
                return new LoopbackServerProcess(process, port);
            }
        }
        process.destroyForcibly();
        throw new IOException("Loopback server exited before listening (exit code " + process.exitValue() + ")");
    }

    String url() {
        return "ws://127.0.0.1:" + port + "/mixer/chat/1";
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close(); // the server exits when its stdin closes
        try {
            if (process.waitFor(10, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
