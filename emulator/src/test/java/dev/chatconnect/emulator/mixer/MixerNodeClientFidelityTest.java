package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import dev.chatconnect.emulator.NodeScript;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The official Mixer Node client (@mixer/client-node 3.5.0 + @mixer/chat-client-websocket 1.2.0, installed by the
 * build under target/node-fidelity) must work against the emulator: REST join, WelcomeEvent, auth, events, msg,
 * whisper, history, optOutEvents, WS ping and error shapes. See src/test/node/mixer-fidelity.js.
 */
class MixerNodeClientFidelityTest {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(45);
    private static final String POSTED_TEXT = "Hello from the Java side <3 ça va?";
    private static final String JOINER = "FidelityJoiner";

    @Test
    void officialNodeClientTalksToTheEmulator() throws Exception {
        Path script = fidelityDir().resolve("mixer-fidelity.js");
        try (ChatEmulator emulator = ChatEmulator.start(EmulatorOptions.builder().seed(21).build())) {
            MixerEmulator mixer = emulator.mixer();
            try (NodeScript node = NodeScript.start(script, List.of(), List.of(
                    "--api-url", mixer.apiUrl(), "--client-id", mixer.clientId(), "--token", mixer.oauthToken(),
                    "--channel", "1001", "--expect-text", POSTED_TEXT, "--expect-join", JOINER))) {
                JsonNode authed = node.awaitStep("authed", STEP_TIMEOUT);
                assertEquals(mixer.botUserId(), authed.get("userId").asLong());
                mixer.channel(1001).postMessage("Jolet", 11233131, POSTED_TEXT);
                mixer.channel(1001).emitUserJoin(JOINER, 4343);

                JsonNode result = node.awaitStep("result", STEP_TIMEOUT);
                assertTrue(result.get("ok").asBoolean(), "node client failures: " + result.get("failures")
                        + "\nstderr: " + node.stderr());
                assertEquals(15, result.get("checks").size(), result.toString());
                assertTrue(node.waitFor(Duration.ofSeconds(10)));
                assertEquals(0, node.exitValue());
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
}
