package dev.chatconnect.emulator;

import dev.chatconnect.emulator.mixer.MixerEmulator;
import dev.chatconnect.emulator.server.EmulatorServer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** The chat platforms on one loopback port. Start, point the connector at {@link #connectorConfig()}, close. */
public final class ChatEmulator implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int IO_THREADS = 2;

    private final EmulatorServer server;
    private final MixerEmulator mixer;
    private final CountDownLatch closed = new CountDownLatch(1);

    private ChatEmulator(EmulatorServer server, MixerEmulator mixer) {
        this.server = server;
        this.mixer = mixer;
    }

    /** Binds 127.0.0.1 on the configured port (0 = ephemeral) and starts serving. */
    public static ChatEmulator start(EmulatorOptions options) {
        EmulatorServer server = EmulatorServer.bind(HOST, options.port(), IO_THREADS);
        try {
            MixerEmulator mixer = MixerEmulator.attach(server, options);
            if (options.trafficEventsPerSecond() > 0) {
                mixer.startTraffic(mixer.channelIds(), options.trafficEventsPerSecond(), false);
            }
            return new ChatEmulator(server, mixer);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    public MixerEmulator mixer() {
        return mixer;
    }

    /** The connector settings that point at this emulator, usable as-is (channels as of now). */
    public Map<String, String> connectorConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mixer.api.url", mixer.apiUrl());
        config.put("mixer.client.id", mixer.clientId());
        config.put("mixer.oauth.token", mixer.oauthToken());
        config.put("channels", mixer.channelIds().stream().map(id -> "mixer:" + id)
                .collect(Collectors.joining(",")));
        return config;
    }

    /** {@code EMULATOR {...}}: the connector config as flat JSON on one line, what the command line prints. */
    public String startLine() {
        return "EMULATOR " + Json.write(connectorConfig());
    }

    /** Blocks until {@link #close()} has run. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops traffic, drops every socket and frees the port. Idempotent. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        try {
            mixer.close();
            server.close();
        } finally {
            closed.countDown();
        }
    }
}
