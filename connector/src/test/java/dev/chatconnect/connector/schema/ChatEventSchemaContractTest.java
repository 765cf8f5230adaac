package dev.chatconnect.connector.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

/**
 * The connector's Connect schema must be the Avro contract consumers read ({@code schemas/ChatEvent.avsc}): convert the
 * .avsc into a Connect schema, field by field, and compare it with {@link ChatEventSchema#EVENT}.
 */
class ChatEventSchemaContractTest {

    @Test
    void connectSchemaIsTheAvroContract() throws Exception {
        Schema avro;
        try (InputStream in = getClass().getResourceAsStream("/avro/ChatEvent.avsc")) {
            assertNotNull(in, "ChatEvent.avsc ships in the schemas jar");
            avro = new Schema.Parser().parse(in);
        }
        org.apache.kafka.connect.data.Schema fromAvro = toConnect(avro, false);
        assertSameSchema(fromAvro, ChatEventSchema.EVENT, "ChatEvent");
        assertEquals(fromAvro, ChatEventSchema.EVENT);
    }

    @Test
    void outboundMessageSchemaIsTheAvroContract() throws Exception {
        Schema avro;
        try (InputStream in = getClass().getResourceAsStream("/avro/OutboundMessage.avsc")) {
            assertNotNull(in, "OutboundMessage.avsc ships in the schemas jar");
            avro = new Schema.Parser().parse(in);
        }
        org.apache.kafka.connect.data.Schema fromAvro = toConnect(avro, false);
        assertSameSchema(fromAvro, OutboundMessageSchema.MESSAGE, "OutboundMessage");
        assertEquals(fromAvro, OutboundMessageSchema.MESSAGE);
        assertEquals(dev.chatconnect.schema.OutboundMessage.getClassSchema().getFields().size(),
                OutboundMessageSchema.MESSAGE.fields().size());
    }

    @Test
    void generatedClassesMatchTheContract() {
        assertEquals(dev.chatconnect.schema.ChatEvent.getClassSchema().getFields().size(), ChatEventSchema.EVENT.fields().size());
    }

    private static void assertSameSchema(org.apache.kafka.connect.data.Schema expected, org.apache.kafka.connect.data.Schema actual, String path) {
        assertEquals(expected.type(), actual.type(), path + ": type");
        assertEquals(expected.isOptional(), actual.isOptional(), path + ": optional");
        assertEquals(expected.name(), actual.name(), path + ": name");
        assertEquals(expected.defaultValue(), actual.defaultValue(), path + ": default");
        switch (expected.type()) {
            case STRUCT -> {
                assertEquals(expected.fields().stream().map(f -> f.name()).toList(),
                        actual.fields().stream().map(f -> f.name()).toList(), path + ": fields");
                expected.fields().forEach(f -> assertSameSchema(f.schema(), actual.field(f.name()).schema(), path + "." + f.name()));
            }
            case ARRAY -> assertSameSchema(expected.valueSchema(), actual.valueSchema(), path + "[]");
            case MAP -> {
                assertSameSchema(expected.keySchema(), actual.keySchema(), path + "{key}");
                assertSameSchema(expected.valueSchema(), actual.valueSchema(), path + "{value}");
            }
            default -> {
            }
        }
    }

    /** Avro -> Connect the way Connect's Avro converters map them: nullable unions become optional schemas. */
    private static org.apache.kafka.connect.data.Schema toConnect(Schema avro, boolean optional) {
        if (avro.getType() == Schema.Type.UNION) {
            List<Schema> branches = avro.getTypes();
            if (branches.size() != 2 || branches.get(0).getType() != Schema.Type.NULL) {
                throw new AssertionError("only [null, T] unions are part of the contract: " + avro);
            }
            return toConnect(branches.get(1), true);
        }
        SchemaBuilder builder = switch (avro.getType()) {
            case STRING -> SchemaBuilder.string();
            case BOOLEAN -> SchemaBuilder.bool();
            case INT -> SchemaBuilder.int32();
            case LONG -> avro.getLogicalType() instanceof LogicalTypes.TimestampMillis ? Timestamp.builder() : SchemaBuilder.int64();
            case ARRAY -> SchemaBuilder.array(toConnect(avro.getElementType(), false));
            case MAP -> SchemaBuilder.map(org.apache.kafka.connect.data.Schema.STRING_SCHEMA, toConnect(avro.getValueType(), false));
            case RECORD -> {
                SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
                for (Schema.Field field : avro.getFields()) {
                    org.apache.kafka.connect.data.Schema fieldSchema = toConnect(field.schema(), false);
                    if (field.hasDefaultValue() && field.defaultVal() != null && field.defaultVal() != org.apache.avro.JsonProperties.NULL_VALUE) {
                        fieldSchema = withDefault(fieldSchema, field.defaultVal());
                    }
                    struct.field(field.name(), fieldSchema);
                }
                yield struct;
            }
            default -> throw new AssertionError("type not used by the contract: " + avro.getType());
        };
        if (optional) {
            builder.optional();
        }
        return builder.build();
    }

    private static org.apache.kafka.connect.data.Schema withDefault(org.apache.kafka.connect.data.Schema schema, Object avroDefault) {
        SchemaBuilder builder = switch (schema.type()) {
            case ARRAY -> SchemaBuilder.array(schema.valueSchema());
            case MAP -> SchemaBuilder.map(schema.keySchema(), schema.valueSchema());
            case BOOLEAN -> SchemaBuilder.bool();
            default -> throw new AssertionError("default on " + schema.type() + " not expected");
        };
        Object value = switch (schema.type()) {
            case ARRAY -> List.copyOf((List<?>) avroDefault);
            case MAP -> Map.copyOf((Map<?, ?>) avroDefault);
            default -> avroDefault;
        };
        return builder.defaultValue(value).build();
    }
}
