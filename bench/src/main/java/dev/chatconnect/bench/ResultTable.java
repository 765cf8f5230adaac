package dev.chatconnect.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints measured {@link SocketCost}s as a table, the marginal per-socket cost between runs, and JSON lines. */
final class ResultTable {

    private static final String ROW = "%-17s %7s %6s %8s %9s %9s %8s %9s %9s %8s %8s %9s %9s%n";
    private static final String MARGINAL_ROW = "%-17s %13s %12s %14s %13s%n";

    private ResultTable() {
    }

    static void print(List<SocketCost> costs, PrintStream out) {
        out.println();
        out.println("Cost of open sockets (deltas against a fresh JVM before the client was created)");
        out.printf(ROW, "client", "sockets", "failed", "open ms", "threads+", "thr/sock", "peak+",
                "heap+ MB", "KB/sock", "RSS+ MB", "KB/sock", "closed+", "shutdown+");
        for (SocketCost cost : costs) {
            out.printf(ROW, cost.client(), cost.sockets(), cost.failedSockets(), cost.openMillis(),
                    cost.threadDelta(), format("%.3f", cost.threadsPerSocket()), cost.peakThreads() - cost.threadsBefore(),
                    format("%.1f", cost.heapDelta() / 1048576.0), format("%.2f", cost.heapKbPerSocket()),
                    format("%.1f", cost.rssDelta() / 1048576.0), format("%.2f", cost.rssKbPerSocket()),
                    cost.threadsAfterClose() - cost.threadsBefore(), cost.threadsAfterShutdown() - cost.threadsBefore());
        }
        printMarginalCosts(costs, out);
        out.println();
        costs.forEach(cost -> out.println(cost.toJson()));
    }

    /** Slope between consecutive socket counts of one client: the per-socket cost with fixed costs cancelled out. */
    private static void printMarginalCosts(List<SocketCost> costs, PrintStream out) {
        out.println();
        out.println("Marginal cost per extra socket (difference between consecutive runs of the same client)");
        out.printf(MARGINAL_ROW, "client", "sockets", "threads/sock", "heap KB/sock", "RSS KB/sock");
        for (String client : costs.stream().map(SocketCost::client).distinct().collect(Collectors.toList())) {
            List<SocketCost> runs = costs.stream()
                    .filter(cost -> cost.client().equals(client))
                    .sorted((a, b) -> Integer.compare(a.sockets(), b.sockets()))
                    .collect(Collectors.toList());
            for (int i = 1; i < runs.size(); i++) {
                SocketCost low = runs.get(i - 1);
                SocketCost high = runs.get(i);
                double extra = high.sockets() - low.sockets();
                out.printf(MARGINAL_ROW, client, low.sockets() + "->" + high.sockets(),
                        format("%.3f", (high.threadDelta() - low.threadDelta()) / extra),
                        format("%.2f", (high.heapDelta() - low.heapDelta()) / 1024.0 / extra),
                        format("%.2f", (high.rssDelta() - low.rssDelta()) / 1024.0 / extra));
            }
        }
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
