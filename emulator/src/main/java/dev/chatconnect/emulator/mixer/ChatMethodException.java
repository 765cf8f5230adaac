package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A method call the server refuses; becomes the reply's error (a string or a {code,message,...} object). */
final class ChatMethodException extends Exception {

    static final int BAD_REQUEST = 4004;
    static final int RATE_LIMITED = 4005;
    static final int PURGE_USER_NOT_FOUND = 4001;
    static final int MESSAGE_NOT_FOUND = 4003;

    private final Integer code; // null for string errors

    private ChatMethodException(Integer code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static ChatMethodException badRequest(String message) {
        return new ChatMethodException(BAD_REQUEST, message);
    }

    static ChatMethodException withCode(int code, String message) {
        return new ChatMethodException(code, message);
    }

    /** The auth errors: "UNOTFOUND", "UACCESS". */
    static ChatMethodException stringError(String error) {
        return new ChatMethodException(null, error);
    }

    ObjectNode toReply(JsonNode id) {
        return code == null ? MixerPackets.stringError(id, getMessage())
                : MixerPackets.objectError(id, code, getMessage());
    }
}
