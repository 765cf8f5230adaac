package dev.chatconnect.emulator;

import java.io.PrintStream;
import java.util.Optional;

/**
 * {@code java -jar chat-emulator.jar --port 8080 [--mixer-channels 3] [--osu-channels 2] [--rate 2]}: prints one
 * {@code EMULATOR {...}} line with the connector config, then serves until killed, running operator commands read
 * from stdin (one answer line each on stdout).
 */
public final class EmulatorMain {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar chat-emulator.jar [options]",
            "  --port N              port on 127.0.0.1 (default 8080, 0 = ephemeral)",
            "  --mixer-channels N    Mixer channels 1001.. (default 3)",
            "  --mixer-endpoints N   chat socket endpoints handed out by /chats (default 2)",
            "  --mixer-chats-per-minute N  GET /chats requests allowed per rolling minute (default 500, Mixer's bucket)",
            "  --rate R              random chat events per second per channel, Mixer and osu! (default 0 = none)",
            "  --authkey-reusable    chat authkeys may be reused until they expire (default single-use)",
            "  --authkey-ttl-seconds N   authkey lifetime (default 300)",
            "  --osu-channels N      osu! channels #osu (5), #lobby (6), #channel7.. (default 2)",
            "  --osu-token-ttl-seconds N  osu! access token lifetime (default 86400)",
            "  --osu-ping-seconds N  osu! notification socket ping interval (default 20)",
            "  --osu-activity-seconds N   how old a /chat/ack may be for PUBLIC delivery (default 60)",
            "  --seed N              seed for credentials and traffic content",
            "  --help                this text",
            "Prints one line 'EMULATOR {json}' with the connector config, then runs until killed.",
            "Reads commands from stdin, one per line ('help' lists them), e.g. echo drop | java -jar ...;",
            "the same faults are at http://127.0.0.1:PORT/_emulator/mixer/... and /_emulator/osu/...");

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Optional<ChatEmulator> started;
        try {
            started = launch(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (started.isEmpty()) {
            return;
        }
        ChatEmulator emulator = started.get();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-shutdown"));
        startCommandReader(emulator, System.in, System.out);
        emulator.awaitClose();
    }

    /**
     * Runs each stdin line as an operator command on a daemon thread and prints the answer. At end of input
     * (a pipe that closed, /dev/null) the reader stops and the emulator keeps serving.
     */
    static Thread startCommandReader(ChatEmulator emulator, java.io.InputStream in, PrintStream out) {
        Thread reader = new Thread(() -> {
            try (java.io.BufferedReader lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    String answer = emulator.runCommand(line);
                    if (answer != null) {
                        synchronized (out) {
                            out.println(answer);
                            out.flush();
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // stdin is gone; keep serving
            }
        }, "emulator-commands");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Starts the emulator and prints its EMULATOR line; empty after printing usage for --help. */
    static Optional<ChatEmulator> launch(String[] args, PrintStream out) {
        EmulatorOptions.Builder options = EmulatorOptions.builder().port(8080);
        Integer chatsPerMinute = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return Optional.empty();
                }
                case "--port" -> options.port(intValue(args, ++i));
                case "--mixer-channels" -> options.mixerChannelCount(intValue(args, ++i));
                case "--mixer-endpoints" -> options.mixerEndpointCount(intValue(args, ++i));
                case "--mixer-chats-per-minute" -> chatsPerMinute = intValue(args, ++i);
                case "--rate" -> options.trafficEventsPerSecond(doubleValue(args, ++i));
                case "--authkey-reusable" -> options.authkeySingleUse(false);
                case "--authkey-ttl-seconds" -> options.authkeyTtl(java.time.Duration.ofSeconds(intValue(args, ++i)));
                case "--osu-channels" -> options.osuChannelCount(intValue(args, ++i));
                case "--osu-token-ttl-seconds" -> options.osuAccessTokenTtl(seconds(args, ++i));
                case "--osu-ping-seconds" -> options.osuPingInterval(seconds(args, ++i));
                case "--osu-activity-seconds" -> options.osuActivityTimeout(seconds(args, ++i));
                case "--seed" -> options.seed(longValue(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ChatEmulator emulator = ChatEmulator.start(options.build());
        if (chatsPerMinute != null) {
            emulator.mixer().setChatsRateLimit(chatsPerMinute, java.time.Duration.ofMinutes(1));
        }
        out.println(emulator.startLine());
        out.flush();
        return Optional.of(emulator);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String[] args, int i) {
        try {
            return Integer.parseInt(value(args, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[i - 1] + " needs an integer, got " + args[i]);
        }
    }

    private static long longValue(String[] args, int i) {
        try {
            return Long.parseLong(value(args, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[i - 1] + " needs an integer, got " + args[i]);
        }
    }

    private static java.time.Duration seconds(String[] args, int i) {
        return java.time.Duration.ofSeconds(intValue(args, i));
    }

    private static double doubleValue(String[] args, int i) {
        try {
            return Double.parseDouble(value(args, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[i - 1] + " needs a number, got " + args[i]);
        }
    }
}
