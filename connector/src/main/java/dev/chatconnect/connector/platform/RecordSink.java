package dev.chatconnect.connector.platform;

import java.util.Map;
import org.apache.kafka.connect.data.Struct;

/** Where a platform source puts its events; implemented by the source task. */
public interface RecordSink {

    /**
     * Hands one event of {@code channel} to Kafka Connect, waiting while the task's queue is full.
     *
     * @param offset what the channel needs to resume after this event (stored when the record is committed)
     * @return false when the task is stopping and the event was not taken
     */
    boolean emit(ChannelRef channel, Map<String, ?> offset, Struct event) throws InterruptedException;

    /** Hands a record the platform built itself (e.g. a state record whose offset is what matters). */
    boolean emitRecord(org.apache.kafka.connect.source.SourceRecord record) throws InterruptedException;

    /**
     * Reports a channel that is given up for good (logged by the caller). The task carries on with its other channels and
     * fails, naming every channel and cause, once none is left.
     */
    void channelFailed(ChannelRef channel, String reason);

    /** True when events are waiting on a full queue: sockets are paused on purpose and must not be judged dead. */
    boolean backPressured();
}
