package dev.chatconnect.demo;

import dev.chatconnect.connector.source.ChatSourceConnector;
import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * The local demo: emulator with live traffic, an embedded Kafka broker and Connect worker, the source connector deployed
 * through the worker's REST API, and a live per-channel table of what reaches Kafka. Ctrl-C stops everything.
 */
public final class DemoMain {
    static final String TOPIC = "chat.events";

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
        System.out.println("chatconnect demo: starting the emulator, a Kafka broker and a Connect worker (logs: target/chatconnect-demo.log) ...");
        ChatEmulator emulator = ChatEmulator.start(EmulatorOptions.builder()
                .mixerChannelCount(options.channels())
                .osuChannelCount(2)
                .trafficEventsPerSecond(options.eventsPerSecond())
                .build());
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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping ...");
            connect.stop();
            emulator.close();
            stopped.countDown();
        }, "demo-shutdown"));
        connect.start();
        System.out.println(emulator.startLine());

        Map<String, String> source = new HashMap<>(emulator.connectorConfig());
        source.put("connector.class", ChatSourceConnector.class.getName());
        source.put("tasks.max", "2");
        source.put("topic", TOPIC);
        source.put("topic.creation.default.replication.factor", "1");
        source.put("topic.creation.default.partitions", "3");
        connect.configureConnector("chat-source", source);
        System.out.println("Deployed connector 'chat-source' (Mixer and osu! channels) on the worker; reading " + TOPIC + " ...");

        try (LiveTable table = new LiveTable(connect.kafka().bootstrapServers(), TOPIC, "chat-source")) {
            long deadline = options.seconds() > 0 ? System.nanoTime() + Duration.ofSeconds(options.seconds()).toNanos() : Long.MAX_VALUE;
            while (System.nanoTime() < deadline && stopped.getCount() > 0) {
                table.readFor(Duration.ofSeconds(2));
                table.print(System.out);
            }
            if (options.seconds() > 0) {
                table.printSummary(System.out);
            }
        }
        if (options.seconds() > 0) {
            System.exit(0);
        }
    }

    private DemoMain() {
    }
}
