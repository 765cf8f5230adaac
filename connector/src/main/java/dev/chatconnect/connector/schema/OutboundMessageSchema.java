package dev.chatconnect.connector.schema;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * The Connect form of {@code schemas/src/main/avro/OutboundMessage.avsc}, the value the sink connector consumes;
 * {@code ChatEventSchemaContractTest} proves the two are the same.
 */
public final class OutboundMessageSchema {
    public static final String PLATFORM = "platform";
    public static final String CHANNEL = "channel";
    public static final String TEXT = "text";
    public static final String ACTION = "action";
    public static final String TARGET_USER = "target_user";
    public static final String CLIENT_MESSAGE_ID = "client_message_id";

    public static final Schema MESSAGE = SchemaBuilder.struct().name("dev.chatconnect.schema.OutboundMessage")
            .field(PLATFORM, Schema.STRING_SCHEMA)
            .field(CHANNEL, Schema.OPTIONAL_STRING_SCHEMA)
            .field(TEXT, Schema.STRING_SCHEMA)
            .field(ACTION, SchemaBuilder.bool().defaultValue(false).build())
            .field(TARGET_USER, Schema.OPTIONAL_STRING_SCHEMA)
            .field(CLIENT_MESSAGE_ID, Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private OutboundMessageSchema() {
    }
}
