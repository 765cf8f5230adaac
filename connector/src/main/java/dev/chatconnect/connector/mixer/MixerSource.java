package dev.chatconnect.connector.mixer;

import dev.chatconnect.connector.platform.ChannelRef;
import dev.chatconnect.connector.platform.PlatformSource;
import dev.chatconnect.connector.platform.SourceContext;
import dev.chatconnect.connector.util.SerialExecutor;
import dev.chatconnect.connector.util.RequestBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Mixer in one task: a stream per channel, one shared bot-identity lookup, and one keepalive sweep for all sockets. */
final class MixerSource implements PlatformSource {
    private final SourceContext context;
    private final MixerSettings settings;
    private final MixerRestClient rest;
    private final List<MixerChannelStream> streams = new ArrayList<>();
    private CompletableFuture<Long> botUserId;
    private ScheduledFuture<?> keepalive;

    MixerSource(SourceContext context, MixerSettings settings) {
        this.context = context;
        this.settings = settings;
        this.rest = new MixerRestClient(context.io().http(), settings, new RequestBudget(settings.chatsPerMinute(),
                MixerPlatform.CHATS_WINDOW, context.io().timer()));
    }

    @Override
    public void start() {
        for (ChannelRef ref : context.channels()) {
            streams.add(new MixerChannelStream(ref, settings, rest, context.io().http(), this::botUserId, context.sink(),
                    context.channelMetrics(ref), new SerialExecutor(context.io().channelWork()), context.io().timer(),
                    context.storedOffset(ref)));
        }
        streams.forEach(MixerChannelStream::start);
        long sweepMillis = Math.max(50, Math.min(1_000, Math.min(settings.keepaliveIdle().toMillis(), settings.keepaliveTimeout().toMillis()) / 2));
        keepalive = context.io().timer().scheduleWithFixedDelay(this::sweepKeepalive, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (keepalive != null) {
            keepalive.cancel(false);
        }
        streams.forEach(MixerChannelStream::close);
    }

    /** The bot's user id (needed by auth), looked up once; a failed lookup is retried by the next caller. */
    private synchronized CompletableFuture<Long> botUserId() {
        if (botUserId == null || botUserId.isCompletedExceptionally()) {
            botUserId = rest.currentUserId();
        }
        return botUserId;
    }

    private void sweepKeepalive() {
        long now = System.nanoTime();
        for (MixerChannelStream stream : streams) {
            stream.checkKeepalive(now);
        }
    }
}
