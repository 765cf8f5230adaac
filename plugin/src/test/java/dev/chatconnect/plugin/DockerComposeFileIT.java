package dev.chatconnect.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml (no Docker needed): parsed as YAML and checked against the repository, the build's output, the
 * worker config in config/ and the emulator, so that {@code docker compose up} has what it mounts, builds and registers.
 * Runs after the package phase, so the plugin folder it mounts exists.
 */
class DockerComposeFileIT {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{file:([^:}]+):([^}]+)}");
    private static final Set<String> BUILD_OUTPUT_DIRS = Set.of("plugin/target/", "emulator/target/");

    private static Path root;
    private static JsonNode compose;
    private static JsonNode services;

    @BeforeAll
    static void parse() throws IOException {
        root = PluginFiles.repoRoot();
        compose = YAML.readTree(root.resolve("docker-compose.yml").toFile());
        services = compose.path("services");
        assertTrue(services.isObject() && services.size() > 0, "services in docker-compose.yml");
    }

    @Test
    void theServicesAreThereAndTheConfluentImagesArePinnedToOneRelease() {
        assertEquals(Set.of("kafka", "schema-registry", "connect", "emulator", "register-connectors"), fieldNames(services));
        Map<String, String> confluent = new TreeMap<>();
        for (String service : List.of("kafka", "schema-registry", "connect")) {
            String image = service(service).path("image").asText();
            Matcher m = Pattern.compile("confluentinc/(cp-[a-z-]+):(\\d+)\\.(\\d+)\\.(\\d+)").matcher(image);
            assertTrue(m.matches(), service + ": a pinned confluentinc image, got " + image);
            assertTrue(Set.of("7", "8").contains(m.group(2)), service + ": a 7.x or 8.x release: " + image);
            confluent.put(m.group(1), image.substring(image.indexOf(':') + 1));
        }
        assertEquals(Set.of("cp-kafka", "cp-schema-registry", "cp-kafka-connect"), confluent.keySet());
        assertEquals(1, new TreeSet<>(confluent.values()).size(), "one Confluent Platform release for all: " + confluent);
        assertTrue(service("register-connectors").path("image").asText().matches("curlimages/curl:\\d+\\.\\d+\\.\\d+"),
                "a pinned curl image");
    }

    @Test
    void kafkaRunsInKraftModeAndEveryBootstrapAddressIsOneItAdvertises() {
        Map<String, String> kafka = env("kafka");
        assertEquals("broker,controller", kafka.get("KAFKA_PROCESS_ROLES"), "one KRaft node, no ZooKeeper");
        assertFalse(kafka.containsKey("KAFKA_ZOOKEEPER_CONNECT"));
        Uuid.fromString(kafka.get("CLUSTER_ID")); // throws unless 16 bytes in base64url, as KRaft's storage format wants
        assertTrue(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS").startsWith(kafka.get("KAFKA_NODE_ID") + "@"));
        List<String> advertised = new ArrayList<>();
        for (String listener : kafka.get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            advertised.add(listener.substring(listener.indexOf("://") + 3));
        }
        assertTrue(advertised.contains(env("connect").get("CONNECT_BOOTSTRAP_SERVERS")), "Connect's bootstrap " + advertised);
        String registryBootstrap = env("schema-registry").get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS");
        assertTrue(advertised.contains(registryBootstrap.substring(registryBootstrap.indexOf("://") + 3)), "Schema Registry's bootstrap");
    }

    @Test
    void everyDependencyAndSharedNetworkNamesAService() {
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            JsonNode dependsOn = service.getValue().path("depends_on");
            Set<String> dependencies = dependsOn.isArray() ? new TreeSet<>(texts(dependsOn)) : fieldNames(dependsOn);
            for (String dependency : dependencies) {
                assertTrue(services.has(dependency), service.getKey() + " depends on unknown service " + dependency);
                if (dependsOn.isObject()) {
                    String condition = dependsOn.path(dependency).path("condition").asText();
                    if (condition.equals("service_healthy")) {
                        assertTrue(service(dependency).has("healthcheck"), service.getKey() + " waits for " + dependency
                                + " to be healthy, which has no healthcheck");
                    }
                }
            }
            String networkMode = service.getValue().path("network_mode").asText("");
            if (networkMode.startsWith("service:")) {
                String shared = networkMode.substring("service:".length());
                assertTrue(services.has(shared), service.getKey() + " shares the network of unknown service " + shared);
                assertTrue(dependencies.contains(shared), service.getKey() + " must start after " + shared);
                assertFalse(service.getValue().has("ports"), service.getKey() + ": no ports with network_mode service:");
            }
        }
        JsonNode registerDeps = service("register-connectors").path("depends_on");
        assertEquals("service_healthy", registerDeps.path("connect").path("condition").asText(), "register after Connect is up");
        assertEquals("service_healthy", registerDeps.path("emulator").path("condition").asText(), "register after the secrets exist");
    }

    @Test
    void everyMountedHostPathExistsOrIsBuiltAndEveryNamedVolumeIsDeclared() {
        Set<String> declaredVolumes = fieldNames(compose.path("volumes"));
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            for (Mount mount : mounts(service.getKey())) {
                if (mount.isBind()) {
                    assertTrue(mount.source.startsWith("./"), service.getKey() + ": bind mounts are relative to the checkout: " + mount);
                    assertBuiltOrInRepo(service.getKey() + " mounts " + mount.source, mount.source.substring(2));
                } else {
                    assertTrue(declaredVolumes.contains(mount.source), service.getKey() + ": undeclared volume " + mount.source);
                }
            }
        }
    }

    @Test
    void thePluginMountIsOnThePluginPathAndHoldsThePackagedPlugin() throws IOException {
        Mount plugin = mounts("connect").stream().filter(m -> m.source.equals("./plugin/target/plugin-path")).findFirst()
                .orElseThrow(() -> new AssertionError("connect mounts ./plugin/target/plugin-path: " + mounts("connect")));
        assertTrue(plugin.readOnly, "the plugin is mounted read-only");
        List<String> pluginPath = List.of(env("connect").get("CONNECT_PLUGIN_PATH").split(","));
        assertTrue(pluginPath.contains(plugin.target), "mount target " + plugin.target + " on the worker's plugin.path " + pluginPath);
        assertEquals(List.of(plugin.target), pluginPath.stream().filter(p -> p.startsWith(plugin.target)).toList(),
                "plugin.path names the folder that holds the plugin folder, not the plugin folder itself");
        Path hostDir = root.resolve("plugin/target/plugin-path");
        assertEquals(PluginFiles.unpackedPluginDir(), hostDir.resolve("chatconnect").toAbsolutePath().normalize());
        try (Stream<Path> lib = Files.list(hostDir.resolve("chatconnect").resolve("lib"))) {
            assertTrue(lib.anyMatch(p -> p.getFileName().toString().startsWith("chatconnect-connector-")),
                    "the connector jar is in the mounted folder");
        }
    }

    @Test
    void theWorkerEnvironmentIsConnectDistributedPropertiesKeyForKey() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        load(root.resolve("config/connect-distributed.properties")).forEach((key, value) -> expected.put(envName(key), value));
        Map<String, String> actual = new TreeMap<>(env("connect"));
        actual.keySet().removeIf(name -> !name.startsWith("CONNECT_"));
        assertEquals(expected, actual, "config/connect-distributed.properties as CONNECT_* variables of the connect service");
    }

    @Test
    void convertersAreAvroWithTheSchemaRegistryOfThisFile() throws Exception {
        Map<String, String> connect = env("connect");
        assertEquals("io.confluent.connect.avro.AvroConverter", connect.get("CONNECT_VALUE_CONVERTER"));
        Class.forName(connect.get("CONNECT_KEY_CONVERTER")); // Kafka's own StringConverter: must exist
        URI registry = URI.create(connect.get("CONNECT_VALUE_CONVERTER_SCHEMA_REGISTRY_URL"));
        assertTrue(services.has(registry.getHost()), "the registry URL names a service: " + registry);
        assertEquals("schema-registry", registry.getHost());
        URI listener = URI.create(env("schema-registry").get("SCHEMA_REGISTRY_LISTENERS").split(",")[0]);
        assertEquals(listener.getPort(), registry.getPort(), "Schema Registry's listener port");
    }

    @Test
    void theSecretsFileReachesConnectWhereTheConfigsAndTheProviderExpectIt() throws IOException {
        Set<String> files = new TreeSet<>();
        Set<String> keys = new TreeSet<>();
        for (Path json : connectorJsonFiles()) {
            Matcher m = PLACEHOLDER.matcher(Files.readString(json));
            while (m.find()) {
                files.add(m.group(1));
                keys.add(m.group(2));
            }
        }
        assertEquals(Set.of("/etc/chatconnect/secrets.properties"), files, "the one secrets file the configs read");
        String secretsDir = "/etc/chatconnect";
        Mount connectSecrets = mounts("connect").stream().filter(m -> m.target.equals(secretsDir)).findFirst()
                .orElseThrow(() -> new AssertionError("connect mounts " + secretsDir));
        assertTrue(connectSecrets.readOnly, "Connect reads the secrets, never writes them");
        assertEquals(secretsDir, env("connect").get("CONNECT_CONFIG_PROVIDERS_FILE_PARAM_ALLOWED_PATHS"));
        Mount emulatorSecrets = mounts("emulator").stream().filter(m -> m.source.equals(connectSecrets.source)).findFirst()
                .orElseThrow(() -> new AssertionError("the emulator writes into Connect's secrets volume " + connectSecrets.source));
        String dockerfile = Files.readString(root.resolve("emulator/Dockerfile"));
        Matcher secretsFile = Pattern.compile("SECRETS_FILE=(\\S+)").matcher(dockerfile);
        assertTrue(secretsFile.find(), "emulator/Dockerfile sets SECRETS_FILE");
        assertEquals(emulatorSecrets.target + "/secrets.properties", secretsFile.group(1), "where the emulator writes it");

        String entrypoint = Files.readString(root.resolve("docker/emulator-entrypoint.sh"));
        Matcher written = Pattern.compile("(?m)^keys=\"([^\"]+)\"").matcher(entrypoint);
        assertTrue(written.find(), "docker/emulator-entrypoint.sh lists the keys it writes");
        Set<String> writtenKeys = new TreeSet<>(List.of(written.group(1).trim().split("\\s+")));
        assertTrue(writtenKeys.containsAll(keys), "keys the configs read " + keys + ", keys the emulator writes " + writtenKeys);
        assertEquals(load(root.resolve("config/secrets.properties.example")).keySet(), writtenKeys, "config/secrets.properties.example");
        try (ChatEmulator emulator = ChatEmulator.start(EmulatorOptions.builder().build())) {
            assertTrue(emulator.connectorConfig().keySet().containsAll(writtenKeys),
                    "the emulator's EMULATOR line carries every key the entrypoint extracts: " + emulator.connectorConfig().keySet());
        }
    }

    @Test
    void theRegistrationJobPostsEveryConnectorConfigOfConfigFolder() throws IOException {
        JsonNode job = service("register-connectors");
        Mount config = mounts("register-connectors").stream().filter(m -> m.source.equals("./config")).findFirst()
                .orElseThrow(() -> new AssertionError("register-connectors mounts ./config"));
        Mount script = mounts("register-connectors").stream().filter(m -> m.source.equals("./docker/register-connectors.sh")).findFirst()
                .orElseThrow(() -> new AssertionError("register-connectors mounts the script"));
        assertTrue(texts(job.path("entrypoint")).contains(script.target), "the job runs the mounted script: " + job.path("entrypoint"));
        Set<String> registered = new TreeSet<>();
        for (JsonNode argument : job.path("command")) {
            String path = argument.asText();
            assertTrue(path.startsWith(config.target + "/"), "a file of the mounted config folder: " + path);
            String file = path.substring(config.target.length() + 1);
            assertTrue(Files.isRegularFile(root.resolve("config").resolve(file)), "config/" + file + " exists");
            registered.add(file);
        }
        Set<String> shipped = new TreeSet<>();
        for (Path json : connectorJsonFiles()) {
            shipped.add(json.getFileName().toString());
            JsonNode body = JSON.readTree(json.toFile());
            assertTrue(body.path("name").isTextual() && body.path("config").isObject(), json + ": POST /connectors body");
        }
        assertEquals(Set.of("mixer-source.json", "osu-source.json", "chat-sink.json"), registered);
        assertEquals(shipped, registered, "every JSON connector config is registered");
        assertEquals("http://connect:8083", env("register-connectors").get("CONNECT_URL"));
        assertTrue(services.has("connect"));
    }

    @Test
    void theEmulatorIsBuiltFromItsDockerfileAndReachableUnderTheNameTheConfigsUse() throws IOException {
        JsonNode emulator = service("emulator");
        Path context = root.resolve(emulator.path("build").path("context").asText()).normalize();
        assertEquals(root.normalize(), context, "build context: the checkout");
        assertEquals("emulator/Dockerfile", emulator.path("build").path("dockerfile").asText());
        String dockerfile = Files.readString(root.resolve("emulator/Dockerfile"));
        assertTrue(dockerfile.contains("FROM eclipse-temurin:17-jre"), "on eclipse-temurin:17-jre");
        List<String> copied = new ArrayList<>();
        Matcher copy = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+\\S+").matcher(dockerfile);
        while (copy.find()) {
            copied.add(copy.group(1));
            assertBuiltOrInRepo("emulator/Dockerfile copies " + copy.group(1), copy.group(1));
        }
        assertTrue(copied.contains("emulator/target/chat-emulator.jar"), "the fat jar: " + copied);
        List<String> ignore = Files.readAllLines(root.resolve("emulator/Dockerfile.dockerignore"));
        for (String source : copied) {
            assertTrue(ignore.contains("!" + source), "emulator/Dockerfile.dockerignore lets " + source + " into the context");
        }

        // The emulator binds 127.0.0.1 and advertises 127.0.0.1 URLs (no host option), so it lives in Connect's network
        // namespace, where "emulator" has to resolve to 127.0.0.1.
        assertEquals("service:connect", emulator.path("network_mode").asText());
        assertTrue(texts(service("connect").path("extra_hosts")).contains("emulator:127.0.0.1"), "connect: emulator -> 127.0.0.1");
        List<String> command = new ArrayList<>(texts(emulator.path("command")));
        String port = command.get(command.indexOf("--port") + 1);
        for (Path json : connectorJsonFiles()) {
            JsonNode config = JSON.readTree(json.toFile()).path("config");
            for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getKey().endsWith(".url")) {
                    URI url = URI.create(entry.getValue().asText());
                    assertEquals("emulator", url.getHost(), json.getFileName() + ": " + entry.getKey());
                    assertEquals(Integer.parseInt(port), url.getPort(), json.getFileName() + ": " + entry.getKey() + " = the emulator's --port");
                }
            }
        }
    }

    @Test
    void theIdsInTheConnectorConfigsExistInTheComposeEmulator() throws IOException {
        List<String> command = texts(service("emulator").path("command"));
        EmulatorOptions.Builder options = EmulatorOptions.builder();
        for (int i = 0; i < command.size(); i++) {
            switch (command.get(i)) {
                case "--seed" -> options.seed(Long.parseLong(command.get(++i)));
                case "--mixer-channels" -> options.mixerChannelCount(Integer.parseInt(command.get(++i)));
                case "--osu-channels" -> options.osuChannelCount(Integer.parseInt(command.get(++i)));
                case "--port", "--rate" -> i++; // the in-JVM twin takes an ephemeral port and needs no traffic
                default -> fail("emulator option not covered by this test: " + command.get(i));
            }
        }
        assertTrue(command.contains("--seed"), "a fixed --seed: osu! user ids depend on it");
        Map<String, String> sink = config("chat-sink.json");
        Map<String, String> mixerSource = config("mixer-source.json");
        Map<String, String> osuSource = config("osu-source.json");
        try (ChatEmulator emulator = ChatEmulator.start(options.build())) {
            assertEquals(Long.toString(emulator.osu().botUserId()), sink.get("osu.sink.user.id"), "the emulator's osu! bot");
            for (String entry : sink.get("allowed.channels").split(",")) {
                String[] ref = entry.split(":", 2);
                if (ref[0].equals("mixer")) {
                    assertTrue(emulator.mixer().channelIds().contains(Long.parseLong(ref[1])), "Mixer channel " + entry);
                } else {
                    assertTrue(emulator.osu().channelIds().contains(Long.parseLong(ref[1])), "osu! channel " + entry);
                }
            }
            for (String entry : sink.get("allowed.users").split(",")) {
                String[] ref = entry.split(":", 2);
                if (ref[0].equals("osu")) {
                    assertTrue(emulator.osu().hasUser(Long.parseLong(ref[1])), "osu! user " + entry);
                    assertFalse(ref[1].equals(Long.toString(emulator.osu().botUserId())), "the bot cannot message itself");
                }
            }
            for (String entry : mixerSource.get("channels").split(",")) {
                assertTrue(emulator.mixer().channelIds().contains(Long.parseLong(entry.substring("mixer:".length()))), entry);
            }
            for (String entry : osuSource.get("channels").split(",")) {
                String channel = entry.substring("osu:".length());
                assertNotNull(emulator.osu().channelByName(channel), "osu! channel " + channel);
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** One entry of a service's volumes: host path or volume name, container path, read-only or not. */
    record Mount(String source, String target, boolean readOnly) {
        boolean isBind() {
            return source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
        }
    }

    private static List<Mount> mounts(String service) {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode volume : service(service).path("volumes")) {
            if (volume.isTextual()) {
                String[] parts = volume.asText().split(":");
                assertTrue(parts.length >= 2, service + ": volume " + volume);
                mounts.add(new Mount(parts[0], parts[1], parts.length > 2 && List.of(parts[2].split(",")).contains("ro")));
            } else {
                mounts.add(new Mount(volume.path("source").asText(), volume.path("target").asText(), volume.path("read_only").asBoolean()));
            }
        }
        return mounts;
    }

    /** A path relative to the checkout: in the repository, or build output (then it must exist now, after package). */
    private static void assertBuiltOrInRepo(String what, String relative) {
        Path path = root.resolve(relative).normalize();
        assertTrue(path.startsWith(root.normalize()), what + ": stays inside the checkout");
        boolean buildOutput = BUILD_OUTPUT_DIRS.stream().anyMatch(dir -> (relative + "/").startsWith(dir));
        if (buildOutput && relative.startsWith("emulator/target/") && !Files.exists(path)) {
            return; // built by the emulator module; absent only when this module is built alone (-pl plugin)
        }
        assertTrue(Files.exists(path), what + ": " + (buildOutput ? "the build did not produce " : "not in the repository: ") + path);
    }

    private static JsonNode service(String name) {
        JsonNode service = services.path(name);
        assertTrue(service.isObject(), "service " + name);
        return service;
    }

    private static Map<String, String> env(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode environment = service(service).path("environment");
        if (environment.isObject()) {
            environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        } else {
            for (JsonNode entry : environment) {
                String[] kv = entry.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return env;
    }

    /** The cp-kafka-connect image's naming: CONNECT_ + upper case, '.' -> '_', '_' -> '__', '-' -> '___'. */
    static String envName(String property) {
        return "CONNECT_" + property.toUpperCase(Locale.ROOT).replace("_", "__").replace("-", "___").replace(".", "_");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<Path> connectorJsonFiles() throws IOException {
        try (Stream<Path> list = Files.list(root.resolve("config"))) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Map<String, String> config(String file) throws IOException {
        Map<String, String> config = new TreeMap<>();
        JSON.readTree(root.resolve("config").resolve(file).toFile()).path("config").fields()
                .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        return config;
    }

    private static Map<String, String> load(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        Map<String, String> map = new TreeMap<>();
        props.stringPropertyNames().forEach(key -> map.put(key, props.getProperty(key)));
        return map;
    }
}
