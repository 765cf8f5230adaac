package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import dev.chatconnect.emulator.NodeScript;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The third-party client osu-api-v2-js 2.1.5 (installed by the build under target/node-fidelity) must work against
 * the emulator: authorization_code, JWT decoding, keepalive, join, websocket ready + chat.start + events, send,
 * history, mark-as-read, PM with uuid, refresh rotation, leave, revocation. See src/test/node/osu-fidelity.js.
 */
class OsuNodeClientFidelityTest {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final String POSTED_TEXT = "Hello from the Java side, ça va? 🎵";

    @Test
    void osuApiV2JsTalksToTheEmulator() throws Exception {
        Path script = fidelityDir().resolve("osu-fidelity.js");
        try (ChatEmulator emulator = ChatEmulator.start(EmulatorOptions.builder().mixerChannelCount(0).seed(23)
                .build())) {
            OsuEmulator osu = emulator.osu();
            long friend = osu.addUser("FidelityFriend");
            try (NodeScript node = NodeScript.start(script, List.of("--experimental-websocket", "--no-warnings"), List.of(
                    "--base-url", osu.baseUrl(), "--client-id", osu.clientId(), "--client-secret", osu.clientSecret(),
                    "--notification-url", osu.notificationUrl(), "--channel", "5",
                    "--bot-id", Long.toString(osu.botUserId()), "--pm-target", Long.toString(friend),
                    "--expect-text", POSTED_TEXT))) {
                node.awaitStep("listening", STEP_TIMEOUT);
                OsuTestSupport.awaitCondition("the node client's chat.start arrived",
                        () -> osu.chatStartedSockets(osu.botUserId()) == 1);
                osu.channel(5).postMessage(friend, POSTED_TEXT, false);

                JsonNode result = node.awaitStep("result", STEP_TIMEOUT);
                assertTrue(result.get("ok").asBoolean(), "node client failures: " + result.get("failures")
                        + "\nstderr: " + node.stderr());
                assertEquals(19, result.get("checks").size(), result.toString());
                assertTrue(node.waitFor(Duration.ofSeconds(10)));
                assertEquals(0, node.exitValue());
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
}
