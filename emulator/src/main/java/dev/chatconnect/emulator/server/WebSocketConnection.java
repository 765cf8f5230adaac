package dev.chatconnect.emulator.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** The server side of one WebSocket. Safe to use from any thread; frames leave in the order they were sent. */
public final class WebSocketConnection {

    private static final Logger LOG = Logger.getLogger(WebSocketConnection.class.getName());

    /** A client that stops reading must not make the emulator buffer without bound; real servers drop such sockets. */
    private static final long SLOW_CONSUMER_LIMIT_BYTES = 32L * 1024 * 1024;

    private static final byte[] PING_PAYLOAD = new byte[0];

    private final Channel channel;

    WebSocketConnection(Channel channel) {
        this.channel = channel;
    }

    public void sendText(String text) {
        sendText(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a UTF-8 JSON text frame. The array is wrapped, not copied, so one encoding can go to many sockets. */
    public void sendText(byte[] utf8) {
        if (!channel.isActive()) {
            return;
        }
        long backlog = channel.bytesBeforeWritable(); // Long.MAX_VALUE while the channel is closing
        if (backlog > SLOW_CONSUMER_LIMIT_BYTES && backlog != Long.MAX_VALUE) {
            LOG.warning(() -> "dropping slow consumer " + channel.remoteAddress());
            closeAbruptly();
            return;
        }
        channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(utf8)), channel.voidPromise());
    }

    /** Sends a ping frame (the client should answer with a pong). */
    public void sendPing() {
        if (channel.isActive()) {
            channel.writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(PING_PAYLOAD)), channel.voidPromise());
        }
    }

    /** Sends a close frame without a status code (the client sees 1005), then closes the TCP connection. */
    public void closeWithoutStatus() {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(true, 0, Unpooled.EMPTY_BUFFER))
                    .addListener(f -> channel.close());
        }
    }

    /** Closes the TCP connection without a close frame, as a crashed server or a broken network would. */
    public void closeAbruptly() {
        channel.close();
    }

    /** Closes politely with a close frame. */
    public void close(int statusCode, String reason) {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(statusCode, reason))
                    .addListener(f -> channel.close());
        }
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public String toString() {
        return "WebSocket" + channel.remoteAddress();
    }
}
