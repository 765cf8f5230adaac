package dev.chatconnect.bench;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Command-line options of {@link WebSocketClientCostBench}. */
record BenchOptions(List<String> clients, List<Integer> socketCounts, String url, long timeoutSeconds, String probeHeap) {

    static final String USAGE = String.join("\n",
            "Usage: WebSocketClientCostBench [options]",
            "  --clients jdk,okhttp        clients to measure: jdk, jdk-small-buffers, okhttp (default: jdk,okhttp)",
            "  --sockets 250,1000,2500     socket counts (default: 250,1000,2500)",
            "  --url ws://host:port/path   use this server instead of starting the loopback server",
            "                              (e.g. the emulator: ws://127.0.0.1:PORT/mixer/chat/1)",
            "  --timeout 60                seconds allowed to open (and again to close) all sockets",
            "  --heap 512m                 fixed heap (-Xms = -Xmx) of each probe JVM");

    static BenchOptions parse(String[] args) {
        List<String> clients = List.of(ClientVariant.JDK.cliName(), ClientVariant.OKHTTP.cliName());
        List<Integer> socketCounts = List.of(250, 1000, 2500);
        String url = null;
        long timeoutSeconds = 60;
        String probeHeap = "512m";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--clients" -> clients = splitCommas(required(args[i], value));
                case "--sockets" -> socketCounts = splitCommas(required(args[i], value)).stream()
                        .map(Integer::parseInt).collect(Collectors.toList());
                case "--url" -> url = required(args[i], value);
                case "--timeout" -> timeoutSeconds = Long.parseLong(required(args[i], value));
                case "--heap" -> probeHeap = required(args[i], value);
                case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        clients.forEach(ClientVariant::byName); // fail fast on a misspelt client name
        return new BenchOptions(clients, socketCounts, url, timeoutSeconds, probeHeap);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }

    private static List<String> splitCommas(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }
}
