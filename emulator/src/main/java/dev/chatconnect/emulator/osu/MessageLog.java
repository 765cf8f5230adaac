package dev.chatconnect.emulator.osu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The messages of one channel, ascending by id: the newest {@code retain} in full for paging, every id ever stored as
 * a compact long array (a soak run may post millions). Not thread-safe; the channel guards it.
 */
final class MessageLog {

    private final int retain;
    private final ArrayList<OsuMessage> retained = new ArrayList<>();
    private long[] ids = new long[64];
    private int idCount;

    MessageLog(int retain) {
        this.retain = retain;
    }

    void add(OsuMessage message) {
        retained.add(message);
        if (retained.size() > retain + retain / 4) {
            retained.subList(0, retained.size() - retain).clear(); // trim in batches, not one by one
        }
        if (idCount == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[idCount++] = message.messageId();
    }

    Long lastId() {
        return idCount == 0 ? null : ids[idCount - 1];
    }

    int size() {
        return idCount;
    }

    List<Long> allIds() {
        List<Long> copy = new ArrayList<>(idCount);
        for (int i = 0; i < idCount; i++) {
            copy.add(ids[i]);
        }
        return copy;
    }

    /** The retained messages (the newest {@code retain} at least), ascending. */
    List<OsuMessage> retained() {
        return List.copyOf(retained);
    }

    /**
     * Get Channel Messages before filtering (reference §4.3): with {@code since}, the oldest {@code limit} with a
     * greater id; otherwise the newest {@code limit}, below {@code until} if given. Ascending either way.
     */
    List<OsuMessage> page(Long since, Long until, int limit) {
        if (since != null) {
            int from = firstIndexAbove(since);
            return List.copyOf(retained.subList(from, Math.min(retained.size(), from + limit)));
        }
        int to = until == null ? retained.size() : until == Long.MIN_VALUE ? 0 : firstIndexAbove(until - 1);
        return List.copyOf(retained.subList(Math.max(0, to - limit), to));
    }

    /** Index of the first retained message whose id is greater than {@code id}. */
    private int firstIndexAbove(long id) {
        int low = 0;
        int high = retained.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (retained.get(mid).messageId() > id) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
