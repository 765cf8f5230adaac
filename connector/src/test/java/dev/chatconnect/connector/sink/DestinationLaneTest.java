package dev.chatconnect.connector.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatconnect.connector.metrics.SinkDestinationMetrics;
import dev.chatconnect.connector.platform.Destination;
import dev.chatconnect.connector.platform.Outbound;
import dev.chatconnect.connector.platform.PlatformSink;
import dev.chatconnect.connector.platform.SendException;
import dev.chatconnect.connector.util.SerialExecutor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lane's rules against a scripted platform: order, retries, give-ups, and the delivered check. */
class DestinationLaneTest {
    private static final Destination DEST = new Destination("test", "1", null);
    private static final TopicPartition P0 = new TopicPartition("out", 0);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(2);
    private final OffsetTracker tracker = new OffsetTracker();
    private final ScriptedPlatform platform = new ScriptedPlatform();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        timer.shutdownNow();
        pool.shutdownNow();
    }

    @Test
    void sendsInOrderAndRetriesTheHeadUntilItGoes() {
        platform.failNext("m1", SendException.retryable("429"), SendException.retryable("429"));
        DestinationLane lane = lane(true);
        lane.enqueue(entries("m0", "m1", "m2"));
        await(() -> platform.delivered.size() == 3);
        assertEquals(List.of("m0", "m1", "m2"), platform.delivered);
        assertEquals(Map.of(P0, new OffsetAndMetadata(3)), tracker.committable());
    }

    @Test
    void aPermanentRefusalGivesTheRecordUpAndTheOthersGoOn() {
        platform.failNext("m1", SendException.permanent("too long"));
        DestinationLane lane = lane(true);
        lane.enqueue(entries("m0", "m1", "m2"));
        await(() -> platform.delivered.size() == 2 && failures.size() == 1);
        assertEquals(List.of("m0", "m2"), platform.delivered);
        assertEquals(List.of("too long"), failures);
        assertEquals(Map.of(P0, new OffsetAndMetadata(1)), tracker.committable(), "held until the task reported it");
    }

    @Test
    void retriesEndAfterTheLastAttempt() {
        platform.failNext("m0", SendException.retryable("a"), SendException.retryable("b"), SendException.retryable("c"));
        lane(true).enqueue(entries("m0"));
        await(() -> failures.size() == 1);
        assertTrue(failures.get(0).startsWith("gave up after 3 attempts"), failures.get(0));
    }

    @Test
    void anUnknownOutcomeIsCheckedBeforeSendingAgain() {
        platform.failNext("m1", SendException.unknownOutcome("reply lost"));
        platform.deliverDespiteFailure.add("m1");
        lane(true).enqueue(entries("m0", "m1", "m2"));
        await(() -> platform.delivered.size() == 3 && tracker.inFlight() == 0);
        assertEquals(List.of("m0", "m1", "m2"), platform.delivered, "m1 arrived once, not twice");
        assertTrue(platform.checks >= 2, "checked at start and after the unknown outcome");
    }

    @Test
    void aPlatformThatThrowsDoesNotStallTheLane() {
        platform.throwOn.add("m0");
        lane(false).enqueue(entries("m0", "m1"));
        await(() -> platform.delivered.contains("m1"));
        assertEquals(1, failures.size());
    }

    private DestinationLane lane(boolean check) {
        return new DestinationLane(DEST, platform, new SinkDestinationMetrics(), new SerialExecutor(pool),
                timer, new DestinationLane.Outcome() {
                    @Override
                    public void failed(DestinationLane.Entry entry, String reason) {
                        failures.add(reason);
                    }

                    @Override
                    public void fatal(String reason) {
                        failures.add("fatal: " + reason);
                    }
                }, 3, Duration.ofMillis(5), Duration.ofMillis(20), check);
    }

    private List<DestinationLane.Entry> entries(String... texts) {
        List<DestinationLane.Entry> entries = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            SinkRecord record = new SinkRecord("out", 0, null, null, null, texts[i], i);
            entries.add(new DestinationLane.Entry(new Outbound(DEST, texts[i], false, "id-" + texts[i], "out-0@" + i), record,
                    tracker.start(P0, i, 1)));
        }
        return entries;
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // polling interval
        }
    }

    /** Delivers what it is sent unless told to fail; answers the delivered check from what it has. */
    private static final class ScriptedPlatform implements PlatformSink {
        final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Queue<SendException>> failures = new ConcurrentHashMap<>();
        final Set<String> deliverDespiteFailure = ConcurrentHashMap.newKeySet();
        final Set<String> throwOn = ConcurrentHashMap.newKeySet();
        volatile int checks;

        void failNext(String text, SendException... errors) {
            failures.put(text, new ArrayDeque<>(List.of(errors)));
        }

        @Override
        public String checkDestination(Destination destination) {
            return null;
        }

        @Override
        public int maxLength(Destination destination) {
            return 100;
        }

        @Override
        public CompletableFuture<String> send(Outbound message) {
            if (throwOn.remove(message.text())) {
                throw SendException.permanent("platform bug");
            }
            Queue<SendException> pending = failures.get(message.text());
            SendException failure = pending == null ? null : pending.poll();
            if (failure != null) {
                if (deliverDespiteFailure.remove(message.text())) {
                    delivered.add(message.text());
                }
                return CompletableFuture.failedFuture(failure);
            }
            delivered.add(message.text());
            return CompletableFuture.completedFuture("pid-" + message.text());
        }

        @Override
        public CompletableFuture<Set<String>> alreadyDelivered(Destination destination, List<Outbound> candidates) {
            checks++;
            Set<String> found = ConcurrentHashMap.newKeySet();
            candidates.stream().filter(c -> delivered.contains(c.text())).forEach(c -> found.add(c.deliveryId()));
            return CompletableFuture.completedFuture(found);
        }

        @Override
        public void close() {
        }
    }
}
