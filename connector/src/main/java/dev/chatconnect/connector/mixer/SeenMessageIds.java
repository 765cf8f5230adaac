package dev.chatconnect.connector.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.connector.util.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The ids of a channel's most recent emitted messages: Mixer's only resume state (its ids carry no order and there is no
 * cursor). It decides which history messages are new after a reconnect and is the channel's source offset, stored as one
 * comma-separated string because Connect offsets hold primitive values only (Mixer ids are uuids, never with commas).
 */
final class SeenMessageIds {
    static final String OFFSET_KEY = "recent_message_ids";
    private static final String SEPARATOR = ",";
    private final int capacity;
    private final LinkedHashSet<String> ids = new LinkedHashSet<>();
    private Map<String, Object> offset;

    SeenMessageIds(int capacity, Map<String, Object> storedOffset) {
        this.capacity = capacity;
        if (storedOffset != null && storedOffset.get(OFFSET_KEY) instanceof String stored && !stored.isEmpty()) {
            for (String id : stored.split(SEPARATOR)) {
                remember(id);
            }
        }
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }

    /** Records {@code id} as emitted; false when it already was (a duplicate). */
    boolean remember(String id) {
        if (id.contains(SEPARATOR)) {
            throw new IllegalArgumentException("message id with a '" + SEPARATOR + "' cannot be tracked: " + id);
        }
        if (!ids.add(id)) {
            return false;
        }
        if (ids.size() > capacity) {
            Iterator<String> oldest = ids.iterator();
            oldest.next();
            oldest.remove();
        }
        offset = null;
        return true;
    }

    /**
     * The history messages (oldest first) that come after the newest one already emitted and were not emitted themselves.
     * Anchoring on the newest known id keeps a message deleted from history from making older ones look new.
     */
    List<JsonNode> unseen(List<JsonNode> history) {
        int anchor = -1;
        for (int i = history.size() - 1; i >= 0; i--) {
            if (ids.contains(Json.text(history.get(i), "id"))) {
                anchor = i;
                break;
            }
        }
        List<JsonNode> fresh = new ArrayList<>();
        for (int i = anchor + 1; i < history.size(); i++) {
            String id = Json.text(history.get(i), "id");
            if (id != null && !ids.contains(id)) {
                fresh.add(history.get(i));
            }
        }
        return fresh;
    }

    /** The offset after the last remembered id; the same map is reused until another id is remembered. */
    Map<String, Object> offset() {
        if (offset == null) {
            offset = Map.of(OFFSET_KEY, String.join(SEPARATOR, ids));
        }
        return offset;
    }

    static String checkOffset(Map<String, ?> offset) {
        if (!(offset.get(OFFSET_KEY) instanceof String)) {
            return "must hold \"" + OFFSET_KEY + "\": Mixer message ids separated by commas (one string)";
        }
        return null;
    }
}
