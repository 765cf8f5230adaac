package dev.chatconnect.demo;

import dev.chatconnect.connector.sink.ChatSinkConnector;
import dev.chatconnect.connector.source.ChatSourceConnector;
import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import java.io.Reader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * The local demo: an embedded Kafka broker and Connect worker, the source and sink connectors deployed through the
 * worker's REST API, a small echo bot between them, and a live per-channel table of what flows. By default the platforms
 * are the emulator (with live traffic and a viewer who says "ping" now and then); {@code --config} points the connectors
 * at the real platforms instead. Ctrl-C stops everything.
 */
public final class DemoMain {
    static final String EVENTS = "chat.events";
    static final String OUTBOUND = "chat.outbound";
    static final String SOURCE = "chat-source";
    static final String SINK = "chat-sink";

    public static void main(String[] args) {
        // Kafka's test jars bring their own log4j2 config; the demo's goes first so the terminal stays readable.
        System.setProperty("log4j2.configurationFile", String.valueOf(DemoMain.class.getResource("/chatconnect-demo-log4j2.xml")));
        try {
            run(DemoOptions.parse(args));
        } catch (Exception e) {
            System.err.println("The demo failed: " + e);
            e.printStackTrace();
            System.exit(1); // Kafka's non-daemon threads would keep the JVM alive otherwise
        }
    }

    private static void run(DemoOptions options) throws Exception {
        System.out.println("chatconnect demo: starting " + (options.config() == null ? "the emulator, " : "")
                + "a Kafka broker and a Connect worker (logs: target/chatconnect-demo.log) ...");
        ChatEmulator emulator = options.config() == null ? ChatEmulator.start(EmulatorOptions.builder()
                .mixerChannelCount(options.channels())
                .osuChannelCount(2)
                .trafficEventsPerSecond(options.eventsPerSecond())
                .build()) : null;
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                .name("chatconnect-demo")
                .numWorkers(1)
                .numBrokers(1)
                .workerProps(new HashMap<>(Map.of(
                        "plugin.discovery", "service_load",
                        "offset.flush.interval.ms", "1000",
                        "key.converter", StringConverter.class.getName(),
                        "value.converter", JsonConverter.class.getName(),
                        "value.converter.schemas.enable", "false")))
                .build();
        List<AutoCloseable> running = new ArrayList<>();
        // Ctrl-C (and SIGTERM) ask the main loop to stop, which then shuts down in order: connectors and worker while
        // Kafka is still up, then Kafka, then the emulator. As plain shutdown hooks these would race the test kit's own.
        CountDownLatch stopRequested = new CountDownLatch(1);
        for (String signal : List.of("INT", "TERM")) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> stopRequested.countDown());
        }
        connect.start();

        Map<String, String> source = new HashMap<>();
        Map<String, String> sink = new HashMap<>();
        List<String> botNames = new ArrayList<>();
        if (emulator != null) {
            System.out.println(emulator.startLine());
            source.putAll(emulator.connectorConfig());
            emulatorSink(emulator, sink);
            botNames.add(emulator.mixer().botUsername());
            botNames.add(emulator.osu().botUsername());
        } else {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(options.config())) {
                file.load(reader);
            }
            file.stringPropertyNames().forEach(key -> {
                if (key.startsWith("source.")) {
                    source.put(key.substring("source.".length()), file.getProperty(key));
                } else if (key.startsWith("sink.")) {
                    sink.put(key.substring("sink.".length()), file.getProperty(key));
                }
            });
        }
        source.put("connector.class", ChatSourceConnector.class.getName());
        source.put("tasks.max", "2");
        source.put("topic", EVENTS);
        source.put("topic.creation.default.replication.factor", "1");
        source.put("topic.creation.default.partitions", "3");
        connect.configureConnector(SOURCE, source);

        connect.kafka().createTopic(OUTBOUND, 3);
        sink.put("connector.class", ChatSinkConnector.class.getName());
        sink.put("tasks.max", "1");
        sink.put("topics", OUTBOUND);
        sink.put("errors.tolerance", "all");
        sink.put("errors.deadletterqueue.topic.name", OUTBOUND + ".dlq");
        sink.put("errors.deadletterqueue.topic.replication.factor", "1");
        sink.put("errors.deadletterqueue.context.headers.enable", "true");
        connect.configureConnector(SINK, sink);
        System.out.println("Deployed '" + SOURCE + "' (chat -> " + EVENTS + ") and '" + SINK + "' (" + OUTBOUND
                + " -> chat); the echo bot answers ping with pong ...");

        EchoBot bot = new EchoBot(connect.kafka().bootstrapServers(), EVENTS, OUTBOUND, botNames);
        running.add(bot);
        if (emulator != null) {
            running.add(new PingingViewer(emulator));
        }
        try (LiveTable table = new LiveTable(connect.kafka().bootstrapServers(), EVENTS, SOURCE, SINK, bot)) {
            long deadline = options.seconds() > 0 ? System.nanoTime() + Duration.ofSeconds(options.seconds()).toNanos() : Long.MAX_VALUE;
            while (System.nanoTime() < deadline && stopRequested.getCount() > 0) {
                table.readFor(Duration.ofSeconds(2));
                table.print(System.out);
            }
            table.printSummary(System.out);
        }
        System.out.println("Stopping ...");
        long stopping = System.nanoTime();
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        connect.stop();
        if (emulator != null) {
            emulator.close();
        }
        System.out.printf("Stopped in %.1f s.%n", (System.nanoTime() - stopping) / 1e9);
        System.exit(0); // Kafka's non-daemon threads would keep the JVM alive otherwise
    }

    /** The sink may post to every channel of the emulator, as its bot accounts. */
    private static void emulatorSink(ChatEmulator emulator, Map<String, String> sink) {
        emulator.connectorConfig().forEach((key, value) -> {
            if ((key.startsWith("mixer.") || key.startsWith("osu.")) && !key.equals("osu.refresh.token")
                    && !key.equals("osu.notification.url")) {
                sink.put(key, value);
            }
        });
        sink.put("allowed.channels", emulator.connectorConfig().get("channels"));
        sink.put("osu.sink.user.id", Long.toString(emulator.osu().botUserId()));
    }

    private DemoMain() {
    }
}
