package dev.chatconnect.connector.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
    private final TopicPartition p0 = new TopicPartition("out", 0);

    @Test
    void commitsUpToTheOldestRecordNotYetFinished() {
        OffsetTracker tracker = new OffsetTracker();
        OffsetTracker.Tracked r10 = tracker.start(p0, 10, 1);
        OffsetTracker.Tracked r11 = tracker.start(p0, 11, 2);
        OffsetTracker.Tracked r12 = tracker.start(p0, 12, 1);
        assertEquals(Map.of(p0, new OffsetAndMetadata(10)), tracker.committable());
        r12.partDone();
        r10.partDone();
        assertEquals(Map.of(p0, new OffsetAndMetadata(11)), tracker.committable(), "11 has one part left");
        r11.partDone();
        assertEquals(Map.of(p0, new OffsetAndMetadata(11)), tracker.committable());
        r11.partDone();
        assertEquals(Map.of(p0, new OffsetAndMetadata(13)), tracker.committable());
        assertEquals(0, tracker.inFlight());
    }

    @Test
    void abandonedRecordsWaitForTheirReportAndRevokedPartitionsAreForgotten() {
        OffsetTracker tracker = new OffsetTracker();
        OffsetTracker.Tracked r0 = tracker.start(p0, 0, 3);
        r0.abandon();
        assertEquals(Map.of(p0, new OffsetAndMetadata(0)), tracker.committable(), "not before it is reported");
        r0.finishAll();
        assertEquals(Map.of(p0, new OffsetAndMetadata(1)), tracker.committable());
        OffsetTracker.Tracked r1 = tracker.start(p0, 1, 1);
        tracker.revoke(List.of(p0));
        assertFalse(r1.owned());
        assertEquals(Map.of(), tracker.committable());
        assertEquals(0, tracker.inFlight());
    }
}
