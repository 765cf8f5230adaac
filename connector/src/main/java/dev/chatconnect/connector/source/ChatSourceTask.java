package dev.chatconnect.connector.source;

import dev.chatconnect.connector.Version;
import dev.chatconnect.connector.config.ChatSourceTaskConfig;
import dev.chatconnect.connector.config.TopicTemplate;
import dev.chatconnect.connector.metrics.MetricsRegistry;
import dev.chatconnect.connector.platform.ChannelRef;
import dev.chatconnect.connector.platform.ChatPlatform;
import dev.chatconnect.connector.platform.IoResources;
import dev.chatconnect.connector.platform.PlatformSource;
import dev.chatconnect.connector.platform.Platforms;
import dev.chatconnect.connector.platform.RecordSink;
import dev.chatconnect.connector.platform.SourceContext;
import dev.chatconnect.connector.schema.ChatEventSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds the sockets of its share of the channels and hands their events to Kafka Connect. */
public class ChatSourceTask extends SourceTask {
    private static final Logger log = LoggerFactory.getLogger(ChatSourceTask.class);

    private ChatSourceTaskConfig config;
    private EventQueue queue;
    private IoResources io;
    private MetricsRegistry metrics;
    private final List<PlatformSource> sources = new ArrayList<>();

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new ChatSourceTaskConfig(props);
        String connectorName = props.getOrDefault("name", "chat-source");
        List<ChannelRef> channels = config.channels();
        queue = new EventQueue(config.queueCapacity());
        io = new IoResources(connectorName + "-task" + config.taskId(), config.ioThreads(), config.connectTimeout());
        metrics = new MetricsRegistry(connectorName, config.taskId());
        Map<ChannelRef, Map<String, Object>> offsets = storedOffsets(channels);
        RecordSink sink = new QueueSink(queue, config.topic(), channels.size());

        Map<String, List<ChannelRef>> byPlatform = new LinkedHashMap<>();
        channels.forEach(ref -> byPlatform.computeIfAbsent(ref.platform(), p -> new ArrayList<>()).add(ref));
        byPlatform.forEach((name, refs) -> {
            ChatPlatform platform = Platforms.byName(name).orElseThrow();
            PlatformSource source = platform.openSource(new SourceContext(config, refs, offsets, context.offsetStorageReader(), sink, io, metrics));
            sources.add(source);
            source.start();
        });
        log.info("Chat source task {} started for {} channel(s): {}", config.taskId(), channels.size(), channels);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        return queue.poll(config.maxBatchSize(), config.pollMaxWait());
    }

    @Override
    public void stop() {
        if (queue != null) {
            queue.close();
        }
        sources.forEach(PlatformSource::close);
        sources.clear();
        if (io != null) {
            io.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        log.info("Chat source task stopped");
    }

    private Map<ChannelRef, Map<String, Object>> storedOffsets(List<ChannelRef> channels) {
        List<Map<String, String>> partitions = channels.stream().map(ChannelRef::sourcePartition).toList();
        Map<Map<String, String>, Map<String, Object>> stored = context.offsetStorageReader().offsets(partitions);
        Map<ChannelRef, Map<String, Object>> byChannel = new HashMap<>();
        for (ChannelRef ref : channels) {
            Map<String, Object> offset = stored == null ? null : stored.get(ref.sourcePartition());
            if (offset != null) {
                byChannel.put(ref, offset);
            }
        }
        return byChannel;
    }

    /** Turns platform events into records on the task's queue. */
    private static final class QueueSink implements RecordSink {
        private final EventQueue queue;
        private final TopicTemplate topic;
        private final Map<ChannelRef, String> topics = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<ChannelRef, String> failed = new java.util.concurrent.ConcurrentSkipListMap<>(
                java.util.Comparator.comparing(ChannelRef::toString));
        private final int channelCount;

        QueueSink(EventQueue queue, TopicTemplate topic, int channelCount) {
            this.queue = queue;
            this.topic = topic;
            this.channelCount = channelCount;
        }

        @Override
        public boolean emit(ChannelRef channel, Map<String, ?> offset, Struct event) throws InterruptedException {
            String target = topics.computeIfAbsent(channel, c -> topic.resolve(c.platform(), c.channel()));
            long timestamp = ((java.util.Date) event.get("received_at")).getTime();
            return queue.put(new SourceRecord(channel.sourcePartition(), offset, target, null,
                    Schema.STRING_SCHEMA, channel.recordKey(), ChatEventSchema.EVENT, event, timestamp));
        }

        @Override
        public boolean emitRecord(SourceRecord record) throws InterruptedException {
            return queue.put(record);
        }

        @Override
        public void channelFailed(ChannelRef channel, String reason) {
            failed.put(channel, reason);
            if (failed.size() >= channelCount) {
                StringBuilder message = new StringBuilder("No channel of this task can be read:");
                failed.forEach((ref, why) -> message.append(' ').append(ref).append(": ").append(why).append(';'));
                queue.fail(new org.apache.kafka.connect.errors.ConnectException(message.toString()));
            }
        }

        @Override
        public boolean backPressured() {
            return queue.wasFullWithin(java.time.Duration.ofSeconds(5));
        }
    }
}
