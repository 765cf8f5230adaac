package dev.chatconnect.emulator;

import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Posts chat traffic at a fixed rate per channel on one background thread until stopped. What one event is, is the
 * platform's business: it hands one "emit an event into this channel" action per channel.
 */
public final class TrafficGenerator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TrafficGenerator.class.getName());

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "emulator-traffic");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong eventsSent = new AtomicLong();
    private final List<Consumer<Random>> channels;
    private final long periodNanos;
    private final Random random;
    private final Consumer<TrafficGenerator> onStop;

    /** {@code channels}: per channel, the action that emits one event into it (given the generator's random source). */
    public TrafficGenerator(List<Consumer<Random>> channels, double eventsPerSecondPerChannel, long seed,
                            Consumer<TrafficGenerator> onStop) {
        if (!(eventsPerSecondPerChannel > 0) || Double.isInfinite(eventsPerSecondPerChannel)) {
            throw new IllegalArgumentException("events per second must be positive: " + eventsPerSecondPerChannel);
        }
        this.channels = List.copyOf(channels);
        this.periodNanos = Math.max(1_000L, (long) (1e9 / eventsPerSecondPerChannel));
        this.random = new Random(seed);
        this.onStop = onStop;
    }

    public void start() {
        for (Consumer<Random> channel : channels) {
            // Spread the channels over the period so 10,000 channels do not all fire in the same instant.
            long initialDelay = (long) (random.nextDouble() * periodNanos);
            executor.scheduleAtFixedRate(() -> emit(channel), initialDelay, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void emit(Consumer<Random> channel) {
        try {
            channel.accept(random);
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
