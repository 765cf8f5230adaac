package dev.chatconnect.connector.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chatconnect.connector.schema.OutboundMessageSchema;
import dev.chatconnect.schema.OutboundMessage;
import io.apicurio.registry.utils.converter.avro.AvroData;
import io.apicurio.registry.utils.converter.avro.AvroDataConfig;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/**
 * A producer writes {@code OutboundMessage} with the GENERATED class; the sink's AvroConverter reads the Avro binary
 * as a generic record and turns it into a Connect Struct with Apicurio's {@link AvroData}. The Struct must be what the
 * sink reads (OutboundRecord reads {@link OutboundMessageSchema}'s field names): same record name, same fields in the
 * same order with the same types and optionality, and the producer's values.
 */
class OutboundMessageAvroTest {
    private final AvroData avroData = new AvroData(new AvroDataConfig(Map.of()));

    @Test
    void mixerChannelMessageWithDefaults() throws IOException {
        OutboundMessage message = OutboundMessage.newBuilder()
                .setPlatform("mixer").setChannel("276399").setText("hello from Kafka").build();
        Struct struct = toConnect(message);
        assertEquals("mixer", struct.get(OutboundMessageSchema.PLATFORM));
        assertEquals("276399", struct.get(OutboundMessageSchema.CHANNEL));
        assertEquals("hello from Kafka", struct.get(OutboundMessageSchema.TEXT));
        assertEquals(false, struct.get(OutboundMessageSchema.ACTION), "the contract's default");
        assertNull(struct.get(OutboundMessageSchema.TARGET_USER));
        assertNull(struct.get(OutboundMessageSchema.CLIENT_MESSAGE_ID));
    }

    @Test
    void osuPrivateActionWithClientId() throws IOException {
        OutboundMessage message = OutboundMessage.newBuilder()
                .setPlatform("osu").setChannel(null).setText("waves").setAction(true)
                .setTargetUser("2").setClientMessageId("order-4711").build();
        Struct struct = toConnect(message);
        assertEquals("osu", struct.get(OutboundMessageSchema.PLATFORM));
        assertNull(struct.get(OutboundMessageSchema.CHANNEL));
        assertEquals("waves", struct.get(OutboundMessageSchema.TEXT));
        assertEquals(true, struct.get(OutboundMessageSchema.ACTION));
        assertEquals("2", struct.get(OutboundMessageSchema.TARGET_USER));
        assertEquals("order-4711", struct.get(OutboundMessageSchema.CLIENT_MESSAGE_ID));
    }

    private Struct toConnect(OutboundMessage message) throws IOException {
        byte[] bytes = AvroContract.encodeSpecific(message);
        GenericRecord generic = new GenericDatumReader<GenericRecord>(OutboundMessage.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        SchemaAndValue connect = avroData.toConnectData(OutboundMessage.getClassSchema(), generic);
        assertSameShape(OutboundMessageSchema.MESSAGE, connect.schema());
        Struct struct = (Struct) connect.value();
        struct.validate();
        return struct;
    }

    private static void assertSameShape(Schema expected, Schema actual) {
        assertEquals(expected.name(), actual.name(), "record name");
        assertEquals(expected.type(), actual.type());
        assertEquals(expected.fields().stream().map(Field::name).toList(), actual.fields().stream().map(Field::name).toList(),
                "field names the sink reads");
        for (Field field : expected.fields()) {
            Schema actualField = actual.field(field.name()).schema();
            assertEquals(field.schema().type(), actualField.type(), field.name() + ": type");
            assertEquals(field.schema().isOptional(), actualField.isOptional(), field.name() + ": optional");
            assertEquals(field.schema().defaultValue(), actualField.defaultValue(), field.name() + ": default");
        }
    }
}
