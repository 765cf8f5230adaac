package dev.chatconnect.connector.sink;

import dev.chatconnect.connector.platform.Destination;
import dev.chatconnect.connector.schema.OutboundMessageSchema;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The value of one outbound record, read from a {@link Struct} (any schema with the fields of {@code OutboundMessage})
 * or from a schemaless map (JSON without schemas), checked for presence and types of its fields.
 */
record OutboundRecord(Destination destination, String text, boolean action, String clientMessageId) {

    static OutboundRecord parse(SinkRecord record) {
        Object value = record.value();
        FieldReader fields;
        if (value instanceof Struct struct) {
            fields = name -> {
                Field field = struct.schema().field(name);
                return field == null ? null : struct.get(field);
            };
        } else if (value instanceof Map<?, ?> map) {
            fields = map::get;
        } else if (value == null) {
            throw new InvalidRecordException("the record has no value (a tombstone); expected an OutboundMessage");
        } else {
            throw new InvalidRecordException("the value is a " + value.getClass().getSimpleName()
                    + ", expected an OutboundMessage struct or a JSON object");
        }
        String platform = string(fields, OutboundMessageSchema.PLATFORM, true).toLowerCase(Locale.ROOT);
        String channel = blankToNull(string(fields, OutboundMessageSchema.CHANNEL, false));
        String target = blankToNull(string(fields, OutboundMessageSchema.TARGET_USER, false));
        String text = string(fields, OutboundMessageSchema.TEXT, true);
        Object action = fields.get(OutboundMessageSchema.ACTION);
        if (action != null && !(action instanceof Boolean)) {
            throw new InvalidRecordException("field 'action' must be a boolean, got " + describe(action));
        }
        String clientId = blankToNull(string(fields, OutboundMessageSchema.CLIENT_MESSAGE_ID, false));
        if (channel == null && target == null) {
            throw new InvalidRecordException("the record names neither a 'channel' nor a 'target_user'");
        }
        if (text.isBlank()) {
            throw new InvalidRecordException("field 'text' is blank; platforms refuse blank messages");
        }
        return new OutboundRecord(new Destination(platform, channel, target), text, Boolean.TRUE.equals(action), clientId);
    }

    /**
     * The id that identifies this record's message (part {@code part} of it) across restarts: derived from the client's
     * message id when given, otherwise from where the record sits in Kafka.
     */
    String deliveryId(SinkRecord record, int part) {
        String base = clientMessageId != null ? "client:" + clientMessageId
                : "kafka:" + record.originalTopic() + "/" + record.originalKafkaPartition() + "/" + record.originalKafkaOffset();
        return UUID.nameUUIDFromBytes((base + "#" + part).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private interface FieldReader {
        Object get(String name);
    }

    private static String string(FieldReader fields, String name, boolean required) {
        Object value = fields.get(name);
        if (value == null) {
            if (required) {
                throw new InvalidRecordException("field '" + name + "' is missing");
            }
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number number && !OutboundMessageSchema.TEXT.equals(name)) {
            return number.toString(); // numeric ids written as JSON numbers
        }
        throw new InvalidRecordException("field '" + name + "' must be a string, got " + describe(value));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String describe(Object value) {
        return value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
