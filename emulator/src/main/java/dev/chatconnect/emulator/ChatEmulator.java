package dev.chatconnect.emulator;

import dev.chatconnect.emulator.admin.AdminApi;
import dev.chatconnect.emulator.admin.AdminCommands;
import dev.chatconnect.emulator.admin.MixerAdmin;
import dev.chatconnect.emulator.admin.OsuAdmin;
import dev.chatconnect.emulator.mixer.MixerEmulator;
import dev.chatconnect.emulator.osu.OsuEmulator;
import dev.chatconnect.emulator.server.EmulatorServer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The chat platforms on one loopback port. Start, point the connector at {@link #connectorConfig()}, close. */
public final class ChatEmulator implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int IO_THREADS = 2;

    private final EmulatorServer server;
    private final MixerEmulator mixer;
    private final OsuEmulator osu;
    private final AdminCommands commands;
    private final CountDownLatch closed = new CountDownLatch(1);

    private ChatEmulator(EmulatorServer server, MixerEmulator mixer, OsuEmulator osu, AdminCommands commands) {
        this.server = server;
        this.mixer = mixer;
        this.osu = osu;
        this.commands = commands;
    }

    /** Binds 127.0.0.1 on the configured port (0 = ephemeral) and starts serving. */
    public static ChatEmulator start(EmulatorOptions options) {
        EmulatorServer server = EmulatorServer.bind(HOST, options.port(), IO_THREADS);
        MixerEmulator mixer = null;
        OsuEmulator osu = null;
        try {
            mixer = MixerEmulator.attach(server, options);
            osu = OsuEmulator.attach(server, options); // its websocket route takes every path: after Mixer's
            MixerAdmin mixerAdmin = new MixerAdmin(mixer);
            OsuAdmin osuAdmin = new OsuAdmin(osu);
            server.addHttpRoute(new AdminApi(mixerAdmin, osuAdmin));
            if (options.trafficEventsPerSecond() > 0) {
                if (!mixer.channelIds().isEmpty()) {
                    mixer.startTraffic(mixer.channelIds(), options.trafficEventsPerSecond(), false);
                }
                if (!osu.channelIds().isEmpty()) {
                    osu.startTraffic(osu.channelIds(), options.trafficEventsPerSecond());
                }
            }
            return new ChatEmulator(server, mixer, osu, new AdminCommands(mixerAdmin, osuAdmin));
        } catch (RuntimeException e) {
            if (osu != null) {
                osu.close();
            }
            if (mixer != null) {
                mixer.close();
            }
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

    public OsuEmulator osu() {
        return osu;
    }

    /**
     * The connector settings that point at this emulator, usable as-is (channels as of now): the Mixer keys, the
     * osu! keys, then {@code channels} ("mixer:1001,...,osu:5,osu:6").
     */
    public Map<String, String> connectorConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mixer.api.url", mixer.apiUrl());
        config.put("mixer.client.id", mixer.clientId());
        config.put("mixer.oauth.token", mixer.oauthToken());
        config.put("osu.api.url", osu.apiUrl());
        config.put("osu.notification.url", osu.notificationUrl());
        config.put("osu.client.id", osu.clientId());
        config.put("osu.client.secret", osu.clientSecret());
        config.put("osu.refresh.token", osu.initialRefreshToken());
        config.put("channels", Stream.concat(
                mixer.channelIds().stream().map(id -> "mixer:" + id),
                osu.channelIds().stream().map(id -> "osu:" + id)).collect(Collectors.joining(",")));
        return config;
    }

    /** {@code EMULATOR {...}}: the connector config as flat JSON on one line, what the command line prints. */
    public String startLine() {
        return "EMULATOR " + Json.write(connectorConfig());
    }

    /**
     * Runs one operator command (see {@link AdminCommands#HELP}, or "help") and returns its one-line answer
     * ({@code OK {json}} / {@code ERROR ...}), or null for a blank line or comment.
     */
    public String runCommand(String line) {
        return commands.run(line);
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
            osu.close();
            server.close();
        } finally {
            closed.countDown();
        }
    }
}
