package dev.chatconnect.connector.sink;

import dev.chatconnect.connector.Version;
import dev.chatconnect.connector.config.ChatSinkConfig;
import dev.chatconnect.connector.metrics.MetricsRegistry;
import dev.chatconnect.connector.metrics.SinkMetrics;
import dev.chatconnect.connector.platform.ChatPlatform;
import dev.chatconnect.connector.platform.Destination;
import dev.chatconnect.connector.platform.IoResources;
import dev.chatconnect.connector.platform.Outbound;
import dev.chatconnect.connector.platform.PlatformSink;
import dev.chatconnect.connector.platform.Platforms;
import dev.chatconnect.connector.platform.SinkContext;
import dev.chatconnect.connector.util.SerialExecutor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbound records to chat. Each record is checked (fields, platform, allowlist, length) on arrival; one that fails
 * goes to the dead-letter queue through the errant record reporter, or fails the task when none is configured. Valid
 * messages join their destination's lane; offsets are committed only up to the oldest record not yet confirmed.
 */
public class ChatSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(ChatSinkTask.class);

    private ChatSinkConfig config;
    private Allowlist allowlist;
    private MessageFitter fitter;
    private IoResources io;
    private MetricsRegistry registry;
    private SinkMetrics metrics;
    private ErrantRecordReporter reporter;
    private final OffsetTracker tracker = new OffsetTracker();
    private final Map<String, PlatformSink> platforms = new HashMap<>();
    private final Map<Destination, DestinationLane> lanes = new HashMap<>();
    private final ConcurrentLinkedQueue<Rejected> failedSends = new ConcurrentLinkedQueue<>();
    private boolean paused;
    private volatile String fatal;

    private record Rejected(SinkRecord record, OffsetTracker.Tracked tracked, String reason) {
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new ChatSinkConfig(props);
        String connectorName = props.getOrDefault("name", "chat-sink");
        allowlist = Allowlist.of(config);
        fitter = new MessageFitter(config.lengthPolicy(), config.splitMaxParts());
        io = new IoResources(connectorName + "-task" + config.taskId(), config.ioThreads(), config.connectTimeout());
        registry = new MetricsRegistry(connectorName, config.taskId());
        metrics = new SinkMetrics(registry);
        try {
            reporter = context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError olderWorker) {
            reporter = null;
        }
        log.info("Chat sink task {} started ({}; dead-letter reporting {})", config.taskId(),
                config.allowAll() ? "allow.all" : "allowed: " + config.allowedChannels() + " " + config.allowedUsers(),
                reporter == null ? "off: a bad record fails the task" : "on");
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        reportFailedSends();
        Map<Destination, List<DestinationLane.Entry>> batch = new LinkedHashMap<>();
        for (SinkRecord record : records) {
            TopicPartition partition = new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
            List<Outbound> messages;
            try {
                messages = prepare(record);
            } catch (InvalidRecordException e) {
                reject(record, e.getMessage());
                continue;
            }
            OffsetTracker.Tracked tracked = tracker.start(partition, record.originalKafkaOffset(), messages.size());
            for (Outbound message : messages) {
                batch.computeIfAbsent(message.destination(), d -> new ArrayList<>())
                        .add(new DestinationLane.Entry(message, record, tracked));
            }
        }
        batch.forEach((destination, entries) -> lane(destination).enqueue(entries));
        applyBackPressure();
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        // Failed sends are reported in put(): the worker only logs what preCommit throws, and until they are reported
        // their records hold the committable offset back.
        Map<TopicPartition, OffsetAndMetadata> confirmed = tracker.committable();
        confirmed.keySet().retainAll(currentOffsets.keySet());
        return confirmed;
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        // Records of these partitions may have been sent by their previous owner after its last commit.
        lanes.values().forEach(DestinationLane::recheck);
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        tracker.revoke(partitions);
    }

    @Override
    public void stop() {
        lanes.values().forEach(DestinationLane::close);
        lanes.clear();
        platforms.values().forEach(PlatformSink::close);
        platforms.clear();
        if (io != null) {
            io.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    /** Checks a record and turns it into the messages to send; throws with the reason when it must not be sent. */
    private List<Outbound> prepare(SinkRecord record) {
        OutboundRecord parsed = OutboundRecord.parse(record);
        Destination destination = parsed.destination();
        PlatformSink platform = platform(destination.platform());
        String problem = platform.checkDestination(destination);
        if (problem == null) {
            problem = allowlist.check(destination);
        }
        if (problem != null) {
            throw new InvalidRecordException(problem);
        }
        List<String> texts = fitter.fit(parsed.text(), platform.maxLength(destination));
        List<Outbound> messages = new ArrayList<>(texts.size());
        for (int part = 0; part < texts.size(); part++) {
            messages.add(new Outbound(destination, texts.get(part), parsed.action(), parsed.deliveryId(record, part), origin(record)));
        }
        return messages;
    }

    private PlatformSink platform(String name) {
        PlatformSink open = platforms.get(name);
        if (open != null) {
            return open;
        }
        ChatPlatform platform = Platforms.byName(name).orElseThrow(() ->
                new InvalidRecordException("unknown platform '" + name + "' (known: " + Platforms.names() + ")"));
        PlatformSink sink = platform.openSink(new SinkContext(config, io, metrics, config.taskCount()));
        platforms.put(name, sink);
        return sink;
    }

    private DestinationLane lane(Destination destination) {
        return lanes.computeIfAbsent(destination, d -> new DestinationLane(d, platforms.get(d.platform()),
                metrics.destination(d.platform(), d.name()),
                new SerialExecutor(io.channelWork()), io.timer(),
                new DestinationLane.Outcome() {
                    @Override
                    public void failed(DestinationLane.Entry entry, String reason) {
                        failedSends.add(new Rejected(entry.record(), entry.tracked(), reason));
                    }

                    @Override
                    public void fatal(String reason) {
                        ChatSinkTask.this.fatal = reason;
                    }
                },
                config.retryMaxAttempts(), config.retryBackoffInitial(), config.retryBackoffMax(), config.checkDelivered()));
    }

    /** Sends that failed for good are reported here, on the task's thread, before their offsets can be committed. */
    private void reportFailedSends() {
        if (fatal != null) {
            throw new ConnectException("The sink cannot send: " + fatal);
        }
        Rejected failed;
        while ((failed = failedSends.poll()) != null) {
            reject(failed.record(), failed.reason());
            failed.tracked().finishAll();
        }
    }

    private void reject(SinkRecord record, String reason) {
        String message = "Record " + origin(record) + " was not sent: " + reason;
        if (reporter == null) {
            throw new ConnectException(message + ". Set errors.tolerance=all and errors.deadletterqueue.topic.name to "
                    + "route such records to a dead-letter topic instead of stopping the task.");
        }
        log.warn("{}; it goes to the dead-letter queue", message);
        reporter.report(record, new InvalidRecordException(message));
    }

    /** Pauses consumption while too many records wait for the platforms; resumes at half. */
    private void applyBackPressure() {
        int inFlight = tracker.inFlight();
        Set<TopicPartition> assigned = context.assignment();
        if (!paused && inFlight >= config.maxBufferedRecords()) {
            paused = true;
            context.pause(assigned.toArray(TopicPartition[]::new));
            log.debug("{} records wait for the platforms: consumption paused", inFlight);
        } else if (paused && inFlight <= config.maxBufferedRecords() / 2) {
            paused = false;
            context.resume(assigned.toArray(TopicPartition[]::new));
        }
    }

    private static String origin(SinkRecord record) {
        return record.originalTopic() + "-" + record.originalKafkaPartition() + "@" + record.originalKafkaOffset();
    }
}
