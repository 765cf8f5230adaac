package dev.chatconnect.connector.metrics;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one platform account (osu!: one login, one socket and one REST budget for all its channels). */
public final class SourceAccountMetrics implements SourceAccountMetricsMBean {
    private final LongAdder tokenRefreshes = new LongAdder();
    private final LongAdder restRequests = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();

    public void tokenRefreshed() {
        tokenRefreshes.increment();
    }

    public void restRequest() {
        restRequests.increment();
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    @Override
    public long getTokenRefreshes() {
        return tokenRefreshes.sum();
    }

    @Override
    public long getRestRequests() {
        return restRequests.sum();
    }

    @Override
    public long getRateLimitedResponses() {
        return rateLimited.sum();
    }
}
