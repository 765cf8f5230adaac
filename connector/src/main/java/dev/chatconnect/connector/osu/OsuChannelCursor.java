package dev.chatconnect.connector.osu;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A channel's resume point: the highest {@code message_id} emitted and the ids of the last ones. osu! can publish two
 * messages out of id order (§8.2), so catch-up re-reads from the oldest recent id and de-duplicates, instead of trusting
 * the highest id alone.
 */
final class OsuChannelCursor {
    static final String LAST_MESSAGE_ID = "last_message_id";
    static final String RECENT_MESSAGE_IDS = "recent_message_ids";
    private static final int RECENT = 50;
    private final LinkedHashSet<Long> recent = new LinkedHashSet<>();
    private long lastMessageId = -1;
    private Map<String, Object> offset;

    OsuChannelCursor(Map<String, Object> stored) {
        if (stored != null && stored.get(LAST_MESSAGE_ID) instanceof Number last) {
            Object ids = stored.get(RECENT_MESSAGE_IDS);
            if (ids instanceof String text && !text.isBlank()) {
                for (String id : text.split(",")) {
                    remember(Long.parseLong(id.trim()));
                }
            }
            lastMessageId = Math.max(lastMessageId, last.longValue());
        }
    }

    /** False before anything of this channel was ever emitted. */
    boolean hasPosition() {
        return lastMessageId >= 0;
    }

    /** Where catch-up starts (exclusive): at the oldest recent id, so late, out-of-order ids after it are caught too. */
    long catchUpFrom() {
        return recent.isEmpty() ? lastMessageId : Collections.min(recent);
    }

    long lastMessageId() {
        return lastMessageId;
    }

    boolean seen(long id) {
        return recent.contains(id) || (id <= lastMessageId && id < (recent.isEmpty() ? Long.MAX_VALUE : Collections.min(recent)));
    }

    /** Records an emitted id; false when it was emitted already. */
    boolean remember(long id) {
        if (seen(id)) {
            return false;
        }
        recent.add(id);
        if (recent.size() > RECENT) {
            Iterator<Long> oldest = recent.iterator();
            oldest.next();
            oldest.remove();
        }
        lastMessageId = Math.max(lastMessageId, id);
        offset = null;
        return true;
    }

    Map<String, Object> offset() {
        if (offset == null) {
            offset = Map.of(LAST_MESSAGE_ID, lastMessageId,
                    RECENT_MESSAGE_IDS, recent.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        return offset;
    }

    static String checkOffset(Map<String, ?> offset) {
        if (!(offset.get(LAST_MESSAGE_ID) instanceof Number)) {
            return "must hold \"" + LAST_MESSAGE_ID + "\" (the last osu! message_id emitted, a number)";
        }
        Object ids = offset.get(RECENT_MESSAGE_IDS);
        if (ids != null && !(ids instanceof String && ((String) ids).matches("[0-9,]*"))) {
            return "\"" + RECENT_MESSAGE_IDS + "\" must be message ids separated by commas";
        }
        return null;
    }
}
