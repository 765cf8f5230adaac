package dev.chatconnect.connector;

/** The plugin's version, from the jar manifest (set by Maven), or "dev" when run from classes. */
public final class Version {
    private static final String VERSION;

    static {
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        VERSION = fromManifest == null ? "dev" : fromManifest;
    }

    private Version() {
    }

    public static String get() {
        return VERSION;
    }
}
