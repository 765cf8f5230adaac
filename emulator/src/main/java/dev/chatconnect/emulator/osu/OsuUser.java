package dev.chatconnect.emulator.osu;

import java.time.Instant;

/** An osu! account as the compact user transformer shows it (reference §3.3). */
record OsuUser(long id, String username, boolean bot, String countryCode, String avatarUrl, String profileColour,
               boolean supporter, Instant lastVisit) {
}
