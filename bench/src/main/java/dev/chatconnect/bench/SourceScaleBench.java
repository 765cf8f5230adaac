package dev.chatconnect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatconnect.connector.source.ChatSourceConnector;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * How the source connector scales with channels: N Mixer channels (one socket each) in ONE task of one worker. The
 * emulator runs in its own JVM, so every thread and byte measured here is the worker's (Kafka's in-JVM cluster kit, as in
 * the demo). Measures: time until all N sockets are authenticated, threads and heap the connector added, and the
 * records per second it delivers into Kafka under the emulator's traffic.
 *
 * <pre>bench/run-source-scale.sh [--channels 10000] [--rate 0.1] [--seconds 60] [--io-threads 2] [--chats-per-minute 500]</pre>
 */
public final class SourceScaleBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "bench.mixer.events";

    public static void main(String[] args) throws Exception {
        System.setProperty("log4j2.configurationFile", String.valueOf(SourceScaleBench.class.getResource("/bench-log4j2.xml")));
        Map<String, String> options = parse(args);
        int channels = Integer.parseInt(options.getOrDefault("channels", "10000"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "0.1"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int ioThreads = Integer.parseInt(options.getOrDefault("io-threads", "2"));
        Path emulatorJar = Path.of(options.getOrDefault("emulator-jar", "emulator/target/chat-emulator.jar"));
        // Mixer's chats bucket (500 GET /chats per minute) paces connects; raise it on both sides to see the connector alone
        String chatsPerMinute = options.getOrDefault("chats-per-minute", "500");

        Process emulator = new ProcessBuilder("java", "-Xmx4g", "-jar", emulatorJar.toString(), "--port", "0",
                "--mixer-channels", Integer.toString(channels), "--osu-channels", "0", "--rate", Double.toString(rate),
                "--mixer-chats-per-minute", chatsPerMinute)
                .redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::destroyForcibly));
        JsonNode emulatorConfig = readStartLine(emulator);
        String apiUrl = emulatorConfig.path("mixer.api.url").asText();
        String adminUrl = apiUrl.replace("/api/v1", "/_emulator/mixer/stats");

        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                .name("source-scale-bench").numWorkers(1).numBrokers(1)
                .workerProps(new HashMap<>(Map.of("plugin.discovery", "service_load", "offset.flush.interval.ms", "10000",
                        "key.converter", StringConverter.class.getName(), "value.converter", JsonConverter.class.getName(),
                        "value.converter.schemas.enable", "false")))
                .build();
        connect.start();
        connect.kafka().createTopic(TOPIC, 6);
        int threadsBefore = JvmGauges.liveThreads();
        long heapBefore = JvmGauges.heapUsedAfterGc();

        Map<String, String> source = new HashMap<>();
        emulatorConfig.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("mixer.")) {
                source.put(e.getKey(), e.getValue().asText());
            }
        });
        source.put("connector.class", ChatSourceConnector.class.getName());
        source.put("tasks.max", "1");
        source.put("topic", TOPIC);
        source.put("io.threads", Integer.toString(ioThreads));
        source.put("mixer.chats.requests.per.minute", chatsPerMinute);
        source.put("channels", LongStream.range(1001, 1001 + channels).mapToObj(id -> "mixer:" + id).collect(Collectors.joining(",")));
        long deployed = System.nanoTime();
        connect.configureConnector("scale", source);

        HttpClient http = HttpClient.newHttpClient();
        int sockets = 0;
        while (sockets < channels) {
            Thread.sleep(500);
            sockets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(adminUrl)).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("sockets").asInt();
            double elapsed = (System.nanoTime() - deployed) / 1e9;
            if (elapsed > 900) {
                throw new IllegalStateException("only " + sockets + " of " + channels + " sockets after 15 min");
            }
        }
        double connectSeconds = (System.nanoTime() - deployed) / 1e9;
        int threadsConnected = JvmGauges.liveThreads();
        long heapConnected = JvmGauges.heapUsedAfterGc();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers()))) {
            long start = records(admin);
            long startedAt = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long end = records(admin);
            double window = (System.nanoTime() - startedAt) / 1e9;
            System.out.printf("%nSOURCE SCALE: %d Mixer channels in 1 task (io.threads=%d), /chats bucket %s per minute, "
                    + "emulator traffic %.2f events/s per channel%n", channels, ioThreads, chatsPerMinute, rate);
            System.out.printf("| channels | all sockets authenticated | threads added | heap added (after GC) | per channel | records/s into Kafka (offered %.0f/s) |%n",
                    channels * rate);
            System.out.printf("| %d | %.1f s | %d | %d MB | %.1f KB | %.0f |%n", channels, connectSeconds,
                    threadsConnected - threadsBefore, (heapConnected - heapBefore) >> 20,
                    (heapConnected - heapBefore) / 1024.0 / channels, (end - start) / window);
        }
        connect.stop();
        emulator.destroy();
        System.exit(0);
    }

    private static long records(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()
                .stream().collect(Collectors.toMap(p -> new TopicPartition(TOPIC, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(r -> r.offset()).sum();
    }

    private static JsonNode readStartLine(Process emulator) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            if (line.startsWith("EMULATOR ")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (Exception ignored) {
                        // emulator gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return JSON.readTree(line.substring("EMULATOR ".length()));
            }
        }
        throw new IllegalStateException("the emulator printed no EMULATOR line");
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    private SourceScaleBench() {
    }
}
