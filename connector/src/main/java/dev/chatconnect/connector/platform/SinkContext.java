package dev.chatconnect.connector.platform;

import dev.chatconnect.connector.config.ChatSinkConfig;
import dev.chatconnect.connector.metrics.SinkMetrics;

/**
 * What a platform's sink gets from the sink task.
 *
 * @param taskCount how many tasks the connector runs: account-wide budgets are split evenly among them
 */
public record SinkContext(ChatSinkConfig config, IoResources io, SinkMetrics metrics, int taskCount) {
}
