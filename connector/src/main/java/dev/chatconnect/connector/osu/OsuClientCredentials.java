package dev.chatconnect.connector.osu;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Tokens of the client itself (grant {@code client_credentials}, scopes {@value OsuPlatform#SINK_SCOPES}): they act as
 * the client's owner, which must be a bot account. Nothing rotates, so a new token is simply asked for before the old one
 * expires.
 */
final class OsuClientCredentials implements AccessTokens {
    private final OsuTokenEndpoint endpoint;
    private final Runnable onIssued;
    private String accessToken;
    private long renewAtMillis;
    private CompletableFuture<String> requesting;

    OsuClientCredentials(OsuTokenEndpoint endpoint, Runnable onIssued) {
        this.endpoint = endpoint;
        this.onIssued = onIssued;
    }

    @Override
    public synchronized CompletableFuture<String> accessToken() {
        if (accessToken != null && System.currentTimeMillis() < renewAtMillis) {
            return CompletableFuture.completedFuture(accessToken);
        }
        return refresh();
    }

    @Override
    public synchronized CompletableFuture<String> refresh() {
        if (requesting == null || requesting.isDone()) {
            requesting = endpoint.request(Map.of("grant_type", "client_credentials", "scope", OsuPlatform.SINK_SCOPES),
                            "the client credentials ({status}): check osu.client.id and osu.client.secret; sending as the "
                                    + "client needs its owner to be a bot account (scopes " + OsuPlatform.SINK_SCOPES + ")")
                    .thenApply(this::accept);
        }
        return requesting;
    }

    private synchronized String accept(OsuTokenEndpoint.Issued issued) {
        accessToken = issued.accessToken();
        renewAtMillis = OsuTokenEndpoint.renewAt(issued.lifetimeMillis());
        onIssued.run();
        return accessToken;
    }
}
