package dev.chatconnect.connector.schema;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The Connect form of {@code schemas/src/main/avro/ChatEvent.avsc}. Record names match the Avro full names
 * so that converters map one onto the other; {@code ChatEventSchemaContractTest} proves the two are the same.
 */
public final class ChatEventSchema {
    private static final String NAMESPACE = "dev.chatconnect.schema.";

    public static final Schema USER = SchemaBuilder.struct().name(NAMESPACE + "ChatUser")
            .field("id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("roles", SchemaBuilder.array(Schema.STRING_SCHEMA).defaultValue(List.of()).build())
            .field("level", Schema.OPTIONAL_INT32_SCHEMA)
            .build();

    public static final Schema OPTIONAL_USER = optional(USER);

    public static final Schema EMOTICON = SchemaBuilder.struct().name(NAMESPACE + "Emoticon")
            .field("source", Schema.OPTIONAL_STRING_SCHEMA)
            .field("pack", Schema.OPTIONAL_STRING_SCHEMA)
            .field("x", Schema.OPTIONAL_INT32_SCHEMA)
            .field("y", Schema.OPTIONAL_INT32_SCHEMA)
            .field("width", Schema.OPTIONAL_INT32_SCHEMA)
            .field("height", Schema.OPTIONAL_INT32_SCHEMA)
            .field("alt", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).defaultValue(Map.of()).build())
            .build();

    public static final Schema PART = SchemaBuilder.struct().name(NAMESPACE + "MessagePart")
            .field("type", Schema.STRING_SCHEMA)
            .field("text", Schema.OPTIONAL_STRING_SCHEMA)
            .field("url", Schema.OPTIONAL_STRING_SCHEMA)
            .field("username", Schema.OPTIONAL_STRING_SCHEMA)
            .field("user_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("emoticon", optional(EMOTICON))
            .field("raw", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    public static final Schema FLAGS = SchemaBuilder.struct().name(NAMESPACE + "MessageFlags")
            .field("action", SchemaBuilder.bool().defaultValue(false).build())
            .field("whisper", SchemaBuilder.bool().defaultValue(false).build())
            .field("censored", SchemaBuilder.bool().defaultValue(false).build())
            .build();

    public static final Schema MODERATION = SchemaBuilder.struct().name(NAMESPACE + "Moderation")
            .field("moderator", OPTIONAL_USER)
            .field("deleted_message_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("purged_user_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("cause", Schema.OPTIONAL_STRING_SCHEMA)
            .field("cause_duration", Schema.OPTIONAL_STRING_SCHEMA)
            .field("duration_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    public static final Schema POLL = SchemaBuilder.struct().name(NAMESPACE + "Poll")
            .field("question", Schema.OPTIONAL_STRING_SCHEMA)
            .field("answers", SchemaBuilder.array(Schema.STRING_SCHEMA).defaultValue(List.of()).build())
            .field("responses", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).defaultValue(Map.of()).build())
            .field("voters", Schema.OPTIONAL_INT64_SCHEMA)
            .field("duration_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .field("ends_at", Timestamp.builder().optional().build())
            .build();

    public static final Schema EVENT = SchemaBuilder.struct().name(NAMESPACE + "ChatEvent")
            .field("platform", Schema.STRING_SCHEMA)
            .field("channel_id", Schema.STRING_SCHEMA)
            .field("channel_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("channel_type", Schema.OPTIONAL_STRING_SCHEMA)
            .field("event_type", Schema.STRING_SCHEMA)
            .field("event_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("platform_timestamp", Timestamp.builder().optional().build())
            .field("received_at", Timestamp.SCHEMA)
            .field("user", OPTIONAL_USER)
            .field("text", Schema.OPTIONAL_STRING_SCHEMA)
            .field("parts", SchemaBuilder.array(PART).defaultValue(List.of()).build())
            .field("flags", FLAGS)
            .field("whisper_target", Schema.OPTIONAL_STRING_SCHEMA)
            .field("moderation", optional(MODERATION))
            .field("poll", optional(POLL))
            .field("raw", Schema.STRING_SCHEMA)
            .build();

    private ChatEventSchema() {
    }

    private static Schema optional(Schema struct) {
        SchemaBuilder builder = SchemaBuilder.struct().name(struct.name()).optional();
        struct.fields().forEach(f -> builder.field(f.name(), f.schema()));
        return builder.build();
    }
}
