package dev.chatconnect.connector.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Bounded, blocking hand-off from the socket side to {@code poll()} (after Debezium's ChangeEventQueue). A producer waits
 * while the queue is full, so nothing is dropped; a fatal failure recorded by any producer is rethrown by the next poll.
 */
public final class EventQueue {
    private static final long PRODUCER_RECHECK_MS = 100;
    private final ArrayBlockingQueue<SourceRecord> records;
    private volatile RuntimeException failure;
    private volatile boolean closed;
    private volatile long lastFullNanos;

    public EventQueue(int capacity) {
        this.records = new ArrayBlockingQueue<>(capacity);
    }

    /** Waits for room and enqueues; returns false only when the queue was closed (the task is stopping). */
    public boolean put(SourceRecord record) throws InterruptedException {
        while (!closed) {
            if (records.offer(record)) {
                return !closed;
            }
            lastFullNanos = System.nanoTime();
            if (records.offer(record, PRODUCER_RECHECK_MS, TimeUnit.MILLISECONDS)) {
                return !closed;
            }
        }
        return false;
    }

    /** Waits up to {@code maxWait} for the first record, then takes what is there up to {@code maxBatch}; null when idle. */
    public List<SourceRecord> poll(int maxBatch, Duration maxWait) throws InterruptedException {
        throwIfFailed();
        SourceRecord first = records.poll(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            throwIfFailed();
            return null;
        }
        List<SourceRecord> batch = new ArrayList<>(Math.min(maxBatch, records.size() + 1));
        batch.add(first);
        records.drainTo(batch, maxBatch - 1);
        return batch;
    }

    public void fail(RuntimeException cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    /** True when a producer found the queue full within {@code window}: readers are paused by back-pressure, not dead. */
    public boolean wasFullWithin(Duration window) {
        long last = lastFullNanos;
        return last != 0 && System.nanoTime() - last < window.toNanos();
    }

    public int size() {
        return records.size();
    }

    public void close() {
        closed = true;
        records.clear();
    }

    private void throwIfFailed() {
        RuntimeException cause = failure;
        if (cause != null) {
            throw cause instanceof ConnectException ? cause : new ConnectException(cause.getMessage(), cause);
        }
    }
}
