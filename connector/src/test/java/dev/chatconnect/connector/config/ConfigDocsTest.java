package dev.chatconnect.connector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code docs/configuration.md} is what the code declares; when a setting changes, regenerate it. */
class ConfigDocsTest {

    @Test
    void theCheckedInReferenceIsCurrent() throws Exception {
        Path checkedIn = Path.of("..", "docs", "configuration.md");
        String generated = ConfigDocs.markdown();
        Path fresh = Path.of("target", "configuration.md");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, generated);
        assertTrue(Files.exists(checkedIn), "docs/configuration.md exists");
        assertEquals(Files.readString(checkedIn), generated,
                "docs/configuration.md is stale: cp connector/target/configuration.md docs/configuration.md");
        assertTrue(generated.contains("`allowed.channels`") && generated.contains("`channels`"));
        assertTrue(!generated.contains("task.count"), "internal settings are not documented");
    }
}
