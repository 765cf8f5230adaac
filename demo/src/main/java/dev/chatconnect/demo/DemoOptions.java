package dev.chatconnect.demo;

import java.nio.file.Path;

/**
 * Command-line options of the demo: {@code --seconds N} (0 = until Ctrl-C), {@code --channels N}, {@code --rate R},
 * {@code --config FILE} (real endpoints instead of the emulator).
 */
record DemoOptions(int seconds, int channels, double eventsPerSecond, Path config) {

    static DemoOptions parse(String[] args) {
        int seconds = 0;
        int channels = 5;
        double rate = 3;
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--seconds" -> { seconds = Integer.parseInt(value); i++; }
                case "--channels" -> { channels = Integer.parseInt(value); i++; }
                case "--rate" -> { rate = Double.parseDouble(value); i++; }
                case "--config" -> { config = Path.of(value); i++; }
                case "--help", "-h" -> {
                    System.out.println("""
                            usage: ./demo.sh [--seconds N] [--channels N] [--rate EVENTS_PER_SECOND_PER_CHANNEL] [--config FILE]
                              --seconds N   stop after N seconds and print a summary (default: run until Ctrl-C)
                              --channels N  Mixer channels of the emulator (default 5; osu! has 2)
                              --rate R      chat events per second per channel (default 3)
                              --config FILE no emulator: connect to the real platforms with the settings in FILE
                                            (source.* and sink.* keys; see demo/real-endpoints.example.properties)""");
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
        }
        return new DemoOptions(seconds, channels, rate, config);
    }
}
