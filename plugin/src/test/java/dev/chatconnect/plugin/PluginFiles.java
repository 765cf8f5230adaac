package dev.chatconnect.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Where the build put the plugin package, and small helpers shared by the tests of this module. */
final class PluginFiles {
    static final String SOURCE_CONNECTOR = "dev.chatconnect.connector.source.ChatSourceConnector";
    static final String SINK_CONNECTOR = "dev.chatconnect.connector.sink.ChatSinkConnector";

    private PluginFiles() {
    }

    /** target/components/packages/chatconnect-kafka-connect-chat-VERSION.zip */
    static Path zip() {
        return existing("chatconnect.plugin.zip");
    }

    /** target/plugin-path/chatconnect: the unpacked copy that docker-compose.yml mounts */
    static Path unpackedPluginDir() {
        return existing("chatconnect.plugin.dir");
    }

    static String projectVersion() {
        return property("chatconnect.plugin.version");
    }

    /** The checkout's root folder (config/, docker-compose.yml, ...). */
    static Path repoRoot() {
        return existing("chatconnect.repo.root");
    }

    private static Path existing(String property) {
        Path path = Path.of(property(property)).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " (" + property + ") does not exist: run the tests through Maven "
                    + "(mvn verify), which builds the plugin package in the package phase first");
        }
        return path;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests through Maven (failsafe sets it)");
        }
        return value;
    }

    /** The zip's entry names, in order. */
    static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                names.add(e.nextElement().getName());
            }
        }
        return names;
    }

    /** Unzips into {@code target} (which must not exist yet or be empty), refusing entries that leave it. */
    static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** Waits on a condition with a deadline, polling every 100 ms. */
    static void await(Duration timeout, BooleanSupplier condition, Supplier<String> expected) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for: " + expected.get());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
