package dev.chatconnect.demo;

/** Command-line options of the demo: {@code --seconds N} (0 = until Ctrl-C), {@code --channels N}, {@code --rate R}. */
record DemoOptions(int seconds, int channels, double eventsPerSecond) {

    static DemoOptions parse(String[] args) {
        int seconds = 0;
        int channels = 5;
        double rate = 3;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--seconds" -> { seconds = Integer.parseInt(value); i++; }
                case "--channels" -> { channels = Integer.parseInt(value); i++; }
                case "--rate" -> { rate = Double.parseDouble(value); i++; }
                case "--help", "-h" -> {
                    System.out.println("usage: ./demo.sh [--seconds N] [--channels N] [--rate EVENTS_PER_SECOND_PER_CHANNEL]");
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
        }
        return new DemoOptions(seconds, channels, rate);
    }
}
