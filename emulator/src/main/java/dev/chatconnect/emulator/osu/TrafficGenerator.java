package dev.chatconnect.emulator.osu;

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
 * Scripted osu! chat at a fixed rate per channel on one background thread: mostly messages (some actions, unicode
 * and user commands), now and then a crowd member joining the channel.
 */
public final class TrafficGenerator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TrafficGenerator.class.getName());

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "osu-traffic");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong eventsSent = new AtomicLong();
    private final List<OsuChannel> channels;
    private final long periodNanos;
    private final Random random;
    private final OsuUsers users;
    private final Consumer<TrafficGenerator> onStop;

    TrafficGenerator(List<OsuChannel> channels, double eventsPerSecondPerChannel, long seed, OsuUsers users,
                     Consumer<TrafficGenerator> onStop) {
        if (!(eventsPerSecondPerChannel > 0) || Double.isInfinite(eventsPerSecondPerChannel)) {
            throw new IllegalArgumentException("events per second must be positive: " + eventsPerSecondPerChannel);
        }
        this.channels = List.copyOf(channels);
        this.periodNanos = Math.max(1_000L, (long) (1e9 / eventsPerSecondPerChannel));
        this.random = new Random(seed);
        this.users = users;
        this.onStop = onStop;
    }

    void start() {
        for (OsuChannel channel : channels) {
            long initialDelay = (long) (random.nextDouble() * periodNanos);
            executor.scheduleAtFixedRate(() -> emit(channel), initialDelay, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void emit(OsuChannel channel) {
        try {
            if (channel.isPublic() && random.nextInt(100) < 4) {
                channel.join(users.randomCrowdMember(random).id());
            } else {
                channel.postRandomMessage(random);
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
