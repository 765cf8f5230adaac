package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The official Mixer Node client (@mixer/client-node 3.5.0 + @mixer/chat-client-websocket 1.2.0, installed by the
 * build under target/node-fidelity) must work against the emulator: REST join, WelcomeEvent, auth, events, msg,
 * whisper, history, optOutEvents, WS ping and error shapes. See src/test/node/mixer-fidelity.js.
 */
class MixerNodeClientFidelityTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String POSTED_TEXT = "Hello from the Java side <3 ça va?";
    private static final String JOINER = "FidelityJoiner";

    @Test
    void officialNodeClientTalksToTheEmulator() throws Exception {
        Path script = fidelityDir().resolve("mixer-fidelity.js");
        try (ChatEmulator emulator = ChatEmulator.start(EmulatorOptions.builder().seed(21).build())) {
            MixerEmulator mixer = emulator.mixer();
            Process node = new ProcessBuilder("node", script.toString(),
                    "--api-url", mixer.apiUrl(), "--client-id", mixer.clientId(), "--token", mixer.oauthToken(),
                    "--channel", "1001", "--expect-text", POSTED_TEXT, "--expect-join", JOINER)
                    .directory(script.getParent().toFile()).start();
            List<String> stderr = Collections.synchronizedList(new ArrayList<>());
            BlockingQueue<JsonNode> lines = readLines(node, stderr);
            try {
                JsonNode authed = awaitStep(lines, "authed", stderr);
                assertEquals(mixer.botUserId(), authed.get("userId").asLong());
                mixer.channel(1001).postMessage("Jolet", 11233131, POSTED_TEXT);
                mixer.channel(1001).emitUserJoin(JOINER, 4343);

                JsonNode result = awaitStep(lines, "result", stderr);
                assertTrue(result.get("ok").asBoolean(), "node client failures: " + result.get("failures")
                        + "\nstderr: " + stderr);
                assertEquals(15, result.get("checks").size(), result.toString());
                assertTrue(node.waitFor(10, TimeUnit.SECONDS));
                assertEquals(0, node.exitValue());
            } finally {
                node.destroyForcibly();
            }

            Map<String, String> headers = mixer.chatsRequestHeaders().get(0);
            assertEquals(mixer.clientId(), headers.get("client-id"));
            assertTrue(headers.get("user-agent").startsWith("MixerClient/0.13.0 (JavaScript; Node.js v"), headers.toString());
            String upgrade = mixer.socketUpgradeUris().get(0);
            assertTrue(upgrade.endsWith("?version=1.0&Client-ID=" + mixer.clientId()), upgrade);
            assertEquals(List.of("hello from the official client :)", "psst"),
                    mixer.channel(1001).receivedClientMessages());
        }
    }

    private static Path fidelityDir() {
        Path dir = Path.of(System.getProperty("node.fidelity.dir", "target/node-fidelity"));
        if (!Files.isDirectory(dir.resolve("node_modules/@mixer/client-node"))) {
            fail("The official Node client is not installed in " + dir.toAbsolutePath()
                    + "; the Maven build runs 'npm ci' there in generate-test-resources (needs node and npm).");
        }
        return dir;
    }

    private static BlockingQueue<JsonNode> readLines(Process node, List<String> stderr) {
        BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
        Thread stdoutReader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    try {
                        lines.add(MAPPER.readTree(line));
                    } catch (IOException notJson) {
                        stderr.add("stdout: " + line);
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "node-stdout");
        Thread stderrReader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(node.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                err.lines().forEach(stderr::add);
            } catch (IOException ignored) {
                // process ended
            }
        }, "node-stderr");
        stdoutReader.setDaemon(true);
        stderrReader.setDaemon(true);
        stdoutReader.start();
        stderrReader.start();
        return lines;
    }

    private static JsonNode awaitStep(BlockingQueue<JsonNode> lines, String step, List<String> stderr)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (System.nanoTime() < deadline) {
            JsonNode line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && step.equals(line.path("step").asText())) {
                return line;
            }
            if (line != null && "result".equals(line.path("step").asText())) {
                fail("node client finished before '" + step + "': " + line + "\nstderr: " + stderr);
            }
        }
        return fail("no '" + step + "' line from the node client within 45 s; stderr: " + stderr);
    }
}
