package dev.chatconnect.connector.metrics;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one source channel; updated by the channel's socket code, read over JMX. */
public final class SourceChannelMetrics implements SourceChannelMetricsMBean {
    private final LongAdder eventsReceived = new LongAdder();
    private final LongAdder recordsEmitted = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder gapFilled = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder unknown = new LongAdder();
    private volatile boolean connected;
    private volatile long lastEventMillis = -1;
    private volatile String state = "STARTING";
    private volatile String lastError = "";

    public void eventReceived() {
        eventsReceived.increment();
        lastEventMillis = System.currentTimeMillis();
    }

    public void recordEmitted() {
        recordsEmitted.increment();
    }

    public void reconnected() {
        reconnects.increment();
    }

    public void gapFilled(int messages) {
        gapFilled.add(messages);
    }

    public void duplicateSkipped() {
        duplicates.increment();
    }

    public void malformedFrame() {
        malformed.increment();
    }

    public void unknownEvent() {
        unknown.increment();
    }

    public void connected(boolean value) {
        connected = value;
    }

    public void state(String value) {
        state = value;
    }

    /** The error must already be free of secrets: callers pass messages they built, never raw exception text from HTTP. */
    public void lastError(String value) {
        lastError = value == null ? "" : value;
    }

    @Override
    public long getEventsReceived() {
        return eventsReceived.sum();
    }

    @Override
    public long getRecordsEmitted() {
        return recordsEmitted.sum();
    }

    @Override
    public long getReconnects() {
        return reconnects.sum();
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public long getMillisSinceLastEvent() {
        long last = lastEventMillis;
        return last < 0 ? -1 : System.currentTimeMillis() - last;
    }

    @Override
    public long getGapFilledMessages() {
        return gapFilled.sum();
    }

    @Override
    public long getDuplicatesSkipped() {
        return duplicates.sum();
    }

    @Override
    public long getMalformedFrames() {
        return malformed.sum();
    }

    @Override
    public long getUnknownEvents() {
        return unknown.sum();
    }

    @Override
    public String getState() {
        return state;
    }

    @Override
    public String getLastError() {
        return lastError;
    }
}
