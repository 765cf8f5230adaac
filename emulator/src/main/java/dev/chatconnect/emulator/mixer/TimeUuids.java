package dev.chatconnect.emulator.mixer;

import java.util.Random;
import java.util.UUID;

/** Version-1 (time-based) UUIDs like real Mixer message ids, strictly increasing in time within one generator. */
final class TimeUuids {

    /** 100-ns intervals between the UUID epoch (1582-10-15) and the Unix epoch. */
    private static final long UUID_EPOCH_OFFSET = 0x01B21DD213814000L;

    private final long clockSeqAndNode;
    private long lastTimestamp;

    TimeUuids(Random random) {
        long clockSeq = random.nextInt(0x4000);
        long node = (random.nextLong() & 0xFFFF_FFFF_FFFFL) | 0x0100_0000_0000L; // multicast bit: not a real MAC
        clockSeqAndNode = ((0x8000L | clockSeq) << 48) | node;                 // variant 10xx (RFC 4122)
    }

    synchronized UUID next() {
        long timestamp = System.currentTimeMillis() * 10_000 + UUID_EPOCH_OFFSET;
        if (timestamp <= lastTimestamp) {
            timestamp = lastTimestamp + 1;
        }
        lastTimestamp = timestamp;
        long timeLow = timestamp & 0xFFFF_FFFFL;
        long timeMid = (timestamp >>> 32) & 0xFFFFL;
        long timeHigh = (timestamp >>> 48) & 0x0FFFL;
        return new UUID((timeLow << 32) | (timeMid << 16) | 0x1000L | timeHigh, clockSeqAndNode);
    }
}
