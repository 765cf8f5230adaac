package dev.chatconnect.connector.platform;

import dev.chatconnect.connector.config.ChatSourceTaskConfig;
import dev.chatconnect.connector.metrics.MetricsRegistry;
import dev.chatconnect.connector.metrics.SourceChannelMetrics;
import java.util.List;
import java.util.Map;

/** What a platform source gets from the task: its channels, their stored offsets, the shared I/O, and where to emit. */
public record SourceContext(
        ChatSourceTaskConfig config,
        List<ChannelRef> channels,
        Map<ChannelRef, Map<String, Object>> storedOffsets,
        org.apache.kafka.connect.storage.OffsetStorageReader offsetReader,
        RecordSink sink,
        IoResources io,
        MetricsRegistry metrics) {

    /** The offset last committed for {@code channel}, or null when the channel has never been read. */
    public Map<String, Object> storedOffset(ChannelRef channel) {
        return storedOffsets.get(channel);
    }

    /** The committed offset of any partition of this connector (e.g. a platform's account state); null if none. */
    public Map<String, Object> storedOffset(Map<String, ?> partition) {
        return offsetReader.offset(partition);
    }

    public SourceChannelMetrics channelMetrics(ChannelRef channel) {
        return metrics.sourceChannel(channel.platform(), channel.channel());
    }
}
