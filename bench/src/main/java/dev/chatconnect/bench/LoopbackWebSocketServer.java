package dev.chatconnect.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;

/**
 * A minimal loopback WebSocket server for the benchmark, meant to run in its own JVM so that none of its threads or
 * buffers are counted against the client being measured.
 *
 * <p>It accepts the upgrade on any path, sends one text frame (shaped like Mixer's {@code WelcomeEvent}) as soon as the
 * handshake completes, answers pings and echoes close frames (both done by Netty's protocol handler), and ignores
 * everything else. Prints {@code LISTENING <port>} on stdout once bound, then runs until stdin closes, so it dies with
 * the parent that started it.
 */
public final class LoopbackWebSocketServer {

    static final String READY_PREFIX = "LISTENING ";
    private static final String WELCOME_FRAME =
            "{\"type\":\"event\",\"event\":\"WelcomeEvent\",\"data\":{\"server\":\"bench-loopback\"}}";

    private LoopbackWebSocketServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childHandler(new WebSocketPipeline())
                    .bind("127.0.0.1", port).sync().channel();
            System.out.println(READY_PREFIX + ((InetSocketAddress) server.localAddress()).getPort());
            System.out.flush();
            while (System.in.read() != -1) {
                // Block until the parent process closes our stdin (or exits).
            }
            server.close().sync();
        } finally {
            boss.shutdownGracefully();
            workers.shutdownGracefully();
        }
    }

    private static final class WebSocketPipeline extends ChannelInitializer<SocketChannel> {
        @Override
        protected void initChannel(SocketChannel channel) {
            WebSocketServerProtocolConfig anyPath = WebSocketServerProtocolConfig.newBuilder()
                    .websocketPath("/")
                    .checkStartsWith(true)
                    .allowExtensions(false)
                    .handshakeTimeoutMillis(30_000)
                    .build();
            ChannelPipeline pipeline = channel.pipeline();
            pipeline.addLast(new HttpServerCodec());
            pipeline.addLast(new HttpObjectAggregator(64 * 1024));
            pipeline.addLast(new WebSocketServerProtocolHandler(anyPath));
            pipeline.addLast(new WelcomeOnOpen());
        }
    }

    /** Sends the one welcome frame when the handshake completes; swallows whatever the client sends afterwards. */
    private static final class WelcomeOnOpen extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                ctx.writeAndFlush(new TextWebSocketFrame(WELCOME_FRAME));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            // Data frames from clients are irrelevant to the benchmark.
        }
    }
}
