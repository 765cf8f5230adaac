package dev.chatconnect.connector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatconnect.connector.sink.ChatSinkConnector;
import dev.chatconnect.connector.source.ChatSourceConnector;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.SinkConnectorConfig;
import org.apache.kafka.connect.runtime.SourceConnectorConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The configs shipped in config/ (and in the plugin zip's etc/) are valid: every connector config (JSON for the REST
 * API, .properties for standalone mode) passes the connector's own {@code validate()} and Connect's checks once its
 * {@code ${file:...}} placeholders are resolved to dummy values, holds no secret literally, and has no unknown key;
 * the JSON and .properties variants of a connector agree; the worker configs parse and declare plugin.path,
 * converters and the file config provider.
 */
class ShippedConfigsTest {
    private static final Path CONFIG_DIR = Path.of("..", "config").toAbsolutePath().normalize();
    private static final String SECRETS_FILE = "/etc/chatconnect/secrets.properties";
    private static final Set<String> WORKER_FILES = Set.of("connect-distributed.properties", "connect-standalone.properties");
    /** Connect's own connector-level settings that are prefixes, not ConfigDef keys */
    private static final List<String> FRAMEWORK_PREFIXES = List.of("topic.creation.", "transforms.", "predicates.",
            "producer.override.", "consumer.override.", "admin.override.", "key.converter.", "value.converter.",
            "header.converter.");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A connector config as shipped: its name and settings, and which file it came from. */
    record Shipped(String file, String name, Map<String, String> config) {
        @Override
        public String toString() {
            return file;
        }

        boolean isSink() {
            return ChatSinkConnector.class.getName().equals(config.get("connector.class"));
        }
    }

    static Stream<Shipped> connectorConfigs() throws IOException {
        List<Shipped> configs = new ArrayList<>();
        for (Path file : configFiles()) {
            String fileName = file.getFileName().toString();
            if (fileName.endsWith(".json")) {
                JsonNode root = JSON.readTree(file.toFile());
                Map<String, String> config = new LinkedHashMap<>();
                root.path("config").fields().forEachRemaining(e -> {
                    if (!e.getValue().isTextual()) {
                        fail(fileName + ": " + e.getKey() + " must be a JSON string (Connect's REST API takes strings), got " + e.getValue());
                    }
                    config.put(e.getKey(), e.getValue().asText());
                });
                configs.add(new Shipped(fileName, root.path("name").asText(null), config));
            } else if (fileName.endsWith(".properties") && !WORKER_FILES.contains(fileName)) {
                Map<String, String> config = load(file);
                String name = config.remove("name");
                configs.add(new Shipped(fileName, name, config));
            }
        }
        assertFalse(configs.isEmpty(), "no connector configs in " + CONFIG_DIR);
        return configs.stream();
    }

    static Stream<String> workerConfigs() {
        return WORKER_FILES.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectorConfigs")
    void everyConnectorConfigPassesValidation(Shipped shipped) {
        assertTrue(shipped.name() != null && !shipped.name().isBlank(), shipped + ": no connector name");
        String connectorClass = shipped.config().get("connector.class");
        Connector connector;
        if (ChatSourceConnector.class.getName().equals(connectorClass)) {
            connector = new ChatSourceConnector();
        } else if (ChatSinkConnector.class.getName().equals(connectorClass)) {
            connector = new ChatSinkConnector();
        } else {
            throw new AssertionError(shipped + ": connector.class is neither of the plugin's connectors: " + connectorClass);
        }

        Map<String, String> resolved = resolvePlaceholders(shipped);
        resolved.put("name", shipped.name());
        List<String> errors = new ArrayList<>();
        collectErrors(connector.validate(resolved).configValues(), errors);
        ConfigDef framework = shipped.isSink() ? SinkConnectorConfig.configDef() : SourceConnectorConfig.configDef();
        collectErrors(framework.validate(resolved), errors);
        if (shipped.isSink()) {
            Map<String, ConfigValue> sinkChecks = new HashMap<>();
            for (ConfigValue value : framework.validate(resolved)) {
                sinkChecks.put(value.name(), value);
            }
            SinkConnectorConfig.validate(resolved, sinkChecks);
            collectErrors(sinkChecks.values(), errors);
        }
        assertEquals(List.of(), errors, shipped + ": field errors");

        Set<String> known = new TreeSet<>(connector.config().names());
        known.addAll(framework.names());
        List<String> unknown = shipped.config().keySet().stream()
                .filter(key -> !known.contains(key) && FRAMEWORK_PREFIXES.stream().noneMatch(key::startsWith))
                .toList();
        assertEquals(List.of(), unknown, shipped + ": keys neither the connector nor Connect knows (typos?)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectorConfigs")
    void secretsComeFromTheConfigProviderNeverLiterally(Shipped shipped) throws IOException {
        ConfigDef def = shipped.isSink() ? ChatSinkConfig.CONFIG_DEF : ChatSourceConfig.CONFIG_DEF;
        Set<String> documentedSecrets = load(CONFIG_DIR.resolve("secrets.properties.example")).keySet();
        for (Map.Entry<String, String> entry : shipped.config().entrySet()) {
            ConfigDef.ConfigKey key = def.configKeys().get(entry.getKey());
            if (key != null && key.type == ConfigDef.Type.PASSWORD) {
                assertTrue(entry.getValue().matches("\\$\\{file:[^}]+}"),
                        shipped + ": " + entry.getKey() + " is a secret and must be a ${file:...} placeholder, is literal");
            }
        }
        Map<String, Set<String>> referenced = new TreeMap<>();
        resolvePlaceholders(shipped, referenced);
        for (Map.Entry<String, Set<String>> file : referenced.entrySet()) {
            assertEquals(SECRETS_FILE, file.getKey(), shipped + ": placeholders read " + SECRETS_FILE + " (the path the workers allow)");
            for (String key : file.getValue()) {
                assertTrue(documentedSecrets.contains(key), shipped + ": " + key + " is not in config/secrets.properties.example");
            }
        }
    }

    @Test
    void theJsonAndPropertiesVariantsOfAConnectorAgree() throws IOException {
        Map<String, Shipped> byFile = new TreeMap<>();
        connectorConfigs().forEach(shipped -> byFile.put(shipped.file(), shipped));
        Set<String> names = new TreeSet<>();
        for (Shipped json : byFile.values()) {
            if (!json.file().endsWith(".json")) {
                continue;
            }
            String base = json.file().substring(0, json.file().length() - ".json".length());
            Shipped properties = byFile.get(base + ".properties");
            assertTrue(properties != null, json + " has no standalone twin " + base + ".properties");
            assertEquals(base, json.name(), json + ": connector name = file name");
            assertEquals(json.name(), properties.name(), properties + ": name");
            Map<String, String> expected = new TreeMap<>();
            // the JSON variants target docker-compose's emulator service, the standalone ones an emulator on this host
            json.config().forEach((key, value) -> expected.put(key, value.replace("//emulator:8080", "//127.0.0.1:8080")));
            assertEquals(expected, new TreeMap<>(properties.config()), properties + " = " + json + " apart from the emulator's host");
            names.add(json.name());
        }
        assertEquals(Set.of("mixer-source", "osu-source", "chat-sink"), names, "connectors shipped for the REST API");
        for (Shipped shipped : byFile.values()) {
            assertTrue(byFile.containsKey(shipped.file().replaceAll("\\.properties$", ".json")), shipped + " has no JSON twin");
        }
    }

    @Test
    void theJsonConfigsTargetTheComposeEmulatorService() throws IOException {
        connectorConfigs().filter(shipped -> shipped.file().endsWith(".json")).forEach(shipped -> shipped.config().forEach((key, value) -> {
            if (key.endsWith(".url")) {
                assertTrue(value.startsWith("http://emulator:8080/") || value.startsWith("ws://emulator:8080/"),
                        shipped + ": " + key + " = " + value + " (docker-compose.yml's emulator service)");
            }
        }));
    }

    @Test
    void theSinkDeadLettersWhatItCannotSend() throws IOException {
        List<Shipped> sinks = connectorConfigs().filter(Shipped::isSink).toList();
        assertFalse(sinks.isEmpty(), "a sink config is shipped");
        for (Shipped sink : sinks) {
            assertEquals("all", sink.config().get("errors.tolerance"), sink + ": errors.tolerance");
            String dlq = sink.config().get("errors.deadletterqueue.topic.name");
            assertTrue(dlq != null && !dlq.isBlank(), sink + ": a dead-letter topic");
            assertFalse(List.of(sink.config().get("topics").split(",")).contains(dlq), sink + ": the DLQ is not an input topic");
            assertFalse(sink.config().getOrDefault("allowed.channels", "").isBlank(), sink + ": allowed.channels");
            assertEquals("false", sink.config().getOrDefault("allow.all", "false"), sink + ": no allow.all in a shipped config");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workerConfigs")
    void workerConfigsParseAndDeclarePluginPathConvertersAndTheFileProvider(String fileName, @TempDir Path secretsDir) throws IOException {
        Map<String, String> props = load(CONFIG_DIR.resolve(fileName));
        for (String key : List.of("bootstrap.servers", "plugin.path", "key.converter", "value.converter", "config.providers")) {
            assertFalse(props.getOrDefault(key, "").isBlank(), fileName + ": " + key);
        }
        assertTrue(List.of(props.get("config.providers").split("\\s*,\\s*")).contains("file"), fileName + ": config.providers");
        assertEquals(FileConfigProvider.class.getName(), props.get("config.providers.file.class"), fileName);
        assertEquals("/etc/chatconnect", props.get("config.providers.file.param.allowed.paths"),
                fileName + ": the provider may read the secrets folder (and nothing else)");
        assertTrue(SECRETS_FILE.startsWith(props.get("config.providers.file.param.allowed.paths") + "/"));

        // Connect's own parsing. Confluent's AvroConverter is not on this class path: parse with a stand-in converter.
        Map<String, String> parseable = new HashMap<>(props);
        for (String converter : List.of("key.converter", "value.converter")) {
            if (props.get(converter).startsWith("io.confluent.")) {
                assertEquals("io.confluent.connect.avro.AvroConverter", props.get(converter), fileName);
                assertFalse(props.getOrDefault(converter + ".schema.registry.url", "").isBlank(),
                        fileName + ": " + converter + ".schema.registry.url");
                parseable.put(converter, JsonConverter.class.getName());
            }
        }
        // The worker configures its config providers while parsing its own config, and FileConfigProvider refuses an
        // allowed.paths folder that does not exist: a worker without /etc/chatconnect does not start. Parse with one
        // that exists here.
        parseable.put("config.providers.file.param.allowed.paths", secretsDir.toString());
        AbstractConfig parsed = fileName.contains("distributed") ? new DistributedConfig(parseable) : new StandaloneConfig(parseable);
        Set<String> known = parsed.values().keySet();
        List<String> unknown = props.keySet().stream()
                .filter(key -> !known.contains(key))
                .filter(key -> !key.startsWith("key.converter.") && !key.startsWith("value.converter.")
                        && !key.startsWith("config.providers.") && !key.startsWith("producer.")
                        && !key.startsWith("consumer.") && !key.startsWith("admin."))
                .toList();
        assertEquals(List.of(), unknown, fileName + ": keys the worker does not know (typos?)");
    }

    @Test
    void everyFileInTheConfigFolderIsCovered() throws IOException {
        for (Path file : configFiles()) {
            String name = file.getFileName().toString();
            boolean covered = name.endsWith(".json") || name.endsWith(".properties") || name.equals("README.md")
                    || name.equals("secrets.properties.example");
            assertTrue(covered, "config/" + name + " is checked by no test here");
        }
        assertTrue(Files.exists(CONFIG_DIR.resolve("secrets.properties.example")));
        assertFalse(Files.exists(CONFIG_DIR.resolve("secrets.properties")), "a real secrets file in config/ (it would ship in the zip)");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static List<Path> configFiles() throws IOException {
        assertTrue(Files.isDirectory(CONFIG_DIR), CONFIG_DIR + " exists");
        try (Stream<Path> list = Files.list(CONFIG_DIR)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Map<String, String> load(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        Map<String, String> map = new LinkedHashMap<>();
        props.stringPropertyNames().stream().sorted().forEach(key -> map.put(key, props.getProperty(key)));
        return map;
    }

    private static Map<String, String> resolvePlaceholders(Shipped shipped) {
        return resolvePlaceholders(shipped, new TreeMap<>());
    }

    /**
     * Resolves ${provider:path:key} the way a worker does (Kafka's ConfigTransformer), with a file provider that answers
     * every key with a dummy value and records what was asked for. Any other provider, or a placeholder left over,
     * fails: the shipped workers declare only "file".
     */
    private static Map<String, String> resolvePlaceholders(Shipped shipped, Map<String, Set<String>> referenced) {
        ConfigProvider dummies = new ConfigProvider() {
            @Override
            public void configure(Map<String, ?> configs) {
            }

            @Override
            public ConfigData get(String path) {
                throw new AssertionError(shipped + ": ${file:" + path + "} without a key");
            }

            @Override
            public ConfigData get(String path, Set<String> keys) {
                referenced.computeIfAbsent(path, p -> new TreeSet<>()).addAll(keys);
                Map<String, String> data = new HashMap<>();
                keys.forEach(key -> data.put(key, "dummy-" + key));
                return new ConfigData(data);
            }

            @Override
            public void close() {
            }
        };
        Map<String, String> resolved = new HashMap<>(new ConfigTransformer(Map.of("file", dummies)).transform(shipped.config()).data());
        Pattern leftover = Pattern.compile("\\$\\{[^}]*:[^}]*}");
        resolved.forEach((key, value) -> {
            Matcher m = leftover.matcher(value);
            if (m.find()) {
                fail(shipped + ": " + key + " keeps the unresolved placeholder " + m.group() + " (only the file provider exists)");
            }
        });
        return resolved;
    }

    private static void collectErrors(Iterable<ConfigValue> values, List<String> errors) {
        for (ConfigValue value : values) {
            if (!value.errorMessages().isEmpty()) {
                errors.add(value.name() + ": " + value.errorMessages());
            }
        }
    }
}
