package dev.chatconnect.connector.sink;

import org.apache.kafka.connect.errors.DataException;

/** A record the sink cannot or may not send; the message says why, and goes with the record to the dead-letter queue. */
final class InvalidRecordException extends DataException {
    InvalidRecordException(String reason) {
        super(reason);
    }
}
