package dev.chatconnect.connector.osu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OsuChannelCursorTest {

    @Test
    void catchUpStartsAtTheOldestRecentIdSoLateIdsAreFound() {
        OsuChannelCursor cursor = new OsuChannelCursor(null);
        assertFalse(cursor.hasPosition());
        cursor.remember(100);
        cursor.remember(102); // 101 was published late, out of id order
        assertEquals(100, cursor.catchUpFrom());
        assertTrue(cursor.remember(101), "the late message is new");
        assertFalse(cursor.remember(102), "already emitted");
        assertEquals(102, cursor.lastMessageId());
    }

    @Test
    void roundTripsThroughTheOffset() {
        OsuChannelCursor cursor = new OsuChannelCursor(null);
        for (long id = 1; id <= 60; id++) {
            cursor.remember(id * 10);
        }
        Map<String, Object> offset = cursor.offset();
        assertNull(OsuChannelCursor.checkOffset(offset));
        OsuChannelCursor restored = new OsuChannelCursor(offset);
        assertEquals(600, restored.lastMessageId());
        assertEquals(110, restored.catchUpFrom(), "the 50 most recent ids are kept");
        assertFalse(restored.remember(600));
        assertFalse(restored.remember(50), "older than every recent id: emitted long ago");
        assertTrue(restored.remember(605));
    }

    @Test
    void offsetShapeIsChecked() {
        assertNotNull(OsuChannelCursor.checkOffset(Map.of("last_message_id", "12")));
        assertNotNull(OsuChannelCursor.checkOffset(Map.of("last_message_id", 12L, "recent_message_ids", "a,b")));
        assertNull(OsuChannelCursor.checkOffset(Map.of("last_message_id", 12L)));
    }

    @Test
    void bothTimestampFormsParse() {
        assertEquals(OsuEventMapper.timestamp("2018-07-06T06:33:34Z"), OsuEventMapper.timestamp("2018-07-06T06:33:34+00:00"));
        assertNull(OsuEventMapper.timestamp("yesterday"));
    }
}
