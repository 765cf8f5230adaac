package dev.chatconnect.connector.util;

import java.util.concurrent.CompletionException;

/** Helpers for the asynchronous call chains of the platform clients. */
public final class Futures {
    private Futures() {
    }

    /** The failure itself, without the CompletionException wrappers a future chain adds around it. */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
