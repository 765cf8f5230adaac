package dev.chatconnect.emulator.mixer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Every message id of a channel, in order, at 16 bytes each: a long soak run may post millions. Not thread-safe. */
final class UuidLog {

    private long[] bits = new long[64];
    private int size;

    void add(UUID id) {
        if (2 * size + 2 > bits.length) {
            bits = Arrays.copyOf(bits, bits.length * 2);
        }
        bits[2 * size] = id.getMostSignificantBits();
        bits[2 * size + 1] = id.getLeastSignificantBits();
        size++;
    }

    int size() {
        return size;
    }

    List<String> toStrings() {
        List<String> ids = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ids.add(new UUID(bits[2 * i], bits[2 * i + 1]).toString());
        }
        return ids;
    }
}
