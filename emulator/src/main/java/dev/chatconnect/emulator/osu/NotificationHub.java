package dev.chatconnect.emulator.osu;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The notification sockets by user: what osu-web publishes to {@code private:user:{id}} reaches every socket of that
 * user which did {@code chat.start} (reference §2.6). Thread-safe.
 */
final class NotificationHub {

    private final Set<NotificationSocket> open = ConcurrentHashMap.newKeySet();
    private final Map<Long, Set<NotificationSocket>> byUser = new ConcurrentHashMap<>();

    void opened(NotificationSocket socket) {
        open.add(socket);
    }

    void authenticated(NotificationSocket socket) {
        byUser.computeIfAbsent(socket.userId(), id -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    void closed(NotificationSocket socket) {
        open.remove(socket);
        if (socket.userId() != null) {
            Set<NotificationSocket> sockets = byUser.get(socket.userId());
            if (sockets != null) {
                sockets.remove(socket);
            }
        }
    }

    /** A chat event for these users: sent to each of their sockets that did chat.start. */
    void deliverChat(Collection<Long> userIds, byte[] frame) {
        for (Long userId : userIds) {
            Set<NotificationSocket> sockets = byUser.get(userId);
            if (sockets != null) {
                sockets.forEach(socket -> socket.deliverChat(frame));
            }
        }
    }

    /** {"event":"logout"} and a status-less close for every socket authenticated with a matching token id. */
    void logout(Predicate<String> revokedTokenId) {
        for (NotificationSocket socket : open) {
            if (socket.tokenId() != null && revokedTokenId.test(socket.tokenId())) {
                socket.logout();
            }
        }
    }

    void dropAll() {
        open.forEach(NotificationSocket::dropAbruptly);
    }

    int openSockets() {
        return open.size();
    }

    int chatStartedSockets(long userId) {
        Set<NotificationSocket> sockets = byUser.get(userId);
        return sockets == null ? 0 : (int) sockets.stream().filter(NotificationSocket::chatStarted).count();
    }
}
