package dev.chatconnect.emulator.mixer;

/** Who may see a frame: everyone, signed-in users only, or one user. {@code viewer} is null for anonymous sockets. */
@FunctionalInterface
interface Audience {

    Audience EVERYONE = viewer -> true;

    /**
     * Censored messages go to mods and the owner on real Mixer. The emulator keeps no per-channel mod roster, so it
     * shows them to every signed-in socket (the bot included) and hides them from anonymous readers.
     */
    Audience SIGNED_IN = viewer -> viewer != null;

    boolean includes(MixerUser viewer);

    static Audience user(long userId) {
        return viewer -> viewer != null && viewer.id() == userId;
    }

    static Audience username(String name) {
        return viewer -> viewer != null && viewer.name().equalsIgnoreCase(name);
    }
}
