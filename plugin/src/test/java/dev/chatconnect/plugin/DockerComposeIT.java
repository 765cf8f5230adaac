package dev.chatconnect.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@code docker compose up} for real: the stack of docker-compose.yml (Kafka, Schema Registry, Connect with the plugin
 * folder the build made, the emulator image, the registration job) comes up and the three connectors of config/ reach
 * RUNNING, and the Mixer source's Avro schema lands in Schema Registry.
 *
 * <p>Needs a Docker engine and the {@code docker compose} CLI: skipped without them (no Docker on the build machines),
 * so it never fails a build there.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerComposeIT {
    private static final Duration STARTUP = Duration.ofMinutes(6);
    private static final List<String> CONNECTORS = List.of("mixer-source", "osu-source", "chat-sink");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ComposeContainer compose;
    private static String connectUrl;
    private static String registryUrl;

    @BeforeAll
    static void composeUp() throws Exception {
        Assumptions.assumeTrue(composeCliAvailable(), "the docker compose CLI is not installed");
        Path root = PluginFiles.repoRoot();
        Assumptions.assumeTrue(Files.exists(root.resolve("emulator/target/chat-emulator.jar")),
                "emulator/target/chat-emulator.jar not built (build the emulator module first)");
        PluginFiles.unpackedPluginDir(); // built by this module's package phase
        compose = new ComposeContainer(new File(root.toFile(), "docker-compose.yml"))
                .withLocalCompose(true)
                .withBuild(true)
                .withRemoveVolumes(true)
                .withStartupTimeout(STARTUP)
                .withLogConsumer("connect", new Slf4jLogConsumer(LoggerFactory.getLogger("compose.connect")))
                .withLogConsumer("register-connectors", new Slf4jLogConsumer(LoggerFactory.getLogger("compose.register")))
                .withExposedService("connect", 8083, Wait.forHttp("/connectors").forStatusCode(200).withStartupTimeout(STARTUP))
                .withExposedService("schema-registry", 8081, Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(STARTUP));
        compose.start();
        connectUrl = "http://" + compose.getServiceHost("connect", 8083) + ":" + compose.getServicePort("connect", 8083);
        registryUrl = "http://" + compose.getServiceHost("schema-registry", 8081) + ":" + compose.getServicePort("schema-registry", 8081);
    }

    @AfterAll
    static void composeDown() {
        if (compose != null) {
            compose.stop();
        }
    }

    @Test
    void theRegisteredConnectorsAndTheirTasksRun() {
        Map<String, String> states = new TreeMap<>();
        PluginFiles.await(STARTUP, () -> {
            states.clear();
            JsonNode all = get(connectUrl + "/connectors?expand=status");
            if (all == null) {
                return false;
            }
            for (String name : CONNECTORS) {
                JsonNode status = all.path(name).path("status");
                StringBuilder state = new StringBuilder(status.path("connector").path("state").asText("ABSENT"));
                status.path("tasks").forEach(task -> state.append(' ').append(task.path("state").asText()));
                states.put(name, state.toString());
            }
            return states.values().stream().allMatch(s -> s.matches("RUNNING( RUNNING)+"));
        }, () -> "every connector and task RUNNING: " + states);
        JsonNode plugins = get(connectUrl + "/connector-plugins?connectorsOnly=true");
        assertTrue(plugins.toString().contains(PluginFiles.SOURCE_CONNECTOR) && plugins.toString().contains(PluginFiles.SINK_CONNECTOR),
                "both connectors from /opt/chatconnect/plugins: " + plugins);
        JsonNode stored = get(connectUrl + "/connectors/mixer-source/config");
        assertTrue(stored.path("mixer.oauth.token").asText().startsWith("${file:"), "the stored config keeps the placeholder");
    }

    @Test
    void theMixerSourceWritesAvroWithItsSchemaInTheRegistry() {
        PluginFiles.await(STARTUP, () -> {
            JsonNode subjects = get(registryUrl + "/subjects");
            return subjects != null && subjects.toString().contains("\"chat.mixer.events-value\"");
        }, () -> "subject chat.mixer.events-value in Schema Registry: " + get(registryUrl + "/subjects"));
        JsonNode latest = get(registryUrl + "/subjects/chat.mixer.events-value/versions/latest");
        assertEquals("AVRO", latest.path("schemaType").asText("AVRO"));
        assertTrue(latest.path("schema").asText().contains("ChatEvent"), latest.toString());
    }

    private static JsonNode get(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean composeCliAvailable() {
        try {
            Process process = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
