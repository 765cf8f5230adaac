package dev.chatconnect.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Measures one (client, socket count) pair. Runs as the main class of a fresh JVM started by
 * {@link WebSocketClientCostBench}, so nothing from an earlier run (threads, warmed pools, loaded classes) is left over.
 * Prints one line {@code RESULT <json>}.
 *
 * <p>Arguments: {@code <client> <sockets> <ws-url> <timeout-seconds>}. With {@code -Dbench.holdMillis=N} the probe
 * keeps the sockets open N ms longer after measuring, to inspect it with {@code jcmd} (thread dump, class histogram).
 */
public final class SocketCostProbe {

    static final String RESULT_PREFIX = "RESULT ";
    private static final long SETTLE_MILLIS = 500;
    private static final long THREAD_WAIT_MILLIS = 5_000;
    private static final long HOLD_MILLIS = Long.getLong("bench.holdMillis", 0);

    private SocketCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        String clientName = args[0];
        int sockets = Integer.parseInt(args[1]);
        URI uri = URI.create(args[2]);
        long timeoutSeconds = Long.parseLong(args[3]);

        int threadsBefore = JvmGauges.liveThreads();
        long heapBefore = JvmGauges.heapUsedAfterGc();
        long rssBefore = JvmGauges.residentBytes();
        JvmGauges.resetPeakThreads();

        WebSocketCandidate candidate = ClientVariant.byName(clientName).newCandidate();
        long startNanos = System.nanoTime();
        List<TrackedSocket> opened = new ArrayList<>(sockets);
        for (int i = 0; i < sockets; i++) {
            opened.add(candidate.open(uri));
        }
        int failed = awaitAll(opened, true, timeoutSeconds);
        long openMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);

        Thread.sleep(SETTLE_MILLIS);
        int threadsOpen = JvmGauges.liveThreads();
        int peakThreads = JvmGauges.peakThreads();
        long heapOpen = JvmGauges.heapUsedAfterGc();
        long rssOpen = JvmGauges.residentBytes();
        holdForInspection(sockets);

        opened.forEach(TrackedSocket::startClose);
        awaitAll(opened, false, timeoutSeconds);
        Thread.sleep(SETTLE_MILLIS);
        int threadsAfterClose = JvmGauges.liveThreads();

        candidate.shutdown();
        opened.clear();
        candidate = null;
        System.gc(); // lets an unreachable java.net.http.HttpClient stop its selector thread
        int threadsAfterShutdown = JvmGauges.awaitThreadsAtMost(threadsBefore, THREAD_WAIT_MILLIS);

        SocketCost cost = new SocketCost(clientName, sockets, failed, openMillis,
                threadsBefore, threadsOpen, peakThreads, heapBefore, heapOpen, rssBefore, rssOpen,
                threadsAfterClose, threadsAfterShutdown);
        System.out.println(RESULT_PREFIX + cost.toJson());
        System.exit(0); // idle library threads (e.g. OkHttp's TaskRunner) must not keep the probe alive
    }

    private static void holdForInspection(int sockets) throws InterruptedException {
        if (HOLD_MILLIS > 0) {
            System.err.printf("holding %d sockets open for %d ms (pid %d)%n",
                    sockets, HOLD_MILLIS, ProcessHandle.current().pid());
            Thread.sleep(HOLD_MILLIS);
        }
    }

    /** Waits for every socket's first frame (or close); returns how many failed or did not finish in time. */
    private static int awaitAll(List<TrackedSocket> sockets, boolean firstFrame, long timeoutSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        int failed = 0;
        for (TrackedSocket socket : sockets) {
            CompletableFuture<Void> milestone = firstFrame ? socket.firstFrame : socket.closed;
            try {
                milestone.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                failed++;
            }
        }
        if (failed > 0) {
            System.err.printf("%d of %d sockets did not %s within %d s%n",
                    failed, sockets.size(), firstFrame ? "receive a first frame" : "close", timeoutSeconds);
        }
        return failed;
    }
}
