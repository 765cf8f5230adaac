package dev.chatconnect.emulator.osu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One osu! chat channel: members, the message log and delivery. Messages are stored and broadcast under one lock
 * per channel, so ids ascend within the channel and every socket gets them in id order.
 */
public final class OsuChannel {

    /** Full messages kept for Get Channel Messages; older ones survive only as ids in {@link #messageIds()}. */
    private static final int RETAINED_MESSAGES = 10_000;
    private static final long PUBLIC_BACKLOG_HOURS = 24;

    private final long id;
    private final String name;
    private final String type;
    private final String description;
    private final long[] pmUsers; // the two users of a PM, ascending; empty otherwise
    private final OsuContext context;
    private final Map<Long, Membership> members = new ConcurrentHashMap<>();

    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock:
    private final MessageLog log = new MessageLog(RETAINED_MESSAGES);
    private final List<String> received = new ArrayList<>();

    /** A stored message as a test sees it; {@code uuid} is the one the sender supplied, null otherwise. */
    public record StoredMessage(long messageId, long senderId, String content, boolean action, String uuid) {
    }

    private OsuChannel(long id, String name, String type, String description, long[] pmUsers, OsuContext context) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.description = description;
        this.pmUsers = pmUsers;
        this.context = context;
    }

    static OsuChannel publicChannel(long id, String name, String description, OsuContext context) {
        return new OsuChannel(id, name, "PUBLIC", description, new long[0], context);
    }

    /** {@code #pm_{low}-{high}}; both users are members from the start. */
    static OsuChannel pm(long id, long userA, long userB, OsuContext context) {
        long low = Math.min(userA, userB);
        long high = Math.max(userA, userB);
        OsuChannel channel = new OsuChannel(id, "#pm_" + low + "-" + high, "PM", "", new long[] {low, high},
                context);
        channel.members.put(low, new Membership());
        channel.members.put(high, new Membership());
        return channel;
    }

    public long id() {
        return id;
    }

    /** The internal name: "#osu", or "#pm_{low}-{high}" for a PM. */
    public String name() {
        return name;
    }

    /** "PUBLIC", "PM", ... (upper case, as the API sends it). */
    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    // ---- Posting -------------------------------------------------------------------------------------------------

    /**
     * Stores and broadcasts a message exactly as one sent over REST would be (no length check or trimming: tests may
     * post anything). A sender who is not a member of a PUBLIC channel joins it first. Returns the message_id.
     */
    public long postMessage(long senderId, String content, boolean action) {
        return postBackdatedMessage(senderId, content, action, Instant.now());
    }

    /** Like {@link #postMessage} with a chosen timestamp, e.g. older than the 24 h PUBLIC backlog limit. */
    public long postBackdatedMessage(long senderId, String content, boolean action, Instant timestamp) {
        OsuUser sender = context.users().require(senderId);
        if (isPublic()) {
            join(senderId);
        }
        return post(sender, content, action, null, timestamp, false).messageId();
    }

    /** A realistic message (sometimes an action, a user command or unicode) from a random crowd member. */
    public long postRandomMessage(Random r) {
        OsuUser sender = context.users().randomCrowdMember(r);
        RandomChat.Line line = RandomChat.next(r);
        if (isPublic()) {
            join(sender.id());
        }
        return post(sender, line.content(), line.action(), null, Instant.now(), false).messageId();
    }

    /** Every message_id stored in this channel, ascending. */
    public List<Long> messageIds() {
        return withLock(log::allIds);
    }

    /**
     * The stored messages (content as stored: trimmed, newlines as spaces), ascending by message_id. Every message,
     * except that only the newest 10,000 or more are kept in full (see {@link #messageIds()} for all ids).
     */
    public List<StoredMessage> storedMessages() {
        return withLock(log::retained).stream()
                .map(m -> new StoredMessage(m.messageId(), m.senderId(), m.content(), m.action(), m.uuid()))
                .toList();
    }

    /** How many messages were stored (the size of {@link #messageIds()}). */
    public int messageCount() {
        return withLock(log::size);
    }

    /** Contents that arrived through REST (Send Message, Create New PM) as stored (trimmed, newlines as spaces). */
    public List<String> receivedMessages() {
        return withLock(() -> List.copyOf(received));
    }

    /** The newest message_id, or null while the channel is empty. */
    public Long lastMessageId() {
        return withLock(log::lastId);
    }

    /** Ids of the users with a (possibly hidden) membership. */
    public Set<Long> memberIds() {
        return Set.copyOf(members.keySet());
    }

    // ---- Used by the REST handlers -------------------------------------------------------------------------------

    boolean isPublic() {
        return "PUBLIC".equals(type);
    }

    boolean isPm() {
        return "PM".equals(type);
    }

    int messageLengthLimit() {
        return messageLengthLimit(type);
    }

    static int messageLengthLimit(String channelType) {
        return "ANNOUNCE".equals(channelType) ? 1024 : 450;
    }

    List<Long> pmUserIds() {
        List<Long> ids = new ArrayList<>(pmUsers.length);
        for (long user : pmUsers) {
            ids.add(user);
        }
        return ids;
    }

    /** The other user of a PM as {@code viewerId} sees it, or null for other channel types. */
    OsuUser partnerOf(long viewerId) {
        if (pmUsers.length == 0) {
            return null;
        }
        long other = pmUsers[0] == viewerId ? pmUsers[1] : pmUsers[0];
        return context.users().find(other).orElse(null);
    }

    Membership membership(long userId) {
        return members.get(userId);
    }

    /**
     * Adds the user, or un-hides a hidden row. Only then is {@code chat.channel.join} sent to the user, so a repeated
     * join is silent. Returns whether anything changed.
     */
    boolean join(long userId) {
        Membership added = new Membership();
        Membership existing = members.putIfAbsent(userId, added);
        boolean changed = existing == null;
        if (existing != null && existing.hidden()) {
            existing.setHidden(false);
            changed = true;
        }
        if (changed) {
            announce(userId, true);
        }
        return changed;
    }

    /** Removes the user (a PM is only hidden) and sends {@code chat.channel.part} to them if they were in. */
    boolean leave(long userId) {
        Membership membership = members.get(userId);
        if (membership == null || membership.hidden()) {
            return false;
        }
        announce(userId, false);
        if (isPm()) {
            membership.setHidden(true);
        } else {
            members.remove(userId);
        }
        return true;
    }

    /** chat.channel.join to every member (a new PM: both users). */
    void announceMembers() {
        members.keySet().forEach(userId -> announce(userId, true));
    }

    void acked(long userId, long nowNanos) {
        Membership membership = members.get(userId);
        if (membership != null && isPublic()) {
            membership.acked(nowNanos);
        }
    }

    /**
     * Stores and broadcasts one message. Recipients (reference §5.2): a user command only its sender; PUBLIC the
     * members whose keepalive is recent enough plus the sender; PM both users even if hidden; others every member.
     */
    OsuMessage post(OsuUser sender, String content, boolean action, String uuid, Instant timestamp, boolean viaRest) {
        return withLock(() -> {
            OsuMessage message = new OsuMessage(context.nextMessageId(), id, sender.id(), content, action, timestamp,
                    uuid, OsuMessage.typeFor(action, type));
            log.add(message);
            if (viaRest) {
                received.add(content);
            }
            context.hub().deliverChat(recipients(message), OsuEvents.messageNew(message, sender));
            return message;
        });
    }

    /** Get Channel Messages as {@code viewerId} sees them: the page first, then the §4.3 filters. */
    List<OsuMessage> page(long viewerId, Long since, Long until, int limit) {
        List<OsuMessage> page = withLock(() -> log.page(since, until, limit));
        Instant backlogLimit = Instant.now().minusSeconds(PUBLIC_BACKLOG_HOURS * 3600);
        List<OsuMessage> visible = new ArrayList<>(page.size());
        for (OsuMessage message : page) {
            if (isPublic() && message.timestamp().isBefore(backlogLimit)) {
                continue;
            }
            if (message.isUserCommand() && message.senderId() != viewerId) {
                continue;
            }
            visible.add(message);
        }
        return visible;
    }

    private Set<Long> recipients(OsuMessage message) {
        Set<Long> recipients = new LinkedHashSet<>();
        if (message.isUserCommand()) {
            recipients.add(message.senderId());
            return recipients;
        }
        if (isPublic()) {
            long now = System.nanoTime();
            long timeout = context.settings().activityTimeout().toNanos();
            members.forEach((userId, membership) -> {
                if (!membership.hidden() && membership.activeAt(now, timeout)) {
                    recipients.add(userId);
                }
            });
            recipients.add(message.senderId());
        } else if (isPm()) {
            recipients.addAll(pmUserIds());
        } else {
            recipients.addAll(members.keySet());
        }
        return recipients;
    }

    private void announce(long userId, boolean joined) {
        Membership membership = members.get(userId);
        var listing = OsuJson.channelListing(this, partnerOf(userId),
                membership == null ? null : membership.lastReadId());
        context.hub().deliverChat(List.of(userId),
                joined ? OsuEvents.channelJoin(listing) : OsuEvents.channelPart(listing));
    }

    private <T> T withLock(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "OsuChannel[" + id + " " + name + " " + type + "]";
    }
}
