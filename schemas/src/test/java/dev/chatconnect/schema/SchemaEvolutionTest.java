package dev.chatconnect.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract in {@code src/main/avro} against the last released one ({@code released/<newest version>/}): for every
 * released .avsc, data written with either schema must be readable with the other (Avro's SchemaCompatibility, both
 * directions), and no released record or field may be gone. The rules are in docs/schema-evolution.md.
 */
class SchemaEvolutionTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path RELEASED = MODULE.resolve("released");
    private static final Path CURRENT = MODULE.resolve("src/main/avro");

    @TestFactory
    Stream<DynamicTest> everyReleasedSchemaIsCompatibleBothWaysWithTheCurrentOne() throws IOException {
        Path newest = ContractCompatibility.newestRelease(RELEASED);
        List<Path> released;
        try (Stream<Path> files = Files.list(newest)) {
            released = files.filter(f -> f.getFileName().toString().endsWith(".avsc")).sorted().toList();
        }
        assertFalse(released.isEmpty(), "no .avsc in " + newest);
        return released.stream().map(file -> DynamicTest.dynamicTest(file.getFileName() + " against release " + newest.getFileName(), () -> {
            String name = file.getFileName().toString();
            Path current = CURRENT.resolve(name);
            if (!Files.exists(current)) {
                fail(name + " was released in " + newest.getFileName() + " but is gone from src/main/avro. A released schema is never"
                        + " removed or renamed; read " + ContractCompatibility.RULES + ".");
            }
            List<String> problems = ContractCompatibility.problems(ContractCompatibility.parse(file), ContractCompatibility.parse(current));
            if (!problems.isEmpty()) {
                fail(ContractCompatibility.report("src/main/avro/" + name, MODULE.relativize(file), problems));
            }
        }));
    }

    /** What is checked against the release is what the build ships (the generated classes add only Java-string hints). */
    @Test
    void theGeneratedClassesAreTheCurrentContract() {
        for (Schema generated : List.of(ChatEvent.getClassSchema(), OutboundMessage.getClassSchema())) {
            Schema file = ContractCompatibility.parse(CURRENT.resolve(generated.getName() + ".avsc"));
            assertEquals(SchemaNormalization.toParsingForm(file), SchemaNormalization.toParsingForm(generated), generated.getName());
            assertEquals(List.of(), ContractCompatibility.problems(file, generated), generated.getName());
        }
    }

    @Test
    void theNewestReleaseIsPickedByVersionNumber(@TempDir Path released) throws IOException {
        for (String version : List.of("0.1.0", "0.9.3", "0.10.0", "0.2.0", "0.9")) {
            Files.createDirectories(released.resolve(version));
        }
        Files.writeString(released.resolve("README.txt"), "files beside the folders are fine");
        assertEquals("0.10.0", ContractCompatibility.newestRelease(released).getFileName().toString());

        Files.createDirectories(released.resolve("next"));
        AssertionError error = assertThrows(AssertionError.class, () -> ContractCompatibility.newestRelease(released));
        assertTrue(error.getMessage().contains("schema-evolution.md"), error.getMessage());
    }

    @Test
    void allowedChangesPass() {
        Schema released = releasedChatEvent();
        assertNoProblems(released, withFields(released, fields -> {
            fields.add(new Schema.Field("language", nullable(Schema.create(Schema.Type.STRING)), "added later", Schema.Field.NULL_DEFAULT_VALUE));
            return fields;
        }), "an optional field with default null");
        assertNoProblems(released, withFields(released, fields -> {
            fields.add(new Schema.Field("priority", Schema.create(Schema.Type.INT), "added later", 0));
            return fields;
        }), "a required field with a default");
        assertNoProblems(released, edit(released, "{\"name\":\"level\",", "{\"name\":\"avatar_url\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"level\","),
                "a field with a default in a nested record");
        assertNoProblems(released, edit(released, "\"doc\":\"Plain text of the message", "\"doc\":\"The plain text of the message"), "a changed doc");
    }

    @Test
    void breakingChangesAreCaughtAndExplained() {
        Schema released = releasedChatEvent();
        assertProblem(released, withFields(released, fields -> {
            fields.add(new Schema.Field("tenant", Schema.create(Schema.Type.STRING), "no default", (Object) null));
            return fields;
        }), "backward", "a field without a default");
        assertProblem(released, withFields(released, fields -> {
            fields.removeIf(f -> f.name().equals("raw"));
            return fields;
        }), "forward", "a removed field without a default");
        assertProblem(released, withFields(released, fields -> {
            fields.removeIf(f -> f.name().equals("channel_type"));
            return fields;
        }), "field dev.chatconnect.schema.ChatEvent.channel_type was removed", "a removed field with a default (Avro alone accepts it)");
        assertProblem(released, withFields(released, fields -> {
            fields.replaceAll(f -> f.name().equals("text") ? new Schema.Field("body", f.schema(), f.doc(), f.defaultVal()) : new Schema.Field(f, f.schema()));
            return fields;
        }), "field dev.chatconnect.schema.ChatEvent.text was removed or renamed", "a renamed field");
        assertProblem(released, withFields(released, fields -> {
            fields.replaceAll(f -> f.name().equals("channel_id") ? new Schema.Field("channel_id", Schema.create(Schema.Type.LONG), f.doc()) : new Schema.Field(f, f.schema()));
            return fields;
        }), "TYPE_MISMATCH", "a retyped field");
        assertProblem(released, edit(released, "{\"name\":\"level\",\"type\":[\"null\",\"int\"]", "{\"name\":\"level\",\"type\":[\"null\",\"long\"]"),
                "field dev.chatconnect.schema.ChatUser.level changed type from [null, int] to [null, long]", "an int widened to long");
        assertProblem(released, withFields(released, fields -> {
            fields.replaceAll(f -> f.name().equals("channel_name") ? new Schema.Field("channel_name", Schema.create(Schema.Type.STRING), f.doc()) : f);
            return fields;
        }), "backward", "an optional field made required");
        assertProblem(released, edit(released, "\"ChatUser\"", "\"Person\""), "record dev.chatconnect.schema.ChatUser was removed, renamed",
                "a renamed record");
        assertProblem(released, edit(released, "\"namespace\":\"dev.chatconnect.schema\"", "\"namespace\":\"dev.chatconnect.schema.v2\""),
                "record dev.chatconnect.schema.ChatEvent was removed, renamed or moved to another namespace", "a changed namespace");

        String report = ContractCompatibility.report("src/main/avro/ChatEvent.avsc", Path.of("released/0.1.0/ChatEvent.avsc"),
                List.of("field X.y was removed or renamed"));
        assertTrue(report.contains("docs/schema-evolution.md") && report.contains("released/0.1.0/ChatEvent.avsc")
                && report.contains("\n  - field X.y was removed or renamed"), report);
    }

    private static Schema releasedChatEvent() {
        return ContractCompatibility.parse(ContractCompatibility.newestRelease(RELEASED).resolve("ChatEvent.avsc"));
    }

    private static void assertNoProblems(Schema released, Schema changed, String what) {
        assertEquals(List.of(), ContractCompatibility.problems(released, changed), what + " is allowed");
    }

    private static void assertProblem(Schema released, Schema changed, String expected, String what) {
        List<String> problems = ContractCompatibility.problems(released, changed);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), what + " must be reported with '" + expected + "', got " + problems);
    }

    /** The released record with its top-level fields edited (fields are copied: Avro fields belong to one record). */
    private static Schema withFields(Schema record, UnaryOperator<List<Schema.Field>> change) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), record.isError(), change.apply(fields));
    }

    /** The released schema with one textual edit of its compact JSON (for changes inside nested records). */
    private static Schema edit(Schema schema, String from, String to) {
        String json = schema.toString();
        assertTrue(json.contains(from), "the released schema contains " + from);
        return new Schema.Parser().parse(json.replace(from, to));
    }

    private static Schema nullable(Schema schema) {
        return Schema.createUnion(Schema.create(Schema.Type.NULL), schema);
    }
}
