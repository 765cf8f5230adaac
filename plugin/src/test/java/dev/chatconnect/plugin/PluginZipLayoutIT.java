package dev.chatconnect.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package the build made (package phase): a Confluent Hub style zip with manifest.json, lib/ (the connector and
 * Jackson, none of Kafka's jars), etc/ (config/) and doc/, and its unpacked copy under target/plugin-path.
 */
class PluginZipLayoutIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JACKSON = Pattern.compile("jackson-(core|databind|annotations)-[0-9][0-9.]*\\.jar");

    private static Path zip;
    private static String top;
    /** entry name below the top folder (files only) -> content */
    private static Map<String, byte[]> files;

    @BeforeAll
    static void readZip() throws IOException {
        zip = PluginFiles.zip();
        top = "chatconnect-kafka-connect-chat-" + PluginFiles.projectVersion() + "/";
        files = new TreeMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.getName().startsWith(top)) {
                    fail("entry " + entry.getName() + " is outside the component folder " + top);
                }
                if (!entry.isDirectory()) {
                    try (InputStream in = file.getInputStream(entry)) {
                        files.put(entry.getName().substring(top.length()), in.readAllBytes());
                    }
                }
            }
        }
    }

    @Test
    void theZipIsOneComponentFolderNamedOwnerNameVersion() throws IOException {
        assertEquals(top.substring(0, top.length() - 1) + ".zip", zip.getFileName().toString());
        assertEquals("packages", zip.getParent().getFileName().toString(), "target/components/packages/, as Confluent's plugin puts it");
        TreeSet<String> firstLevel = files.keySet().stream().map(name -> name.contains("/") ? name.substring(0, name.indexOf('/') + 1) : name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("doc/", "etc/", "lib/", "manifest.json")), firstLevel, "top level of " + top);
        List<String> entries = PluginFiles.entries(zip);
        assertTrue(entries.containsAll(List.of(top, top + "lib/", top + "etc/", top + "doc/")), "folder entries: " + entries);
    }

    @Test
    void theManifestDescribesTheComponent() throws IOException {
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertEquals("kafka-connect-chat", manifest.path("name").asText());
        assertEquals(PluginFiles.projectVersion(), manifest.path("version").asText());
        assertEquals("chatconnect", manifest.path("owner").path("username").asText());
        assertEquals(List.of("source", "sink"), stream(manifest.path("component_types")).map(JsonNode::asText).toList());
        assertTrue(manifest.path("release_date").asText().matches("\\d{4}-\\d{2}-\\d{2}"), "release_date " + manifest.path("release_date"));
        assertTrue(manifest.path("description").asText().contains(PluginFiles.SOURCE_CONNECTOR));
        assertTrue(manifest.path("description").asText().contains(PluginFiles.SINK_CONNECTOR));
        assertFalse(new String(files.get("manifest.json"), StandardCharsets.UTF_8).contains("${"), "every placeholder filled in");
    }

    @Test
    void libHoldsTheConnectorAndJacksonAndNoneOfKafkasJars() throws IOException {
        List<String> jars = files.keySet().stream().filter(name -> name.startsWith("lib/")).map(name -> name.substring(4)).toList();
        String connectorJar = "chatconnect-connector-" + PluginFiles.projectVersion() + ".jar";
        assertTrue(jars.contains(connectorJar), "the connector jar in lib/: " + jars);
        List<String> others = jars.stream().filter(jar -> !jar.equals(connectorJar)).toList();
        for (String jar : others) {
            assertTrue(JACKSON.matcher(jar).matches(), "lib/" + jar + " is neither the connector nor Jackson: " + jars);
        }
        assertEquals(3, others.size(), "jackson-core, -databind, -annotations: " + jars);
        for (String jar : jars) {
            assertFalse(jar.startsWith("kafka") || jar.startsWith("connect-") || jar.startsWith("slf4j")
                    || jar.startsWith("log4j") || jar.startsWith("logback"), "lib/" + jar + " is the worker's own");
            for (String entry : jarEntries(files.get("lib/" + jar))) {
                assertFalse(entry.startsWith("org/apache/kafka/") || entry.startsWith("org/slf4j/"),
                        "lib/" + jar + " carries a copy of the worker's classes: " + entry);
            }
        }
        Map<String, String> services = new TreeMap<>();
        for (String service : List.of("org.apache.kafka.connect.source.SourceConnector", "org.apache.kafka.connect.sink.SinkConnector")) {
            services.put(service, jarEntryText(files.get("lib/" + connectorJar), "META-INF/services/" + service).trim());
        }
        assertEquals(PluginFiles.SOURCE_CONNECTOR, services.get("org.apache.kafka.connect.source.SourceConnector"),
                "service manifest (plugin.discovery=service_load finds connectors only through it)");
        assertEquals(PluginFiles.SINK_CONNECTOR, services.get("org.apache.kafka.connect.sink.SinkConnector"));
    }

    @Test
    void etcHoldsTheConfigsOfConfigFolderUnchanged() throws IOException {
        Path config = PluginFiles.repoRoot().resolve("config");
        Map<String, byte[]> expected = new TreeMap<>();
        try (Stream<Path> list = Files.list(config)) {
            for (Path file : list.filter(Files::isRegularFile).toList()) {
                expected.put("etc/" + file.getFileName(), Files.readAllBytes(file));
            }
        }
        Map<String, byte[]> etc = new TreeMap<>(files);
        etc.keySet().removeIf(name -> !name.startsWith("etc/"));
        assertEquals(expected.keySet(), etc.keySet(), "etc/ = config/");
        for (String name : List.of("etc/mixer-source.json", "etc/osu-source.json", "etc/chat-sink.json",
                "etc/mixer-source.properties", "etc/osu-source.properties", "etc/chat-sink.properties",
                "etc/connect-distributed.properties", "etc/connect-standalone.properties")) {
            assertTrue(etc.containsKey(name), name);
        }
        for (Map.Entry<String, byte[]> file : expected.entrySet()) {
            assertArrayEquals(file.getValue(), etc.get(file.getKey()), file.getKey() + " copied unfiltered (its ${...} placeholders intact)");
        }
    }

    @Test
    void docHoldsTheReadmeAndTheConfigurationReference() throws IOException {
        List<String> expected = new ArrayList<>(List.of("doc/README.md"));
        try (Stream<Path> list = Files.list(PluginFiles.repoRoot().resolve("docs"))) {
            list.filter(p -> p.getFileName().toString().endsWith(".md")).forEach(p -> expected.add("doc/" + p.getFileName()));
        }
        assertTrue(expected.contains("doc/configuration.md"), "docs/configuration.md exists: " + expected);
        List<String> doc = files.keySet().stream().filter(name -> name.startsWith("doc/")).toList();
        assertEquals(new TreeSet<>(expected), new TreeSet<>(doc));
        for (String name : doc) {
            assertTrue(files.get(name).length > 1000, name + " has content");
        }
        assertTrue(new String(files.get("doc/configuration.md"), StandardCharsets.UTF_8).contains("mixer.oauth.token"));
    }

    @Test
    void theUnpackedCopyForPluginPathIsTheZipsContent() throws IOException {
        Path dir = PluginFiles.unpackedPluginDir();
        assertEquals("chatconnect", dir.getFileName().toString());
        assertEquals("plugin-path", dir.getParent().getFileName().toString());
        Map<String, byte[]> unpacked = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                unpacked.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        assertEquals(files.keySet(), unpacked.keySet(), "files of " + dir + " and of the zip");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertArrayEquals(file.getValue(), unpacked.get(file.getKey()), file.getKey());
        }
        try (Stream<Path> list = Files.list(dir.getParent())) {
            assertEquals(List.of(dir), list.toList(), "plugin-path holds this one plugin");
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }

    private static List<String> jarEntries(byte[] jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static String jarEntryText(byte[] jar, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " missing from the connector jar");
    }
}
