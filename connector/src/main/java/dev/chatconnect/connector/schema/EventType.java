package dev.chatconnect.connector.schema;

/** The {@code event_type} values every platform maps its events onto. */
public enum EventType {
    MESSAGE("message"),
    USER_JOIN("user_join"),
    USER_LEAVE("user_leave"),
    MESSAGE_DELETED("message_deleted"),
    USER_PURGED("user_purged"),
    MESSAGES_CLEARED("messages_cleared"),
    POLL_START("poll_start"),
    POLL_END("poll_end"),
    USER_UPDATE("user_update"),
    USER_TIMEOUT("user_timeout"),
    SKILL_ATTRIBUTION("skill_attribution"),
    SKILL_ATTRIBUTION_DELETED("skill_attribution_deleted"),
    CHANNEL_JOIN("channel_join"),
    CHANNEL_PART("channel_part"),
    /** A well-formed event the connector does not know; the raw frame carries all of it. */
    UNKNOWN("unknown"),
    /** A frame that could not be parsed at all; the raw frame carries it as received. */
    MALFORMED("malformed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
