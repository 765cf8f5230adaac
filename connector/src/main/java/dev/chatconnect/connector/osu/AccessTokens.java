package dev.chatconnect.connector.osu;

import java.util.concurrent.CompletableFuture;

/** Where {@link OsuApi} gets its bearer token: a user's rotating refresh token, or the client's own credentials. */
interface AccessTokens {
    /** A token that is not about to expire. */
    CompletableFuture<String> accessToken();

    /** A new token now (after a 401); concurrent callers share one request. */
    CompletableFuture<String> refresh();
}
