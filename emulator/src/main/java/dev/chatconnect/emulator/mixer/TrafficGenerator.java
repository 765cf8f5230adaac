package dev.chatconnect.emulator.mixer;

import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Posts realistic chat traffic at a fixed rate per channel on one background thread until stopped. */
public final class TrafficGenerator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TrafficGenerator.class.getName());

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mixer-traffic");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong eventsSent = new AtomicLong();
    private final List<MixerChannel> channels;
    private final long periodNanos;
    private final boolean messagesOnly;
    private final Random random;
    private final Consumer<TrafficGenerator> onStop;

    TrafficGenerator(List<MixerChannel> channels, double eventsPerSecondPerChannel, boolean messagesOnly, long seed,
                     Consumer<TrafficGenerator> onStop) {
        if (!(eventsPerSecondPerChannel > 0) || Double.isInfinite(eventsPerSecondPerChannel)) {
            throw new IllegalArgumentException("events per second must be positive: " + eventsPerSecondPerChannel);
        }
        this.channels = List.copyOf(channels);
        this.periodNanos = Math.max(1_000L, (long) (1e9 / eventsPerSecondPerChannel));
        this.messagesOnly = messagesOnly;
        this.random = new Random(seed);
        this.onStop = onStop;
    }

    void start() {
        for (MixerChannel channel : channels) {
            // Spread the channels over the period so 10,000 channels do not all fire in the same instant.
            long initialDelay = (long) (random.nextDouble() * periodNanos);
            executor.scheduleAtFixedRate(() -> emit(channel), initialDelay, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void emit(MixerChannel channel) {
        try {
            if (messagesOnly) {
                channel.postRandomMessage(random);
            } else {
                channel.emitRandomEvent(random);
            }
            eventsSent.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "traffic for " + channel + " failed", e);
        }
    }

    /** Stops and waits for an event in flight, so {@link #eventsSent()} no longer changes once this returns. */
    public void stop() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        onStop.accept(this);
    }

    public long eventsSent() {
        return eventsSent.get();
    }

    @Override
    public void close() {
        stop();
    }
}
