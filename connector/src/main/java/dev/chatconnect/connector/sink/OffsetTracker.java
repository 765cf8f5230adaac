package dev.chatconnect.connector.sink;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which records are finished (sent and confirmed, or handed to the dead-letter queue) per partition, and so which offsets
 * may be committed: up to, not including, the oldest record still open. Thread-safe.
 */
final class OffsetTracker {

    /** One record's progress: it is finished when all its parts are. */
    final class Tracked {
        private final PartitionState partition;
        private final long offset;
        private final AtomicInteger openParts;
        private volatile boolean abandoned;

        private Tracked(PartitionState partition, long offset, int parts) {
            this.partition = partition;
            this.offset = offset;
            this.openParts = new AtomicInteger(parts);
        }

        /** A part is done; the record is finished with its last part. */
        void partDone() {
            if (openParts.decrementAndGet() == 0) {
                partition.finish(offset);
            }
        }

        /** The whole record is done (e.g. given up), whatever parts are left; later calls do nothing. */
        void finishAll() {
            if (openParts.getAndSet(0) > 0) {
                partition.finish(offset);
            }
        }

        /** The record failed: its remaining parts are not sent; it finishes once it is reported. */
        void abandon() {
            abandoned = true;
        }

        boolean finished() {
            return abandoned || openParts.get() <= 0;
        }

        /** False once the partition was revoked from this task: its records are another task's now. */
        boolean owned() {
            return !partition.revoked;
        }
    }

    private final class PartitionState {
        private final TreeMap<Long, Boolean> open = new TreeMap<>();
        private long next = -1;
        private volatile boolean revoked;

        synchronized void start(long offset) {
            open.put(offset, Boolean.TRUE);
            next = Math.max(next, offset + 1);
            inFlight.incrementAndGet();
        }

        synchronized void finish(long offset) {
            if (open.remove(offset) != null) {
                inFlight.decrementAndGet();
            }
        }

        synchronized Long committable() {
            if (next < 0) {
                return null;
            }
            return open.isEmpty() ? next : open.firstKey();
        }

        synchronized void revoke() {
            revoked = true;
            inFlight.addAndGet(-open.size());
            open.clear();
        }
    }

    private final Map<TopicPartition, PartitionState> partitions = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** Starts tracking a record of {@code parts} messages. */
    Tracked start(TopicPartition partition, long offset, int parts) {
        PartitionState state = partitions.computeIfAbsent(partition, p -> new PartitionState());
        state.start(offset);
        return new Tracked(state, offset, parts);
    }

    /** Records taken from Kafka and not finished yet. */
    int inFlight() {
        return inFlight.get();
    }

    /** Offsets safe to commit now, for the partitions this task has seen records of. */
    Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        partitions.forEach((partition, state) -> {
            Long offset = state.committable();
            if (offset != null) {
                offsets.put(partition, new OffsetAndMetadata(offset));
            }
        });
        return offsets;
    }

    /** The partitions went to another task: forget them; their unsent records are skipped. */
    void revoke(Collection<TopicPartition> revoked) {
        for (TopicPartition partition : revoked) {
            PartitionState state = partitions.remove(partition);
            if (state != null) {
                state.revoke();
            }
        }
    }
}
