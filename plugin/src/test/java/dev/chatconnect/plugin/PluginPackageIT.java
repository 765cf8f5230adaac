package dev.chatconnect.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import dev.chatconnect.emulator.mixer.MixerChannel;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin as a worker gets it: the zip the build made, unzipped into a folder that is the {@code plugin.path} of a
 * real Connect worker (Kafka's in-JVM cluster kit), with the connector classes nowhere on this test's class path (the
 * pom removes the connector from it). The worker has to find both connectors there, in their own plugin class loader,
 * and run them against the emulator; secrets reach them through the FileConfigProvider, as in config/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginPackageIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private Path pluginPath;
    private Path secrets;
    private ChatEmulator emulator;
    private EmbeddedConnectCluster connect;

    @BeforeAll
    void startWorkerWithThePackagedPlugin() throws IOException {
        pluginPath = temp.resolve("plugins");
        PluginFiles.unzip(PluginFiles.zip(), pluginPath);

        emulator = ChatEmulator.start(EmulatorOptions.builder().mixerChannelCount(2).osuChannelCount(0).build());
        secrets = temp.resolve("secrets").resolve("secrets.properties");
        Files.createDirectories(secrets.getParent());
        Properties values = new Properties();
        emulator.connectorConfig().forEach((key, value) -> {
            if (key.equals("mixer.oauth.token") || key.equals("mixer.client.id")) {
                values.setProperty(key, value);
            }
        });
        try (Writer out = Files.newBufferedWriter(secrets, StandardCharsets.UTF_8)) {
            values.store(out, "PluginPackageIT");
        }

        Map<String, String> worker = new HashMap<>();
        worker.put("plugin.path", pluginPath.toString());
        // the connector jar declares both connectors in META-INF/services: the fast, scan-free discovery suffices
        worker.put("plugin.discovery", "service_load");
        worker.put("offset.flush.interval.ms", "500");
        worker.put("key.converter", StringConverter.class.getName());
        worker.put("value.converter", JsonConverter.class.getName());
        worker.put("value.converter.schemas.enable", "false");
        worker.put("config.providers", "file");
        worker.put("config.providers.file.class", FileConfigProvider.class.getName());
        worker.put("config.providers.file.param.allowed.paths", secrets.getParent().toString());
        connect = new EmbeddedConnectCluster.Builder()
                .name("plugin-package-it")
                .numWorkers(1)
                .numBrokers(1)
                .workerProps(worker)
                .build();
        connect.start();
    }

    @AfterAll
    void stop() {
        if (connect != null) {
            connect.stop();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void theConnectorClassesAreNotOnTheTestsClassPath() {
        for (String name : List.of(PluginFiles.SOURCE_CONNECTOR, PluginFiles.SINK_CONNECTOR)) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name),
                    name + " must come from plugin.path only, else the test proves nothing about the package");
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name, false, ClassLoader.getSystemClassLoader()));
        }
        String classPath = System.getProperty("java.class.path");
        assertFalse(classPath.contains("chatconnect-connector"), "connector jar on the class path: " + classPath);
        assertFalse(classPath.contains("connector" + java.io.File.separator + "target" + java.io.File.separator + "classes"),
                "connector classes on the class path: " + classPath);
    }

    @Test
    void theWorkerFindsBothConnectorsInThePluginPath() throws IOException {
        JsonNode plugins = get("connector-plugins?connectorsOnly=true");
        Map<String, JsonNode> byClass = new HashMap<>();
        plugins.forEach(plugin -> byClass.put(plugin.path("class").asText(), plugin));
        assertTrue(byClass.containsKey(PluginFiles.SOURCE_CONNECTOR), "GET /connector-plugins: " + plugins);
        assertTrue(byClass.containsKey(PluginFiles.SINK_CONNECTOR), "GET /connector-plugins: " + plugins);
        assertEquals("source", byClass.get(PluginFiles.SOURCE_CONNECTOR).path("type").asText());
        assertEquals("sink", byClass.get(PluginFiles.SINK_CONNECTOR).path("type").asText());
        String version = expectedVersion();
        assertEquals(version, byClass.get(PluginFiles.SOURCE_CONNECTOR).path("version").asText(), "version the source reports");
        assertEquals(version, byClass.get(PluginFiles.SINK_CONNECTOR).path("version").asText(), "version the sink reports");
    }

    @Test
    void theSourceFromThePackageStreamsMixerMessagesIntoATopic() throws Exception {
        long channelId = emulator.mixer().channelIds().get(0);
        MixerChannel channel = emulator.mixer().channel(channelId);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // in the channel's history before the connector starts: backfilled
            texts.add("before start " + i);
            channel.postMessage("Jolet", 11233131, texts.get(texts.size() - 1));
        }
        String topic = "plugin.mixer.events";
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", PluginFiles.SOURCE_CONNECTOR);
        config.put("tasks.max", "1");
        config.put("channels", "mixer:" + channelId);
        config.put("topic", topic);
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "1");
        config.put("mixer.api.url", emulator.mixer().apiUrl());
        config.put("mixer.client.id", secret("mixer.client.id"));
        config.put("mixer.oauth.token", secret("mixer.oauth.token"));
        config.put("reconnect.backoff.initial.ms", "100");
        config.put("reconnect.backoff.max.ms", "1000");
        assertNoValidationErrors("ChatSourceConnector", config);

        connect.configureConnector("packaged-mixer-source", config);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("packaged-mixer-source", 1, "source to run");
        PluginFiles.await(WAIT, () -> emulator.mixer().connectedSockets(channelId) >= 1, () -> "the source's socket in " + channelId);
        for (int i = 0; i < 3; i++) { // live
            texts.add("live " + i);
            channel.postMessage("Covent", 392874, texts.get(texts.size() - 1));
        }

        List<String> values = new ArrayList<>();
        PluginFiles.await(WAIT, () -> {
            values.clear();
            try {
                for (ConsumerRecord<byte[], byte[]> record : connect.kafka().consumeAll(10_000, topic)) {
                    values.add(new String(record.value(), StandardCharsets.UTF_8));
                }
            } catch (Exception notYet) { // the topic is created with the first record
                return false;
            }
            return texts.stream().allMatch(text -> values.stream().anyMatch(value -> value.contains(text)));
        }, () -> "records with " + texts + " in " + topic + ", got " + values);
        JsonNode first = JSON.readTree(values.stream().filter(v -> v.contains("before start 0")).findFirst().orElseThrow());
        assertEquals("mixer", first.path("platform").asText(), first.toString());
        assertEquals(Long.toString(channelId), first.path("channel_id").asText(), first.toString());
        assertEquals("message", first.path("event_type").asText(), first.toString());
        assertFalse(values.stream().anyMatch(v -> v.contains(emulator.mixer().oauthToken())), "no secret in records");
        assertEquals(secret("mixer.oauth.token"), connect.connectorInfo("packaged-mixer-source").config().get("mixer.oauth.token"),
                "the stored config keeps the placeholder, not the token");
        connect.deleteConnector("packaged-mixer-source");
    }

    @Test
    void theSinkFromThePackageSendsToAMixerChannel() throws Exception {
        long channelId = emulator.mixer().channelIds().get(1);
        String topic = "plugin.outbound";
        connect.kafka().createTopic(topic, 1);
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", PluginFiles.SINK_CONNECTOR);
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("allowed.channels", "mixer:" + channelId);
        config.put("mixer.api.url", emulator.mixer().apiUrl());
        config.put("mixer.client.id", secret("mixer.client.id"));
        config.put("mixer.oauth.token", secret("mixer.oauth.token"));
        config.put("mixer.reply.timeout.ms", "2000");
        config.put("send.retry.backoff.initial.ms", "100");
        config.put("send.retry.backoff.max.ms", "1000");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", topic + ".dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        assertNoValidationErrors("ChatSinkConnector", config);

        connect.configureConnector("packaged-chat-sink", config);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("packaged-chat-sink", 1, "sink to run");
        List<String> texts = IntStream.range(0, 3).mapToObj(i -> "from the packaged sink " + i).toList();
        for (String text : texts) {
            connect.kafka().produce(topic, "mixer:" + channelId, JSON.writeValueAsString(Map.of(
                    "platform", "mixer", "channel", Long.toString(channelId), "text", text, "action", false)));
        }

        MixerChannel channel = emulator.mixer().channel(channelId);
        PluginFiles.await(WAIT, () -> channel.sentMessages().size() >= texts.size(),
                () -> texts.size() + " messages sent to Mixer channel " + channelId + ", got " + channel.sentMessages());
        assertEquals(texts, channel.sentMessages().stream().map(MixerChannel.SentMessage::text).toList(), "in record order");
        assertTrue(channel.sentMessages().stream().allMatch(m -> m.userId() == emulator.mixer().botUserId()), "sent as the bot");
        connect.deleteConnector("packaged-chat-sink");
    }

    private String secret(String key) {
        return "${file:" + secrets + ":" + key + "}";
    }

    private void assertNoValidationErrors(String connectorType, Map<String, String> config) {
        Map<String, String> named = new HashMap<>(config);
        named.put("name", "validate-" + connectorType);
        ConfigInfos result = connect.validateConnectorConfig(connectorType, named);
        List<String> errors = new ArrayList<>();
        result.configs().forEach(info -> {
            if (!info.configValue().errors().isEmpty()) {
                errors.add(info.configValue().name() + ": " + info.configValue().errors());
            }
        });
        assertEquals(0, result.errorCount(), connectorType + " validation through the worker: " + errors);
    }

    private JsonNode get(String resource) throws IOException {
        try (jakarta.ws.rs.core.Response response = connect.requestGet(connect.endpointForResource(resource))) {
            assertEquals(200, response.getStatus(), "GET /" + resource);
            return JSON.readTree(String.valueOf(response.getEntity())); // the kit answers with the body as entity
        }
    }

    /** What Version.get() answers from the packaged jar: its manifest's Implementation-Version, else "dev". */
    private String expectedVersion() throws IOException {
        Path jar;
        try (var files = Files.walk(pluginPath)) {
            jar = files.filter(p -> p.getFileName().toString().startsWith("chatconnect-connector-")).findFirst().orElseThrow();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            String version = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue("Implementation-Version");
            return version == null ? "dev" : version;
        }
    }
}
