package dev.chatconnect.connector.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

/** Reads a topic from the beginning and keeps every record's key and JSON value, in consumption order. */
public final class TopicReader implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<Event> events = new ArrayList<>();

    /** A consumed record: key, value parsed as JSON, and the Kafka partition it came from. */
    public record Event(String key, JsonNode value, int partition) {
        public String type() {
            return value.path("event_type").asText();
        }

        public String id() {
            return value.path("event_id").asText(null);
        }

        public String channel() {
            return value.path("channel_id").asText();
        }
    }

    public TopicReader(EmbeddedKafkaCluster kafka, String topic) {
        consumer = kafka.createConsumerAndSubscribeTo(Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic + "-" + System.nanoTime()), topic);
    }

    /** Reads until at least {@code count} records match, or fails after {@code timeout}. */
    public List<Event> awaitAtLeast(int count, Predicate<Event> filter, Duration timeout) {
        Await.until(timeout, () -> {
            pollOnce(Duration.ofMillis(200));
            return matching(filter).size() >= count;
        }, () -> count + " matching records (have " + matching(filter).size() + ")");
        return matching(filter);
    }

    /** Reads whatever arrives within {@code quiet} and returns all records seen so far that match. */
    public List<Event> drain(Predicate<Event> filter, Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            pollOnce(Duration.ofMillis(200));
        }
        return matching(filter);
    }

    public List<Event> matching(Predicate<Event> filter) {
        return events.stream().filter(filter).toList();
    }

    private void pollOnce(Duration wait) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(wait)) {
            try {
                String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                events.add(new Event(key, MAPPER.readTree(record.value()), record.partition()));
            } catch (java.io.IOException e) {
                throw new AssertionError("record value is not JSON", e);
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }

    public static List<String> ids(List<Event> events) {
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.id()));
        return ids;
    }
}
