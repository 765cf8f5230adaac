package dev.chatconnect.connector.metrics;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one sink destination (a channel, or a private recipient). Thread-safe. */
public final class SinkDestinationMetrics implements SinkDestinationMetricsMBean {
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder rateLimitWaitMs = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final AtomicInteger queueDepth = new AtomicInteger();
    private volatile long lastLatencyMs;
    private volatile String lastError = "";

    public void sent(long latencyMs) {
        sent.increment();
        lastLatencyMs = latencyMs;
    }

    public void failed(String error) {
        failed.increment();
        lastError = error;
    }

    public void retried(String error) {
        retried.increment();
        lastError = error;
    }

    public void alreadyDelivered() {
        skipped.increment();
    }

    public void waitedOnRateLimit(long millis) {
        if (millis > 0) {
            rateLimitWaitMs.add(millis);
        }
    }

    public void rateLimitedResponse() {
        rateLimited.increment();
    }

    public void queueDepth(int depth) {
        queueDepth.set(depth);
    }

    @Override
    public long getMessagesSent() {
        return sent.sum();
    }

    @Override
    public long getMessagesFailed() {
        return failed.sum();
    }

    @Override
    public long getSendsRetried() {
        return retried.sum();
    }

    @Override
    public long getAlreadyDeliveredSkipped() {
        return skipped.sum();
    }

    @Override
    public long getRateLimitWaitMs() {
        return rateLimitWaitMs.sum();
    }

    @Override
    public long getRateLimitedResponses() {
        return rateLimited.sum();
    }

    @Override
    public int getQueueDepth() {
        return queueDepth.get();
    }

    @Override
    public long getLastSendLatencyMs() {
        return lastLatencyMs;
    }

    @Override
    public String getLastError() {
        return lastError;
    }
}
