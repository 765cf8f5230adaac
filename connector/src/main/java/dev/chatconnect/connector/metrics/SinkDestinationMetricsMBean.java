package dev.chatconnect.connector.metrics;

/** JMX view of one sink destination: {@code dev.chatconnect:type=sink-destination,connector,task,platform,channel}. */
public interface SinkDestinationMetricsMBean {
    long getMessagesSent();

    long getMessagesFailed();

    long getSendsRetried();

    long getAlreadyDeliveredSkipped();

    long getRateLimitWaitMs();

    long getRateLimitedResponses();

    int getQueueDepth();

    long getLastSendLatencyMs();

    String getLastError();
}
