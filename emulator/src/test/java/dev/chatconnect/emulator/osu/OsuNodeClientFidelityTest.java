package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The third-party client osu-api-v2-js 2.1.5 (installed by the build under target/node-fidelity) must work against
 * the emulator: authorization_code, JWT decoding, keepalive, join, websocket ready + chat.start + events, send,
 * history, mark-as-read, PM with uuid, refresh rotation, leave, revocation. See src/test/node/osu-fidelity.js.
 */
class OsuNodeClientFidelityTest {

    private static final String POSTED_TEXT = "Hello from the Java side, ça va? 🎵";

    @Test
    void osuApiV2JsTalksToTheEmulator() throws Exception {
        Path script = fidelityDir().resolve("osu-fidelity.js");
        try (ChatEmulator emulator = ChatEmulator.start(EmulatorOptions.builder().mixerChannelCount(0).seed(23)
                .build())) {
            OsuEmulator osu = emulator.osu();
            long friend = osu.addUser("FidelityFriend");
            Process node = new ProcessBuilder("node", "--experimental-websocket", "--no-warnings", script.toString(),
                    "--base-url", osu.baseUrl(), "--client-id", osu.clientId(), "--client-secret", osu.clientSecret(),
                    "--notification-url", osu.notificationUrl(), "--channel", "5",
                    "--bot-id", Long.toString(osu.botUserId()), "--pm-target", Long.toString(friend),
                    "--expect-text", POSTED_TEXT)
                    .directory(script.getParent().toFile()).start();
            List<String> stderr = Collections.synchronizedList(new ArrayList<>());
            BlockingQueue<JsonNode> lines = readLines(node, stderr);
            try {
                awaitStep(lines, "listening", stderr);
                OsuTestSupport.awaitCondition("the node client's chat.start arrived",
                        () -> osu.chatStartedSockets(osu.botUserId()) == 1);
                osu.channel(5).postMessage(friend, POSTED_TEXT, false);

                JsonNode result = awaitStep(lines, "result", stderr);
                assertTrue(result.get("ok").asBoolean(), "node client failures: " + result.get("failures")
                        + "\nstderr: " + stderr);
                assertEquals(19, result.get("checks").size(), result.toString());
                assertTrue(node.waitFor(10, TimeUnit.SECONDS));
                assertEquals(0, node.exitValue());
            } finally {
                node.destroyForcibly();
            }
            assertEquals(List.of("hello from osu-api-v2-js"), osu.channel(5).receivedMessages());
            assertEquals(List.of("pm from node"), osu.pmChannel(osu.botUserId(), friend).receivedMessages());
            assertEquals(1, osu.usedRefreshTokens().size(), "one refresh, one rotation");
            assertEquals(0, osu.framesLostBeforeReady(), "the library's user waited for connection.ready");
        }
    }

    private static Path fidelityDir() {
        Path dir = Path.of(System.getProperty("node.fidelity.dir", "target/node-fidelity"));
        if (!Files.isDirectory(dir.resolve("node_modules/osu-api-v2-js"))) {
            fail("osu-api-v2-js is not installed in " + dir.toAbsolutePath()
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
                        lines.add(OsuTestSupport.MAPPER.readTree(line));
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && step.equals(line.path("step").asText())) {
                return line;
            }
            if (line != null && "result".equals(line.path("step").asText())) {
                fail("node client finished before '" + step + "': " + line + "\nstderr: " + stderr);
            }
        }
        return fail("no '" + step + "' line from the node client within 60 s; stderr: " + stderr);
    }
}
