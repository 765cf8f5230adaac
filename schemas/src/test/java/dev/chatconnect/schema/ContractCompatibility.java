package dev.chatconnect.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;

/**
 * The rules of docs/schema-evolution.md as code: a changed schema must be readable both ways with the released one
 * (Avro's own {@link SchemaCompatibility}, reader against writer), and beyond what Avro resolution checks, no named
 * type and no field of the release may disappear, be renamed or change its type (Avro would accept removing a field
 * that has a default, widening int to long for new readers, and it compares record names without their namespace;
 * all of these break consumers' generated classes or old readers).
 */
final class ContractCompatibility {
    static final String RULES = "docs/schema-evolution.md";
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");

    private ContractCompatibility() {
    }

    /** Everything that makes {@code current} unfit to replace {@code released}; empty when it is a compatible change. */
    static List<String> problems(Schema released, Schema current) {
        List<String> problems = new ArrayList<>();
        SchemaCompatibilityResult backward = SchemaCompatibility.checkReaderWriterCompatibility(current, released).getResult();
        for (Incompatibility i : backward.getIncompatibilities()) {
            problems.add("backward (the new schema cannot read data written with the released one): " + describe(i));
        }
        SchemaCompatibilityResult forward = SchemaCompatibility.checkReaderWriterCompatibility(released, current).getResult();
        for (Incompatibility i : forward.getIncompatibilities()) {
            problems.add("forward (consumers on the released schema cannot read data written with the new one): " + describe(i));
        }
        Map<String, Schema> now = namedTypes(current);
        namedTypes(released).forEach((name, type) -> {
            Schema replacement = now.get(name);
            if (replacement == null) {
                problems.add(type.getType().getName() + " " + name + " was removed, renamed or moved to another namespace");
            } else if (type.getType() == Schema.Type.RECORD && replacement.getType() == Schema.Type.RECORD) {
                for (Schema.Field field : type.getFields()) {
                    Schema.Field changed = replacement.getField(field.name());
                    if (changed == null) {
                        problems.add("field " + name + "." + field.name() + " was removed or renamed");
                    } else if (!signature(field.schema()).equals(signature(changed.schema()))) {
                        problems.add("field " + name + "." + field.name() + " changed type from " + signature(field.schema())
                                + " to " + signature(changed.schema()));
                    }
                }
            }
        });
        return problems;
    }

    /** The failure message for one schema file. */
    static String report(String file, Path releasedFile, List<String> problems) {
        StringBuilder message = new StringBuilder()
                .append(file).append(" is not a compatible change of the last released contract (").append(releasedFile).append("):");
        problems.forEach(p -> message.append("\n  - ").append(p));
        return message.append("\nConsumers of the released schema would break. Read ").append(RULES)
                .append(" for what may change: add fields only with a default; never remove, rename or retype a field;")
                .append(" keep record names and namespaces.")
                .toString();
    }

    /** The release folder with the highest version number (0.10.0 after 0.9.3); every folder must be named by a version. */
    static Path newestRelease(Path releasedRoot) {
        try (Stream<Path> folders = Files.list(releasedRoot)) {
            List<Path> releases = folders.filter(Files::isDirectory).toList();
            for (Path release : releases) {
                if (!VERSION.matcher(release.getFileName().toString()).matches()) {
                    throw new AssertionError(releasedRoot + " holds one folder per released version (like 0.1.0), not "
                            + release.getFileName() + "; see " + RULES);
                }
            }
            return releases.stream().max(Comparator.comparing(p -> p.getFileName().toString(), ContractCompatibility::compareVersions))
                    .orElseThrow(() -> new AssertionError("no released contract under " + releasedRoot + "; see " + RULES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? Long.parseLong(left[i]) : 0;
            long r = i < right.length ? Long.parseLong(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }

    static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A field's type as the rules see it: named types by full name (their own fields are checked on their own). */
    private static String signature(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getFullName();
            case ARRAY -> "array<" + signature(schema.getElementType()) + ">";
            case MAP -> "map<" + signature(schema.getValueType()) + ">";
            case UNION -> schema.getTypes().stream().map(ContractCompatibility::signature).toList().toString();
            default -> schema.getType().getName() + (schema.getLogicalType() == null ? "" : "(" + schema.getLogicalType().getName() + ")");
        };
    }

    private static String describe(Incompatibility i) {
        return i.getType() + " at " + i.getLocation() + ": " + i.getMessage();
    }

    /** Every record, enum and fixed reachable from {@code schema}, by full name. */
    private static Map<String, Schema> namedTypes(Schema schema) {
        Map<String, Schema> named = new LinkedHashMap<>();
        collect(schema, named);
        return named;
    }

    private static void collect(Schema schema, Map<String, Schema> named) {
        switch (schema.getType()) {
            case RECORD -> {
                if (named.putIfAbsent(schema.getFullName(), schema) == null) {
                    schema.getFields().forEach(f -> collect(f.schema(), named));
                }
            }
            case ENUM, FIXED -> named.putIfAbsent(schema.getFullName(), schema);
            case ARRAY -> collect(schema.getElementType(), named);
            case MAP -> collect(schema.getValueType(), named);
            case UNION -> schema.getTypes().forEach(t -> collect(t, named));
            default -> {
            }
        }
    }
}
