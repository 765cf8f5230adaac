package dev.chatconnect.connector.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/** Avro binary in and out the way a consumer of the contract does it, and a field-by-field comparison with the Connect value. */
final class AvroContract {
    private AvroContract() {
    }

    /** Avro binary of a generic datum (what AvroData produces), written with {@code writer}. */
    static byte[] encodeGeneric(Schema writer, Object datum) {
        return encode(new GenericDatumWriter<>(writer), datum);
    }

    /** Avro binary of a generated-class record, written with its own schema. */
    static <T extends SpecificRecord> byte[] encodeSpecific(T record) {
        return encode(new SpecificDatumWriter<>(record.getSchema()), record);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] encode(org.apache.avro.io.DatumWriter writer, Object datum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            writer.write(datum, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads Avro binary written with {@code writer} into the generated class {@code type} (schema resolution from the
     * writer's schema to the generated class's), and checks that every byte was consumed.
     */
    static <T extends SpecificRecord> T decode(Class<T> type, Schema reader, Schema writer, byte[] bytes, int offset) {
        SpecificDatumReader<T> datumReader = new SpecificDatumReader<>(writer, reader);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, offset, bytes.length - offset, null);
        try {
            T value = datumReader.read(null, decoder);
            assertTrue(decoder.isEnd(), "the Avro payload is exactly one " + type.getSimpleName());
            assertInstanceOf(type, value);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every field of {@code expected} (the connector's Struct) equals the same-named field of {@code actual} (a
     * generated-class record), recursively; both have the same field names in the same order. Timestamps compare as
     * epoch millis (Connect {@link Date}, generated {@link Instant}).
     */
    static void assertSameFields(Struct expected, IndexedRecord actual, String path) {
        assertNotNull(actual, path + " is missing in the Avro record");
        List<String> avroFields = actual.getSchema().getFields().stream().map(Schema.Field::name).toList();
        List<String> connectFields = expected.schema().fields().stream().map(Field::name).toList();
        assertEquals(connectFields, avroFields, path + ": field names");
        for (Field field : expected.schema().fields()) {
            Schema.Field avroField = actual.getSchema().getField(field.name());
            assertSameValue(expected.get(field), actual.get(avroField.pos()), path + "." + field.name());
        }
    }

    private static void assertSameValue(Object expected, Object actual, String path) {
        if (expected == null) {
            assertNull(actual, path);
        } else if (expected instanceof Struct struct) {
            assertInstanceOf(IndexedRecord.class, actual, path);
            assertSameFields(struct, (IndexedRecord) actual, path);
        } else if (expected instanceof Date date) {
            assertInstanceOf(Instant.class, actual, path + " (timestamp-millis as Instant)");
            assertEquals(date.getTime(), ((Instant) actual).toEpochMilli(), path);
        } else if (expected instanceof List<?> list) {
            assertInstanceOf(List.class, actual, path);
            List<?> actualList = (List<?>) actual;
            assertEquals(list.size(), actualList.size(), path + ": size");
            for (int i = 0; i < list.size(); i++) {
                assertSameValue(list.get(i), actualList.get(i), path + "[" + i + "]");
            }
        } else if (expected instanceof Map<?, ?> map) {
            assertInstanceOf(Map.class, actual, path);
            Map<?, ?> actualMap = (Map<?, ?>) actual;
            assertEquals(map.keySet(), actualMap.keySet(), path + ": keys");
            map.forEach((key, value) -> assertSameValue(value, actualMap.get(key), path + "{" + key + "}"));
        } else {
            assertEquals(expected, actual, path);
        }
    }
}
