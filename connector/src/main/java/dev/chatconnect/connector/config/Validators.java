package dev.chatconnect.connector.config;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Field validators shared by the connectors' config definitions; each one explains the accepted values. */
public final class Validators {
    private Validators() {
    }

    /** An absolute URL with one of the given schemes (e.g. http/https). */
    public static ConfigDef.Validator url(String... schemes) {
        Set<String> allowed = Set.of(schemes);
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null) {
                    return;
                }
                String text = value.toString().trim();
                try {
                    URI uri = new URI(text);
                    if (uri.getScheme() == null || !allowed.contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
                        throw new ConfigException(name, text, "must be an absolute " + String.join("/", schemes) + " URL");
                    }
                } catch (java.net.URISyntaxException e) {
                    throw new ConfigException(name, text, "is not a URL: " + e.getReason());
                }
            }

            @Override
            public String toString() {
                return "absolute " + String.join(" or ", schemes) + " URL";
            }
        };
    }

    /**
     * A non-empty list of {@code platform:channel} entries without duplicates, each checked by {@code checkEntry}
     * (which returns a problem description or null).
     */
    public static ConfigDef.Validator channelList(Function<String, String> checkEntry, String description) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                @SuppressWarnings("unchecked")
                List<String> entries = (List<String>) value;
                if (entries == null || entries.isEmpty()) {
                    throw new ConfigException(name, value, "list at least one channel, e.g. mixer:1234");
                }
                Set<String> seen = new HashSet<>();
                for (String entry : entries) {
                    String problem = checkEntry.apply(entry);
                    if (problem != null) {
                        throw new ConfigException(name, entry, problem);
                    }
                    if (!seen.add(entry.trim().toLowerCase(Locale.ROOT))) {
                        throw new ConfigException(name, entry, "is listed twice");
                    }
                }
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /** A possibly empty list of {@code platform:value} entries without duplicates, each checked by {@code checkEntry}. */
    public static ConfigDef.Validator entryList(Function<String, String> checkEntry, String form) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                @SuppressWarnings("unchecked")
                List<String> entries = (List<String>) value;
                Set<String> seen = new HashSet<>();
                for (String entry : entries == null ? List.<String>of() : entries) {
                    String problem = checkEntry.apply(entry);
                    if (problem != null) {
                        throw new ConfigException(name, entry, problem);
                    }
                    if (!seen.add(entry.trim().toLowerCase(Locale.ROOT))) {
                        throw new ConfigException(name, entry, "is listed twice");
                    }
                }
            }

            @Override
            public String toString() {
                return "list of " + form + " entries";
            }
        };
    }

    /** One of the enum's constants, case-insensitive. */
    public static <E extends Enum<E>> ConfigDef.Validator oneOf(Class<E> values) {
        List<String> names = java.util.Arrays.stream(values.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null || !names.contains(value.toString().trim().toLowerCase(Locale.ROOT))) {
                    throw new ConfigException(name, value, "must be one of " + String.join(", ", names));
                }
            }

            @Override
            public String toString() {
                return String.join(", ", names);
            }
        };
    }

    private static final Pattern TOPIC_CHARS = Pattern.compile("[a-zA-Z0-9._-]+");

    /** A topic name, optionally with ${platform} and ${channel} placeholders, that yields legal Kafka topic names. */
    public static ConfigDef.Validator topicTemplate() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                String template = value == null ? "" : value.toString();
                String sample = TopicTemplate.of(template).resolve("platform", "channel");
                if (template.isBlank() || !TOPIC_CHARS.matcher(sample).matches() || sample.length() > 249) {
                    throw new ConfigException(name, template,
                            "must be a topic name (letters, digits, '.', '_', '-') with optional ${platform} and ${channel} placeholders");
                }
            }

            @Override
            public String toString() {
                return "topic name, may contain ${platform} and ${channel}";
            }
        };
    }
}
