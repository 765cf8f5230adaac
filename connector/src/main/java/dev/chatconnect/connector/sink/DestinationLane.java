package dev.chatconnect.connector.sink;

import dev.chatconnect.connector.metrics.SinkDestinationMetrics;
import dev.chatconnect.connector.platform.Destination;
import dev.chatconnect.connector.platform.Outbound;
import dev.chatconnect.connector.platform.PlatformSink;
import dev.chatconnect.connector.platform.SendException;
import dev.chatconnect.connector.util.Backoff;
import dev.chatconnect.connector.util.Futures;
import dev.chatconnect.connector.util.SerialExecutor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages for one destination, sent one at a time in record order: the next goes out only when the platform has
 * confirmed the previous one, so order holds across retries. Before the first send (after a start or rebalance) and after
 * a send with unknown outcome, the lane asks the platform which queued messages it already has and skips those.
 * All state is touched on the lane's serial executor only.
 */
final class DestinationLane {
    private static final Logger log = LoggerFactory.getLogger(DestinationLane.class);
    /** How many queued messages one delivered-check looks at (a platform's recent history is about this long). */
    private static final int CHECK_WINDOW = 50;

    /** One message of a record, with the record's progress. */
    record Entry(Outbound message, SinkRecord record, OffsetTracker.Tracked tracked) {
    }

    /** Where finished entries go: done (sent or already there) or failed for good. */
    interface Outcome {
        void failed(Entry entry, String reason);

        /** Nothing can be sent (e.g. credentials refused): the task must fail. */
        void fatal(String reason);
    }

    private final Destination destination;
    private final PlatformSink platform;
    private final SinkDestinationMetrics metrics;
    private final SerialExecutor serial;
    private final ScheduledExecutorService timer;
    private final Outcome outcome;
    private final int maxAttempts;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final boolean checkDelivered;
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private boolean running;
    private boolean needsCheck;
    private int attempts;
    private Backoff backoff;
    private volatile boolean closed;

    DestinationLane(Destination destination, PlatformSink platform, SinkDestinationMetrics metrics, SerialExecutor serial, ScheduledExecutorService timer,
                    Outcome outcome, int maxAttempts, Duration backoffInitial, Duration backoffMax, boolean checkDelivered) {
        this.destination = destination;
        this.platform = platform;
        this.metrics = metrics;
        this.serial = serial;
        this.timer = timer;
        this.outcome = outcome;
        this.maxAttempts = maxAttempts;
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
        this.checkDelivered = checkDelivered;
        this.needsCheck = checkDelivered;
        this.backoff = new Backoff(backoffInitial, backoffMax);
    }

    void enqueue(List<Entry> entries) {
        serial.execute(() -> {
            queue.addAll(entries);
            metrics.queueDepth(queue.size());
            if (!running) {
                running = true;
                next();
            }
        });
    }

    /** After a rebalance this task may hold records another task already sent: check again before sending. */
    void recheck() {
        serial.execute(() -> needsCheck = checkDelivered);
    }

    void close() {
        closed = true;
    }

    private void next() {
        while (!queue.isEmpty() && (!queue.peek().tracked().owned() || queue.peek().tracked().finished())) {
            queue.poll(); // revoked partition, or a record already given up
        }
        metrics.queueDepth(queue.size());
        if (queue.isEmpty() || closed) {
            running = false;
            return;
        }
        if (needsCheck) {
            needsCheck = false;
            checkThenSend();
            return;
        }
        send(queue.peek());
    }

    private void checkThenSend() {
        List<Outbound> window = queue.stream().limit(CHECK_WINDOW).map(Entry::message).toList();
        CompletableFuture<Set<String>> check;
        try {
            check = platform.alreadyDelivered(destination, window);
        } catch (RuntimeException e) {
            check = CompletableFuture.failedFuture(e);
        }
        check.whenComplete((delivered, error) -> serial.execute(() -> {
            if (error != null) {
                log.warn("Could not check what {} already has ({}); sending without the check",
                        destination, Futures.unwrap(error).getMessage());
            } else if (!delivered.isEmpty()) {
                skipDelivered(delivered);
            }
            next();
        }));
    }

    private void skipDelivered(Set<String> delivered) {
        int skipped = 0;
        for (Entry entry : queue) {
            if (delivered.contains(entry.message().deliveryId())) {
                entry.tracked().partDone();
                metrics.alreadyDelivered();
                skipped++;
            }
        }
        queue.removeIf(entry -> delivered.contains(entry.message().deliveryId()));
        attempts = 0;
        log.info("{}: {} message(s) were already delivered before (restart or lost reply) and are not sent again",
                destination, skipped);
    }

    private void send(Entry entry) {
        long started = System.nanoTime();
        attempts++;
        CompletableFuture<String> sent;
        try {
            sent = platform.send(entry.message());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e); // a platform bug must not leave the lane waiting forever
        }
        sent.whenComplete((messageId, error) -> serial.execute(() -> {
            if (closed) {
                running = false;
                return;
            }
            if (error == null) {
                queue.poll();
                attempts = 0;
                backoff.reset();
                metrics.sent(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                entry.tracked().partDone();
                next();
            } else {
                onFailure(entry, Futures.unwrap(error));
            }
        }));
    }

    private void onFailure(Entry entry, Throwable error) {
        SendException failure = error instanceof SendException e ? e
                : SendException.unknownOutcome(error.getClass().getSimpleName() + ": " + error.getMessage());
        if (failure.kind() == SendException.Kind.FATAL) {
            running = false;
            metrics.failed(failure.getMessage());
            outcome.fatal(failure.getMessage());
            return;
        }
        if (failure.kind() == SendException.Kind.PERMANENT || attempts >= maxAttempts) {
            String reason = failure.kind() == SendException.Kind.PERMANENT ? failure.getMessage()
                    : "gave up after " + attempts + " attempts; last error: " + failure.getMessage();
            queue.poll();
            attempts = 0;
            metrics.failed(reason);
            entry.tracked().abandon();
            outcome.failed(entry, reason);
            next();
            return;
        }
        if (failure.kind() == SendException.Kind.UNKNOWN_OUTCOME) {
            needsCheck = checkDelivered;
        }
        Duration wait = failure.retryAfter() != null ? failure.retryAfter() : backoff.next();
        metrics.retried(failure.getMessage());
        log.debug("{}: attempt {} failed ({}); retrying in {} ms", destination, attempts,
                failure.getMessage(), wait.toMillis());
        timer.schedule(() -> serial.execute(this::next), wait.toMillis(), TimeUnit.MILLISECONDS);
    }
}
