package dev.chatconnect.connector.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.connector.platform.SendException;
import dev.chatconnect.connector.util.Futures;
import dev.chatconnect.connector.util.Json;
import dev.chatconnect.connector.util.SerialExecutor;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's socket to one Mixer channel, opened on first use: a fresh authkey from REST on every connect, WelcomeEvent,
 * then {@code auth} as the bot. A lost socket is reopened by the next call. Failures while connecting are retryable
 * {@link SendException}s: nothing was sent.
 */
final class MixerSendConnection {
    private static final Logger log = LoggerFactory.getLogger(MixerSendConnection.class);

    private final long channelId;
    private final MixerSinkSettings settings;
    private final MixerRestClient rest;
    private final HttpClient http;
    private final Supplier<CompletableFuture<Long>> botUserId;
    private final SerialExecutor serial;
    private final ScheduledExecutorService timer;
    private CompletableFuture<MixerSocket> ready;
    private volatile MixerSocket current;
    private volatile boolean closed;

    MixerSendConnection(long channelId, MixerSinkSettings settings, MixerRestClient rest, HttpClient http,
                        Supplier<CompletableFuture<Long>> botUserId, SerialExecutor serial, ScheduledExecutorService timer) {
        this.channelId = channelId;
        this.settings = settings;
        this.rest = rest;
        this.http = http;
        this.botUserId = botUserId;
        this.serial = serial;
        this.timer = timer;
    }

    /** Calls a method on the authenticated socket; the future fails if the socket could not be opened or was lost. */
    CompletableFuture<JsonNode> call(String method, Object... arguments) {
        return socket().thenCompose(socket -> socket.call(method, arguments));
    }

    /** Drops the socket (e.g. after a reply timeout): the next call opens a fresh one. */
    synchronized void reset() {
        MixerSocket socket = current;
        current = null;
        ready = null;
        if (socket != null) {
            socket.abort();
        }
    }

    /** Pings an idle socket; drops one that stopped answering, so a send never waits on a dead socket. */
    void checkKeepalive(long now) {
        MixerSocket socket = current;
        if (socket != null && socket.checkKeepalive(now, settings.keepaliveIdle(), settings.keepaliveTimeout())) {
            log.info("Mixer channel {}: sink socket answered no ping within {} ms; it will be reopened", channelId,
                    settings.keepaliveTimeout().toMillis());
            reset();
        }
    }

    void close() {
        closed = true;
        reset();
    }

    private synchronized CompletableFuture<MixerSocket> socket() {
        if (closed) {
            return CompletableFuture.failedFuture(SendException.retryable("the task is stopping"));
        }
        if (ready == null || ready.isCompletedExceptionally()) {
            ready = connect();
        }
        return ready;
    }

    private CompletableFuture<MixerSocket> connect() {
        return botUserId.get()
                .thenCompose(botId -> rest.chats(channelId).thenCompose(details -> open(details, 0)
                        .thenCompose(opened -> authenticate(opened.socket(), opened.welcome(), botId, details.authkey()))))
                .handle((socket, error) -> {
                    if (error == null) {
                        return socket;
                    }
                    Throwable cause = Futures.unwrap(error);
                    if (cause instanceof SendException e) {
                        throw e;
                    }
                    if (cause instanceof MixerApiException e && !e.retryable()) {
                        throw SendException.permanent("cannot join Mixer channel " + channelId + ": " + e.getMessage());
                    }
                    throw SendException.retryable("could not connect to Mixer channel " + channelId + ": " + cause.getMessage());
                });
    }

    private record Opened(MixerSocket socket, CompletableFuture<Void> welcome) {
    }

    private CompletableFuture<Opened> open(MixerRestClient.ChatEndpoints details, int index) {
        List<String> endpoints = details.endpoints();
        if (index >= endpoints.size()) {
            return CompletableFuture.failedFuture(SendException.retryable(
                    "none of the " + endpoints.size() + " chat endpoints of channel " + channelId + " accepted a connection"));
        }
        CompletableFuture<Void> welcome = new CompletableFuture<>();
        return MixerSocket.open(http, socketUri(endpoints.get(index)), settings.clientId(), settings.connectTimeout(),
                        settings.replyTimeout(), new Frames(welcome), serial, timer)
                .thenApply(socket -> new Opened(socket, welcome))
                .exceptionallyCompose(error -> open(details, index + 1));
    }

    private CompletableFuture<MixerSocket> authenticate(MixerSocket socket, CompletableFuture<Void> welcome, long botId, String authkey) {
        if (authkey == null) {
            socket.abort();
            return CompletableFuture.failedFuture(SendException.permanent(
                    "GET /chats/" + channelId + " returned no authkey: the token cannot chat (scope chat:connect)"));
        }
        return welcome.orTimeout(settings.welcomeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(ignored -> socket.call("auth", channelId, botId, authkey))
                .thenApply(reply -> {
                    JsonNode error = reply.get("error");
                    if (error != null && !error.isNull()) {
                        socket.abort();
                        String code = error.isTextual() ? error.asText() : Json.text(error, "message");
                        if ("UACCESS".equals(code)) {
                            throw SendException.permanent("Mixer refused the bot in channel " + channelId
                                    + " (UACCESS: banned, or the channel is in test-stream mode)");
                        }
                        throw SendException.retryable("auth in channel " + channelId + " answered " + code);
                    }
                    if (!Json.flag(reply.path("data"), "authenticated")) {
                        socket.abort();
                        throw SendException.permanent("auth in channel " + channelId + " did not authenticate the bot");
                    }
                    current = socket;
                    return socket;
                })
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        socket.abort();
                    }
                });
    }

    private URI socketUri(String endpoint) {
        String query = "version=1.0" + (settings.clientId().isBlank() ? ""
                : "&Client-ID=" + URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8));
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + query);
    }

    /** Replies go to their callers; WelcomeEvent opens the way to auth; chat events are of no interest here. */
    private final class Frames implements MixerSocket.Handler {
        private final CompletableFuture<Void> welcome;

        Frames(CompletableFuture<Void> welcome) {
            this.welcome = welcome;
        }

        @Override
        public void onFrame(MixerSocket socket, String text) {
            JsonNode packet;
            try {
                packet = Json.MAPPER.readTree(text);
            } catch (Exception e) {
                log.warn("Mixer channel {}: ignored a malformed frame on the sink socket ({} chars)", channelId, text.length());
                return;
            }
            String type = Json.text(packet, "type");
            if ("reply".equals(type)) {
                socket.completeReply(packet);
            } else if ("event".equals(type) && "WelcomeEvent".equals(Json.text(packet, "event"))) {
                welcome.complete(null);
            }
        }

        @Override
        public void onClosed(MixerSocket socket, String reason) {
            welcome.completeExceptionally(SendException.retryable("socket closed before WelcomeEvent: " + reason));
            synchronized (MixerSendConnection.this) {
                if (current == socket) {
                    current = null;
                    ready = null;
                }
            }
        }
    }
}
