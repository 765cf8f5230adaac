package dev.chatconnect.emulator.mixer;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/** The faults a test has switched on. Thread-safe. */
final class MixerFaults {

    private record PendingRejections(AtomicInteger remaining, String error) {
    }

    private final AtomicIntegerArray endpointDown;
    private final Set<Long> deniedChannels = ConcurrentHashMap.newKeySet();
    private final Map<Long, PendingRejections> authRejections = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> swallowedReplies = new ConcurrentHashMap<>();
    private final AtomicInteger chatsFailuresLeft = new AtomicInteger();
    private volatile int chatsFailureStatus = 503;
    private volatile boolean pingResponsive = true;
    private volatile boolean welcomeEnabled = true;

    MixerFaults(int endpointCount) {
        endpointDown = new AtomicIntegerArray(endpointCount);
    }

    void setEndpointDown(int index, boolean down) {
        endpointDown.set(index, down ? 1 : 0);
    }

    boolean endpointDown(int index) {
        return endpointDown.get(index) == 1;
    }

    void denyChannel(long channelId, boolean denied) {
        if (denied) {
            deniedChannels.add(channelId);
        } else {
            deniedChannels.remove(channelId);
        }
    }

    boolean channelDenied(long channelId) {
        return deniedChannels.contains(channelId);
    }

    void rejectNextAuths(long channelId, int count, String error) {
        authRejections.put(channelId, new PendingRejections(new AtomicInteger(count), error));
    }

    /** The error the next auth on this channel must get, consuming one pending rejection. */
    Optional<String> takeAuthRejection(long channelId) {
        PendingRejections pending = authRejections.get(channelId);
        if (pending == null || pending.remaining().getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return Optional.empty();
        }
        return Optional.of(pending.error());
    }

    void swallowNextReplies(long channelId, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        swallowedReplies.put(channelId, new AtomicInteger(count));
    }

    /** Whether the reply to this successful msg/whisper on the channel must be lost, consuming one if so. */
    boolean takeSwallowedReply(long channelId) {
        AtomicInteger remaining = swallowedReplies.get(channelId);
        return remaining != null && remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    void failNextChatsRequests(int count, int httpStatus) {
        chatsFailureStatus = httpStatus;
        chatsFailuresLeft.set(count);
    }

    /** The status the next /chats request must fail with, consuming one injected failure. */
    Optional<Integer> takeChatsFailure() {
        return chatsFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? Optional.of(chatsFailureStatus)
                : Optional.empty();
    }

    boolean pingResponsive() {
        return pingResponsive;
    }

    void setPingResponsive(boolean responsive) {
        pingResponsive = responsive;
    }

    boolean welcomeEnabled() {
        return welcomeEnabled;
    }

    void setWelcomeEnabled(boolean enabled) {
        welcomeEnabled = enabled;
    }
}
