package dev.chatconnect.emulator.osu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What tests observe: request counts per kind, 429s sent, refresh tokens presented. Thread-safe. */
final class OsuCounters {

    final AtomicInteger tokenRequests = new AtomicInteger();
    final AtomicInteger ackRequests = new AtomicInteger();
    final AtomicInteger restRequests = new AtomicInteger();
    final AtomicInteger http429 = new AtomicInteger();
    final AtomicInteger framesLostBeforeReady = new AtomicInteger();
    private final Map<Long, AtomicInteger> messagesRequests = new ConcurrentHashMap<>();
    private final List<String> presentedRefreshTokens = Collections.synchronizedList(new ArrayList<>());

    void countMessagesRequest(long channelId) {
        messagesRequests.computeIfAbsent(channelId, id -> new AtomicInteger()).incrementAndGet();
    }

    int messagesRequests(long channelId) {
        AtomicInteger count = messagesRequests.get(channelId);
        return count == null ? 0 : count.get();
    }

    void refreshTokenPresented(String token) {
        presentedRefreshTokens.add(token);
    }

    List<String> presentedRefreshTokens() {
        synchronized (presentedRefreshTokens) {
            return List.copyOf(presentedRefreshTokens);
        }
    }
}
