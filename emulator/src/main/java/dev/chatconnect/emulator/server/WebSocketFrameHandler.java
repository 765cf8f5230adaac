package dev.chatconnect.emulator.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Feeds the (aggregated) frames of an accepted WebSocket to its listener; handles ping and close itself. */
final class WebSocketFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger LOG = Logger.getLogger(WebSocketFrameHandler.class.getName());

    private final WebSocketListener listener;

    WebSocketFrameHandler(WebSocketListener listener) {
        this.listener = listener;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame text) {
            guarded(() -> listener.onText(text.text()));
        } else if (frame instanceof BinaryWebSocketFrame binary) {
            byte[] payload = ByteBufUtil.getBytes(binary.content());
            guarded(() -> listener.onBinary(payload));
        } else if (frame instanceof PingWebSocketFrame) {
            if (listener.answersPings()) {
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            }
        } else if (frame instanceof PongWebSocketFrame) {
            guarded(listener::onPong);
        } else if (frame instanceof CloseWebSocketFrame) {
            ctx.writeAndFlush(new CloseWebSocketFrame(1000, "")).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        guarded(listener::onClosed);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.FINE, "closing WebSocket after error", cause);
        ctx.close();
    }

    /** A listener bug must cost at most one frame, never the socket or the server. */
    private static void guarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "WebSocket listener failed", e);
        }
    }
}
