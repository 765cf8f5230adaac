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
            assertEquals("mixer:1001,mixer:1002,osu:5,osu:6", config.get("channels").asText());
            assertTrue(config.get("mixer.api.url").asText().endsWith(":" + emulator.port() + "/api/v1"));
            assertEquals(java.util.List.of("mixer.api.url", "mixer.client.id", "mixer.oauth.token", "osu.api.url",
                    "osu.notification.url", "osu.client.id", "osu.client.secret", "osu.refresh.token", "channels"),
                    fieldNames(config));
            assertEquals(emulator.osu().initialRefreshToken(), config.get("osu.refresh.token").asText());
        }
    }

    private static String readLine(BufferedReader reader) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(30, TimeUnit.SECONDS);
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void commandReaderRunsPipedLinesAndStopsAtEndOfInput() throws Exception {
        try (ChatEmulator emulator = ChatEmulator.start(EmulatorOptions.builder().port(0).seed(2).build())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = EmulatorMain.startCommandReader(emulator,
                    new java.io.ByteArrayInputStream("pings off\n\nhelp\n".getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            reader.join(10_000);
            String[] lines = out.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
            assertEquals("OK {\"ok\":true,\"pingResponsive\":false}", lines[0]);
            assertTrue(lines[1].startsWith("Mixer:"), lines[1]);
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
                EmulatorMain.class.getName(), "--port", "0", "--mixer-channels", "1", "--osu-channels", "3")
                .redirectErrorStream(true).start();
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
            assertEquals("mixer:1001,osu:5,osu:6,osu:7", config.get("channels").asText());

            HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(config.get("mixer.api.url").asText() + "/users/current"))
                    .header("Authorization", "Bearer " + config.get("mixer.oauth.token").asText()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, me.statusCode());

            // Operator commands on stdin, one answer line each; the emulator keeps serving after stdin closes.
            process.getOutputStream().write("drop\nbogus\nosu-say 5 Operator hi\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            assertEquals("OK {\"ok\":true,\"socketsBefore\":0}", readLine(stdout));
            assertEquals("ERROR unknown command 'bogus' (try: help)", readLine(stdout));
            assertTrue(readLine(stdout).startsWith("OK {\"ok\":true,\"channel\":5,\"message_id\":"));
            assertTrue(process.isAlive());
        } finally {
            process.destroy();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "exits on SIGTERM");
        }
        assertEquals(143, process.exitValue());
    }
}
