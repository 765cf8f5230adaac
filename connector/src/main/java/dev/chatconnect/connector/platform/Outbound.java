package dev.chatconnect.connector.platform;

/**
 * One message to send, already checked against the sink's allowlist and fitted to the platform's length limit.
 *
 * @param deliveryId stable across restarts for the same record (and part), so a platform can recognise a message it
 *                   already delivered; osu! sends it as the message {@code uuid}
 * @param origin     topic-partition@offset of the record, for logs and errors
 */
public record Outbound(Destination destination, String text, boolean action, String deliveryId, String origin) {
}
