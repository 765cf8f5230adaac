package dev.chatconnect.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What does a WebSocket client cost per open socket on Java 17? Compares {@code java.net.http.HttpClient} with OkHttp 5
 * for the connector's target of up to 10,000 chat sockets in one Kafka Connect worker.
 *
 * <p>Layout: this process only orchestrates. The WebSocket server runs in its own JVM ({@link LoopbackWebSocketServer},
 * unless {@code --url} names another server), and every (client, socket count) pair is measured by a fresh probe JVM
 * ({@link SocketCostProbe}) that opens the sockets, waits for each one's first frame, and reads threads, heap and RSS.
 * See bench/README.md.
 */
public final class WebSocketClientCostBench {

    private WebSocketClientCostBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<SocketCost> costs = new ArrayList<>();
        if (options.url() != null) {
            measureAll(options, options.url(), costs);
        } else {
            try (LoopbackServerProcess server = LoopbackServerProcess.start()) {
                measureAll(options, server.url(), costs);
            }
        }
        ResultTable.print(costs, System.out);
    }

    private static void measureAll(BenchOptions options, String url, List<SocketCost> costs)
            throws IOException, InterruptedException {
        System.out.printf("server %s, %d cores, java %s%n",
                url, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (String client : options.clients()) {
            for (int sockets : options.socketCounts()) {
                SocketCost cost = measure(options, client, sockets, url);
                System.out.printf("measured %-17s x %5d sockets: %d threads, %.1f MB heap, %d ms to open%n",
                        client, sockets, cost.threadDelta(), cost.heapDelta() / 1048576.0, cost.openMillis());
                costs.add(cost);
            }
        }
    }

    private static SocketCost measure(BenchOptions options, String client, int sockets, String url)
            throws IOException, InterruptedException {
        List<String> jvmOptions = new ArrayList<>(List.of(
                "-Xms" + options.probeHeap(), "-Xmx" + options.probeHeap(),
                "-XX:+AlwaysPreTouch", // heap pages are resident from the start, so RSS growth is off-heap growth
                "-XX:+UseG1GC"));
        jvmOptions.addAll(ClientVariant.byName(client).systemProperties());
        Process probe = ChildJvm.start(jvmOptions, SocketCostProbe.class,
                client, Integer.toString(sockets), url, Long.toString(options.timeoutSeconds()));
        SocketCost cost = null;
        try (BufferedReader stdout = new BufferedReader(
                new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = stdout.readLine()) != null) {
                if (line.startsWith(SocketCostProbe.RESULT_PREFIX)) {
                    cost = SocketCost.fromJson(line.substring(SocketCostProbe.RESULT_PREFIX.length()));
                } else {
                    System.out.println("  probe: " + line);
                }
            }
        }
        int exitCode = probe.waitFor();
        if (cost == null) {
            throw new IOException("Probe for " + client + " x " + sockets + " exited with " + exitCode + " and no result");
        }
        return cost;
    }
}
