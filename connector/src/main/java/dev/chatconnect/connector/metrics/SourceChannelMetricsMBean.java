package dev.chatconnect.connector.metrics;

/** JMX view of one source channel: {@code dev.chatconnect:type=source-channel,connector=..,task=..,platform=..,channel=..}. */
public interface SourceChannelMetricsMBean {
    long getEventsReceived();

    long getRecordsEmitted();

    long getReconnects();

    boolean isConnected();

    /** Milliseconds since the last event arrived on the channel; -1 before the first. */
    long getMillisSinceLastEvent();

    long getGapFilledMessages();

    long getDuplicatesSkipped();

    long getMalformedFrames();

    long getUnknownEvents();

    String getState();

    String getLastError();
}
