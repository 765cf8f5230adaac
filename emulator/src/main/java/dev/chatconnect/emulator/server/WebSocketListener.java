package dev.chatconnect.emulator.server;

/** Receives the frames of one accepted WebSocket. All calls for one socket come from the same I/O thread. */
public interface WebSocketListener {

    void onText(String text);

    void onBinary(byte[] payload);

    /** Whether a ping frame should be answered with a pong. */
    default boolean answersPings() {
        return true;
    }

    /** A pong frame arrived (solicited or not). */
    default void onPong() {
    }

    /** The socket is gone, whichever side closed it. */
    void onClosed();
}
