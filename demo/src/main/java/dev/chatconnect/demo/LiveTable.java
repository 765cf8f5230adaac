package dev.chatconnect.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Consumes the events topic and shows, per channel, the rate, the totals by type, reconnects and the last message. */
final class LiveTable implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final String connector;
    private final String sinkConnector;
    private final EchoBot bot;
    private final Map<String, ChannelRow> rows = new TreeMap<>();
    private final boolean terminal = System.console() != null;
    private long lastPrintNanos = System.nanoTime();

    LiveTable(String bootstrap, String topic, String connector, String sinkConnector, EchoBot bot) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "chatconnect-demo-view");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(props);
        this.consumer.subscribe(List.of(topic));
        this.connector = connector;
        this.sinkConnector = sinkConnector;
        this.bot = bot;
    }

    void readFor(Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                JsonNode event = MAPPER.readTree(record.value());
                rows.computeIfAbsent(record.key(), ChannelRow::new).add(event);
            }
        }
    }

    void print(PrintStream out) {
        double seconds = (System.nanoTime() - lastPrintNanos) / 1e9;
        lastPrintNanos = System.nanoTime();
        StringBuilder screen = new StringBuilder();
        if (terminal) {
            screen.append("\033[H\033[2J");
        }
        screen.append(String.format("%-16s %8s %8s %8s %8s %10s %8s  %s%n", "channel", "events/s", "events", "messages", "other",
                "reconnects", "bot sent", "last message"));
        for (ChannelRow row : rows.values()) {
            screen.append(String.format("%-16s %8.1f %8d %8d %8d %10s %8s  %s%n", row.key, row.sinceLast / seconds, row.events,
                    row.messages, row.events - row.messages, reconnects(row.key), sent(row), row.lastMessage));
            row.sinceLast = 0;
        }
        screen.append(String.format("echo bot: %d ping(s) seen, %d pong(s) queued to chat.outbound, %d sent by the sink%n",
                bot.pingsSeen(), bot.answersQueued(), totalSent()));
        screen.append(terminal ? "Ctrl-C to stop." : "").append(System.lineSeparator());
        out.print(screen);
        out.flush();
    }

    void printSummary(PrintStream out) {
        long events = rows.values().stream().mapToLong(r -> r.events).sum();
        out.printf("DEMO SUMMARY: %d channels, %d events in Kafka (%d messages); echo bot: %d pings, %d pongs sent%n",
                rows.size(), events, rows.values().stream().mapToLong(r -> r.messages).sum(), bot.pingsSeen(), totalSent());
    }

    private String reconnects(String key) {
        String platform = key.substring(0, key.indexOf(':'));
        String channel = key.substring(key.indexOf(':') + 1);
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        for (int task = 0; task < 8; task++) {
            try {
                ObjectName name = new ObjectName("dev.chatconnect:type=source-channel,connector=" + connector + ",task=" + task
                        + ",platform=" + platform + ",channel=" + channel);
                if (jmx.isRegistered(name)) {
                    return String.valueOf(jmx.getAttribute(name, "Reconnects"));
                }
            } catch (Exception e) {
                return "?";
            }
        }
        return "-";
    }

    /** Messages the sink confirmed to this row's channel (its JMX metrics are per destination: the channel id). */
    private String sent(ChannelRow row) {
        if (row.channelId == null) {
            return "-";
        }
        long sent = sinkMetric("platform=" + row.key.substring(0, row.key.indexOf(':')) + ",channel=" + quoted(row.channelId));
        return sent < 0 ? "-" : Long.toString(sent);
    }

    private long totalSent() {
        return Math.max(0, sinkMetric("*"));
    }

    /** Sum of MessagesSent over the sink's destination MBeans matching {@code filter} (-1 when none). */
    private long sinkMetric(String filter) {
        try {
            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            ObjectName pattern = new ObjectName("dev.chatconnect:type=sink-destination,connector=" + sinkConnector + ","
                    + ("*".equals(filter) ? "*" : filter + ",*"));
            long total = -1;
            for (ObjectName name : jmx.queryNames(pattern, null)) {
                total = Math.max(total, 0) + (Long) jmx.getAttribute(name, "MessagesSent");
            }
            return total;
        } catch (Exception e) {
            return -1;
        }
    }

    private static String quoted(String value) {
        return value.matches("[A-Za-z0-9._#@-]+") ? value : ObjectName.quote(value);
    }

    @Override
    public void close() {
        consumer.close();
    }

    private static final class ChannelRow {
        private final String key;
        private long events;
        private long messages;
        private long sinceLast;
        private String lastMessage = "";
        private String channelId;

        ChannelRow(String key) {
            this.key = key;
        }

        void add(JsonNode event) {
            events++;
            sinceLast++;
            if (channelId == null && event.hasNonNull("channel_id")) {
                channelId = event.path("channel_id").asText();
            }
            if ("message".equals(event.path("event_type").asText())) {
                messages++;
                String text = event.path("user").path("name").asText("?") + ": " + event.path("text").asText("");
                lastMessage = text.length() > 60 ? text.substring(0, 57) + "..." : text;
            }
        }
    }
}
