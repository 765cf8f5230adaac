package dev.chatconnect.emulator.osu;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/** What every channel shares: users, the one global message id counter, the socket hub, settings and a timer. */
record OsuContext(OsuUsers users, AtomicLong messageIds, NotificationHub hub, OsuSettings settings,
                  ScheduledExecutorService scheduler) {

    /** osu-web's message ids are one AUTO_INCREMENT across all channels, already above 2^32 (reference §8.1). */
    static final long FIRST_MESSAGE_ID = 9_150_005_000L;

    long nextMessageId() {
        return messageIds.getAndIncrement();
    }
}
