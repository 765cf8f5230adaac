package dev.chatconnect.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** Readings of the current JVM: live threads, heap in use after full collections, and resident set size. */
final class JvmGauges {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private JvmGauges() {
    }

    static int liveThreads() {
        return THREADS.getThreadCount();
    }

    static int peakThreads() {
        return THREADS.getPeakThreadCount();
    }

    static void resetPeakThreads() {
        THREADS.resetPeakThreadCount();
    }

    /** Heap used after two explicit full GCs, so only reachable objects are counted. */
    static long heapUsedAfterGc() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Resident set size in bytes from /proc (Linux), or -1 where unavailable. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: report as unavailable.
        }
        return -1;
    }

    /** Polls until the live thread count drops to {@code target} or the wait runs out; returns the last reading. */
    static int awaitThreadsAtMost(int target, long maxWaitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxWaitMillis;
        int live = liveThreads();
        while (live > target && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            live = liveThreads();
        }
        return live;
    }
}
