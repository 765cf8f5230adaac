package dev.chatconnect.connector.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * Writes {@code docs/configuration.md} from the connectors' {@link ConfigDef}s, so the reference can never drift from
 * what the code declares ({@code ConfigDocsTest} fails when the checked-in file is stale).
 */
public final class ConfigDocs {
    private ConfigDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/configuration.md");
        Files.writeString(target, markdown());
        System.out.println("wrote " + target.toAbsolutePath());
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n")
                .append("Generated from the connectors' `ConfigDef`s by `dev.chatconnect.connector.config.ConfigDocs`; ")
                .append("do not edit by hand (`ConfigDocsTest` checks it is current).\n\n");
        section(out, "Source connector: `dev.chatconnect.connector.source.ChatSourceConnector`", ChatSourceConfig.CONFIG_DEF);
        section(out, "Sink connector: `dev.chatconnect.connector.sink.ChatSinkConnector`", ChatSinkConfig.CONFIG_DEF);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, ConfigDef def) {
        out.append("## ").append(title).append("\n\n");
        Map<String, List<ConfigDef.ConfigKey>> groups = new LinkedHashMap<>();
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            if (!key.internalConfig) {
                groups.computeIfAbsent(key.group == null ? "Other" : key.group, g -> new ArrayList<>()).add(key);
            }
        }
        groups.forEach((group, keys) -> {
            keys.sort((a, b) -> Integer.compare(a.orderInGroup, b.orderInGroup));
            out.append("### ").append(group).append("\n\n")
                    .append("| key | type | default | valid values | importance | description |\n")
                    .append("| --- | --- | --- | --- | --- | --- |\n");
            for (ConfigDef.ConfigKey key : keys) {
                out.append("| `").append(key.name).append("` | ").append(key.type.name().toLowerCase())
                        .append(" | ").append(defaultOf(key))
                        .append(" | ").append(key.validator == null ? "" : cell(key.validator.toString()))
                        .append(" | ").append(key.importance.name().toLowerCase())
                        .append(" | ").append(cell(key.documentation)).append(" |\n");
            }
            out.append('\n');
        });
    }

    private static String defaultOf(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        Object value = key.defaultValue;
        if (value == null || value instanceof Password) {
            return "none";
        }
        String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList()) : value.toString();
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
