package dev.chatconnect.connector.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.connector.util.Json;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SeenMessageIdsTest {

    private static List<JsonNode> history(String... ids) {
        return Stream.of(ids).map(id -> (JsonNode) Json.MAPPER.createObjectNode().put("id", id)).toList();
    }

    private static List<String> ids(List<JsonNode> nodes) {
        return nodes.stream().map(n -> n.get("id").asText()).toList();
    }

    @Test
    void onlyMessagesAfterTheNewestKnownOneAreNew() {
        SeenMessageIds seen = new SeenMessageIds(100, null);
        seen.remember("a");
        seen.remember("b");
        assertEquals(List.of("c", "d"), ids(seen.unseen(history("a", "b", "c", "d"))));
    }

    @Test
    void aDeletedMessageDoesNotMakeOlderOnesLookNew() {
        SeenMessageIds seen = new SeenMessageIds(100, null);
        List.of("a", "b", "c").forEach(seen::remember);
        // "c" was deleted by a moderator and is gone from history
        assertEquals(List.of("d"), ids(seen.unseen(history("a", "b", "d"))));
    }

    @Test
    void withNothingKnownEverythingIsNew() {
        assertEquals(List.of("a", "b"), ids(new SeenMessageIds(100, null).unseen(history("a", "b"))));
    }

    @Test
    void evictsTheOldestAndRoundTripsThroughTheOffset() {
        SeenMessageIds seen = new SeenMessageIds(3, null);
        List.of("a", "b", "c", "d").forEach(seen::remember);
        assertFalse(seen.remember("d"));
        Map<String, Object> offset = seen.offset();
        assertEquals("b,c,d", offset.get(SeenMessageIds.OFFSET_KEY));
        SeenMessageIds restored = new SeenMessageIds(3, offset);
        assertEquals(List.of("e"), ids(restored.unseen(history("b", "c", "d", "e"))));
    }

    @Test
    void offsetShapeIsChecked() {
        assertNull(SeenMessageIds.checkOffset(Map.of(SeenMessageIds.OFFSET_KEY, "x,y")));
        assertNotNull(SeenMessageIds.checkOffset(Map.of(SeenMessageIds.OFFSET_KEY, List.of("x"))));
        assertNotNull(SeenMessageIds.checkOffset(Map.of("other", List.of())));
    }
}
