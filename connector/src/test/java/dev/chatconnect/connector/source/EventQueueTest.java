package dev.chatconnect.connector.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class EventQueueTest {
    private static SourceRecord record(int n) {
        return new SourceRecord(Map.of(), Map.of(), "t", null, n);
    }

    @Test
    void aFullQueueMakesTheProducerWaitInsteadOfDropping() throws Exception {
        EventQueue queue = new EventQueue(2);
        assertTrue(queue.put(record(1)));
        assertTrue(queue.put(record(2)));
        CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.put(record(3));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThrows(java.util.concurrent.TimeoutException.class, () -> third.get(300, TimeUnit.MILLISECONDS));
        assertTrue(queue.wasFullWithin(Duration.ofSeconds(5)));
        // the waiting producer gets in as soon as poll() makes room, possibly within the same poll(): collect them all
        List<Object> values = new java.util.ArrayList<>();
        queue.poll(10, Duration.ofMillis(10)).forEach(r -> values.add(r.value()));
        assertTrue(third.get(5, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (values.size() < 3 && System.nanoTime() < deadline) {
            List<SourceRecord> more = queue.poll(10, Duration.ofMillis(100));
            if (more != null) {
                more.forEach(r -> values.add(r.value()));
            }
        }
        assertEquals(List.of(1, 2, 3), values, "nothing dropped, order kept");
    }

    @Test
    void anIdlePollReturnsNullAfterWaitingBriefly() throws Exception {
        EventQueue queue = new EventQueue(2);
        long start = System.nanoTime();
        assertNull(queue.poll(10, Duration.ofMillis(100)));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(90), "waited, did not spin");
    }

    @Test
    void aRecordedFailureIsRethrownByPoll() {
        EventQueue queue = new EventQueue(2);
        queue.fail(new IllegalStateException("no channel can be read"));
        ConnectException thrown = assertThrows(ConnectException.class, () -> queue.poll(10, Duration.ofMillis(10)));
        assertEquals("no channel can be read", thrown.getMessage());
    }

    @Test
    void closingReleasesAWaitingProducer() throws Exception {
        EventQueue queue = new EventQueue(1);
        queue.put(record(1));
        CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.put(record(2));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        queue.close();
        assertFalse(blocked.get(5, TimeUnit.SECONDS));
    }
}
