package dev.chatconnect.connector.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatconnect.connector.platform.Destination;
import dev.chatconnect.connector.schema.OutboundMessageSchema;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class OutboundRecordTest {

    @Test
    void readsAStructAndASchemalessMapAlike() {
        Struct struct = new Struct(OutboundMessageSchema.MESSAGE).put("platform", "OSU").put("channel", "5")
                .put("text", "hi").put("action", true);
        OutboundRecord fromStruct = OutboundRecord.parse(record(struct, 0));
        OutboundRecord fromMap = OutboundRecord.parse(record(Map.of("platform", "osu", "channel", 5, "text", "hi", "action", true), 0));
        assertEquals(new Destination("osu", "5", null), fromStruct.destination());
        assertEquals(fromStruct, fromMap);
        assertTrue(fromMap.action());
    }

    @Test
    void everyProblemIsNamed() {
        assertReason("field 'platform' is missing", Map.of("text", "x", "channel", "1"));
        assertReason("field 'text' is missing", Map.of("platform", "mixer", "channel", "1"));
        assertReason("field 'text' must be a string", Map.of("platform", "mixer", "channel", "1", "text", 5));
        assertReason("field 'action' must be a boolean", Map.of("platform", "mixer", "channel", "1", "text", "x", "action", "yes"));
        assertReason("neither a 'channel' nor a 'target_user'", Map.of("platform", "mixer", "text", "x"));
        assertReason("blank", Map.of("platform", "mixer", "channel", "1", "text", "   "));
        assertReason("tombstone", null);
        assertReason("expected an OutboundMessage", "just a string");
    }

    @Test
    void deliveryIdsAreStablePerRecordAndPartAndFollowTheClientId() {
        Map<String, Object> value = new HashMap<>(Map.of("platform", "osu", "target_user", "42", "text", "x"));
        OutboundRecord parsed = OutboundRecord.parse(record(value, 7));
        assertEquals(parsed.deliveryId(record(value, 7), 0), parsed.deliveryId(record(value, 7), 0));
        assertNotEquals(parsed.deliveryId(record(value, 7), 0), parsed.deliveryId(record(value, 7), 1));
        assertNotEquals(parsed.deliveryId(record(value, 7), 0), parsed.deliveryId(record(value, 8), 0));
        value.put("client_message_id", "abc");
        OutboundRecord withId = OutboundRecord.parse(record(value, 7));
        assertEquals(withId.deliveryId(record(value, 7), 0), withId.deliveryId(record(value, 99), 0), "the client's id wins");
    }

    private static void assertReason(String expected, Object value) {
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> OutboundRecord.parse(record(value, 0)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static SinkRecord record(Object value, long offset) {
        return new SinkRecord("out", 0, null, "k", null, value, offset);
    }
}
