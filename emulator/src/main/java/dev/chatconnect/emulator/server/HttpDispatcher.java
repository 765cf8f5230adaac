package dev.chatconnect.emulator.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Routes each HTTP request either to a REST route or, for upgrade requests, to a WebSocket route. */
final class HttpDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = Logger.getLogger(HttpDispatcher.class.getName());
    private static final int MAX_FRAME_BYTES = 64 * 1024;

    /**
     * Extensions are not negotiated: a client offering permessage-deflate gets a plain socket, which the RFC allows.
     * A deflate context per socket would cost hundreds of KB each at 10,000 sockets.
     */
    private static final WebSocketDecoderConfig DECODER_CONFIG = WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(MAX_FRAME_BYTES)
            .allowExtensions(false)
            .build();

    private final Routes routes;

    HttpDispatcher(Routes routes) {
        this.routes = routes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, request, HttpReply.error(400, "Bad Request", "Malformed HTTP request."), false);
            return;
        }
        HttpCall call = toCall(request);
        if (isUpgrade(request)) {
            upgrade(ctx, request, call);
            return;
        }
        HttpReply reply = routes.httpRoute(call.path())
                .map(route -> handleSafely(route, call))
                .orElseGet(() -> HttpReply.error(404, "Not Found", "No route for " + call.path()));
        respond(ctx, request, reply, HttpUtil.isKeepAlive(request));
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, HttpCall call) {
        Optional<WebSocketRoute> route = routes.webSocketRoute(call.path());
        if (route.isEmpty()) {
            respond(ctx, request, HttpReply.error(404, "Not Found", "No WebSocket at " + call.path()), false);
            return;
        }
        Optional<HttpReply> refusal = route.get().refusal(call);
        if (refusal.isPresent()) {
            respond(ctx, request, refusal.get(), false);
            return;
        }
        String url = "ws://" + request.headers().get(HttpHeaderNames.HOST, "127.0.0.1") + request.uri();
        WebSocketServerHandshaker handshaker =
                new WebSocketServerHandshakerFactory(url, null, DECODER_CONFIG).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        // handshake() swaps in the WebSocket codec and queues the 101 response before anything the listener sends.
        handshaker.handshake(ctx.channel(), request).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                f.channel().close();
            }
        });
        WebSocketListener listener = route.get().open(new WebSocketConnection(ctx.channel()), call);
        ctx.pipeline().addLast(new WebSocketFrameAggregator(MAX_FRAME_BYTES), new WebSocketFrameHandler(listener));
        ctx.pipeline().remove(this);
    }

    private static HttpReply handleSafely(HttpRoute route, HttpCall call) {
        try {
            return route.handle(call);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "route failed for " + call.uri(), e);
            return HttpReply.error(500, "Internal Server Error", "The emulator failed: " + e);
        }
    }

    private static boolean isUpgrade(FullHttpRequest request) {
        return HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE, ""));
    }

    private static HttpCall toCall(FullHttpRequest request) {
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(),
                (a, b) -> a + ", " + b));
        return new HttpCall(request.method().name(), request.uri(), decoder.path(), decoder.parameters(),
                Map.copyOf(headers), request.content().toString(StandardCharsets.UTF_8));
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpReply reply,
                                boolean keepAlive) {
        byte[] body = reply.jsonBody().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        reply.headers().forEach(response.headers()::set);
        if (keepAlive) {
            HttpUtil.setKeepAlive(response, true);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.FINE, "closing HTTP connection after error", cause);
        ctx.close();
    }
}
