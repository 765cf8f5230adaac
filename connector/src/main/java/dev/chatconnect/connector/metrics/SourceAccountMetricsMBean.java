package dev.chatconnect.connector.metrics;

/** JMX view of a platform account shared by a task's channels: {@code dev.chatconnect:type=source-account,...}. */
public interface SourceAccountMetricsMBean {
    long getTokenRefreshes();

    long getRestRequests();

    long getRateLimitedResponses();
}
