package dev.chatconnect.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmulatorMainTest {

    @Test
    void printsTheEmulatorLineInProcess() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Optional<ChatEmulator> started = EmulatorMain.launch(
                new String[] {"--port", "0", "--mixer-channels", "2", "--rate", "5", "--authkey-reusable"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        try (ChatEmulator emulator = started.orElseThrow()) {
            String printed = out.toString(StandardCharsets.UTF_8);
            assertEquals(emulator.startLine() + System.lineSeparator(), printed);
            JsonNode config = new ObjectMapper().readTree(printed.substring("EMULATOR ".length()));
            assertEquals("mixer:1001,mixer:1002", config.get("channels").asText());
            assertTrue(config.get("mixer.api.url").asText().endsWith(":" + emulator.port() + "/api/v1"));
        }
    }

    @Test
    void helpPrintsUsageAndStartsNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(EmulatorMain.launch(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8))
                .isEmpty());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--authkey-reusable"));
    }

    @Test
    void badArgumentsAreRejected() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> EmulatorMain.launch(new String[] {"--bogus"}, sink));
        assertThrows(IllegalArgumentException.class, () -> EmulatorMain.launch(new String[] {"--port"}, sink));
        assertThrows(IllegalArgumentException.class, () -> EmulatorMain.launch(new String[] {"--rate", "x"}, sink));
    }

    /** The real command line: one EMULATOR line on stdout, serving until killed, shutdown hook on SIGTERM. */
    @Test
    void runsAsAProcessUntilKilled() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmulatorMain.class.getName(), "--port", "0", "--mixer-channels", "1").redirectErrorStream(true)
                .start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return stdout.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            assertTrue(line != null && line.startsWith("EMULATOR {"), String.valueOf(line));
            JsonNode config = new ObjectMapper().readTree(line.substring("EMULATOR ".length()));
            assertEquals("mixer:1001", config.get("channels").asText());

            HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(config.get("mixer.api.url").asText() + "/users/current"))
                    .header("Authorization", "Bearer " + config.get("mixer.oauth.token").asText()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, me.statusCode());
            assertTrue(process.isAlive());
        } finally {
            process.destroy();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "exits on SIGTERM");
        }
        assertEquals(143, process.exitValue());
    }
}
