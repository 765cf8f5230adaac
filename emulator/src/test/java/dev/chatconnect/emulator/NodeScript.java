package dev.chatconnect.emulator;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A fidelity script run with node: it prints one JSON object per line ({"step": ...}); stderr and non-JSON output are
 * kept for failure messages.
 */
public final class NodeScript implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Process process;
    private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());

    private NodeScript(Process process) {
        this.process = process;
        pump(process.getInputStream(), "node-stdout", line -> {
            try {
                lines.add(MAPPER.readTree(line));
            } catch (IOException notJson) {
                stderr.add("stdout: " + line);
            }
        });
        pump(process.getErrorStream(), "node-stderr", stderr::add);
    }

    /** Runs {@code node [nodeOptions...] script args...} in the script's folder. */
    public static NodeScript start(Path script, List<String> nodeOptions, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(nodeOptions);
        command.add(script.toString());
        command.addAll(args);
        return new NodeScript(new ProcessBuilder(command).directory(script.getParent().toFile()).start());
    }

    /** The next line whose "step" is {@code step}; fails when the script ends first or nothing comes in time. */
    public JsonNode awaitStep(String step, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && step.equals(line.path("step").asText())) {
                return line;
            }
            if (line != null && "result".equals(line.path("step").asText())) {
                fail("node client finished before '" + step + "': " + line + "\nstderr: " + stderr);
            }
        }
        return fail("no '" + step + "' line from the node client within " + timeout.toSeconds() + " s; stderr: " + stderr);
    }

    public List<String> stderr() {
        return stderr;
    }

    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static void pump(InputStream stream, String name, Consumer<String> sink) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                in.lines().forEach(sink);
            } catch (IOException | java.io.UncheckedIOException ignored) {
                // the process ended
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
    }
}
