package dev.chatconnect.connector.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A sink task's metrics: one MBean per destination, one per platform account; registered on first use. */
public final class SinkMetrics {
    private final MetricsRegistry registry;
    private final Map<String, SinkDestinationMetrics> destinations = new ConcurrentHashMap<>();
    private final Map<String, SourceAccountMetrics> accounts = new ConcurrentHashMap<>();

    public SinkMetrics(MetricsRegistry registry) {
        this.registry = registry;
    }

    /** {@code destination} is written as in the allowlists, e.g. {@code 1001} or {@code @42}. */
    public SinkDestinationMetrics destination(String platform, String destination) {
        return destinations.computeIfAbsent(platform + ":" + destination,
                key -> registry.sinkDestination(platform, destination));
    }

    /** Token refreshes, REST requests and 429 answers of the platform account the task sends as. */
    public SourceAccountMetrics account(String platform) {
        return accounts.computeIfAbsent(platform, registry::sinkAccount);
    }
}
