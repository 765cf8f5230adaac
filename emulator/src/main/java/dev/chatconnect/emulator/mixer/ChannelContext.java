package dev.chatconnect.emulator.mixer;

import java.util.concurrent.ScheduledExecutorService;

/** What every channel of one emulator shares. */
record ChannelContext(ChatUsers users, TimeUuids uuids, MixerUser bot, ScheduledExecutorService scheduler) {
}
