package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;
import dev.chatconnect.emulator.mixer.EventPayloads.Poll;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One Mixer chat channel: its sockets, its message log and everything posted to it. All posting happens under one
 * lock per channel, so every socket receives frames in the order they were recorded.
 */
public final class MixerChannel {

    /** Messages kept for history and deleteMessage; older ones survive only as ids in {@link #messageIds()}. */
    private static final int RETAINED_MESSAGES = 1000;
    private static final int MAX_HISTORY = 100;

    private final long id;
    private final String name;
    private final MixerUser owner;
    private final ChannelContext context;
    private final Set<MixerChatSocket> sockets = ConcurrentHashMap.newKeySet();

    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock:
    private final ArrayDeque<LoggedMessage> retained = new ArrayDeque<>();
    private final UuidLog messageIds = new UuidLog();
    private final List<String> clientMessages = new ArrayList<>();
    private final List<SentMessage> sentMessages = new ArrayList<>();
    private final Random random;
    private Poll poll;
    private String lastSkillExecution;

    private record LoggedMessage(String id, ObjectNode data, Audience audience) {
    }

    /**
     * A message a client sent with the msg or whisper method. {@code text} is what the ChatMessage shows: for a
     * "/me " action ({@code action}, meta.me) the prefix is stripped. {@code whisperTarget} is null unless whispered.
     */
    public record SentMessage(String id, long userId, String userName, String text, String whisperTarget,
                              boolean action) {
    }

    MixerChannel(long id, String name, MixerUser owner, ChannelContext context, long seed) {
        this.id = id;
        this.name = name;
        this.owner = owner;
        this.context = context;
        this.random = new Random(seed ^ id);
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    MixerUser owner() {
        return owner;
    }

    // ---- Posting messages -------------------------------------------------------------------------------------

    /** Posts a message as the given user would type it (links, @tags, emoticons, "/me"); returns its uuid. */
    public String postMessage(String userName, long userId, String text) {
        MixerUser author = context.users().namedOrNew(userName, userId);
        return withLock(() -> {
            UUID messageId = context.uuids().next();
            ObjectNode data = ChatMessages.typed(id, messageId, author, text, this::userIdOf);
            publishMessage(messageId, data, Audience.EVERYONE, null);
            return messageId.toString();
        });
    }

    /** Posts a realistic random message (mixed parts, meta flags, key orders); returns its uuid. */
    public String postRandomMessage(Random r) {
        return withLock(() -> {
            UUID messageId = context.uuids().next();
            RandomMessages.Generated message = RandomMessages.next(r, id, messageId, context.users(), context.bot());
            publishMessage(messageId, message.data(), message.audience(), null);
            return messageId.toString();
        });
    }

    /** Every ChatMessage id ever posted to this channel (whispers and censored ones included), in order. */
    public List<String> messageIds() {
        return withLock(messageIds::toStrings);
    }

    /** How many ChatMessages were posted to this channel (the size of {@link #messageIds()}). */
    public int messageCount() {
        return withLock(messageIds::size);
    }

    /** Texts of the msg and whisper calls this channel accepted from clients, in order. */
    public List<String> receivedClientMessages() {
        return withLock(() -> List.copyOf(clientMessages));
    }

    /** The msg and whisper calls this channel accepted from clients (replied to or not), in arrival order. */
    public List<SentMessage> sentMessages() {
        return withLock(() -> List.copyOf(sentMessages));
    }

    // ---- Emitting events --------------------------------------------------------------------------------------

    public void emitUserJoin(String user, long userId) {
        publishEvent("UserJoin", EventPayloads.userJoin(id, context.users().namedOrNew(user, userId)),
                Audience.EVERYONE);
    }

    public void emitUserLeave(String user, long userId) {
        publishEvent("UserLeave", EventPayloads.userLeave(id, context.users().namedOrNew(user, userId)),
                Audience.EVERYONE);
    }

    public void emitDeleteMessage(String messageId) {
        publishEvent("DeleteMessage", EventPayloads.deleteMessage(owner, messageId), Audience.EVERYONE);
    }

    /** {@code causeType}: "ban", "timeout" or "globaltimeout" (the timeouts carry a durationString); null for none. */
    public void emitPurge(long userId, String causeType) {
        String duration = causeType != null && causeType.endsWith("timeout") ? "5m" : null;
        publishEvent("PurgeMessage", EventPayloads.purgeMessage(owner, userId, causeType, duration),
                Audience.EVERYONE);
    }

    public void emitClearMessages() {
        publishEvent("ClearMessages", EventPayloads.clearMessages(owner), Audience.EVERYONE);
    }

    /** Starts a random 30 s poll by the channel owner (it does not end by itself; see {@link #emitPollEnd()}). */
    public void emitPollStart() {
        withLock(() -> {
            poll = Poll.start(randomQuestion(), List.of("Yes", "No", "Maybe"), owner,
                    System.currentTimeMillis() + 30_000);
            publishEvent("PollStart", EventPayloads.poll(id, poll, System.currentTimeMillis()), Audience.EVERYONE);
            return null;
        });
    }

    /** Ends the running poll with random votes (or a random finished poll if none runs). */
    public void emitPollEnd() {
        withLock(() -> {
            Poll ending = poll != null ? poll
                    : Poll.start(randomQuestion(), List.of("Good.", "Bad."), owner, System.currentTimeMillis());
            ending = ending.withVotes(ending.answers().stream().map(a -> random.nextInt(20)).toList());
            poll = null;
            publishEvent("PollEnd", EventPayloads.poll(id, ending, System.currentTimeMillis()), Audience.EVERYONE);
            return null;
        });
    }

    public void emitUserUpdate(long userId) {
        List<List<String>> roleSets = List.of(List.of("Mod", "User"), List.of("Subscriber", "User"),
                List.of("Banned", "Pro", "User"), List.of("User"));
        List<String> roles = withLock(() -> roleSets.get(random.nextInt(roleSets.size())));
        publishEvent("UserUpdate", EventPayloads.userUpdate(userId, roles), Audience.EVERYONE);
    }

    /** Sent only to the timed-out user's sockets, as on real Mixer. */
    public void emitUserTimeout(String user, long userId, long durationMs) {
        publishEvent("UserTimeout", EventPayloads.userTimeout(context.users().namedOrNew(user, userId), durationMs),
                Audience.user(userId));
    }

    /** Emits a random SkillAttribution; returns its execution id (for {@link #emitDeleteSkillAttribution}). */
    public String emitSkillAttribution() {
        return withLock(() -> {
            MixerUser user = context.users().randomViewer(random);
            ObjectNode skill = RandomMessages.randomSkill(random);
            ObjectNode message = Json.object();
            message.set("message", RandomMessages.randomParts(random, context.users()));
            message.putObject("meta");
            lastSkillExecution = skill.get("execution_id").asText();
            publishEvent("SkillAttribution", EventPayloads.skillAttribution(RandomMessages.randomUuid(random), skill,
                    user, message), Audience.EVERYONE);
            return lastSkillExecution;
        });
    }

    public void emitDeleteSkillAttribution(String executionId) {
        publishEvent("DeleteSkillAttribution", EventPayloads.deleteSkillAttribution(owner, executionId),
                Audience.EVERYONE);
    }

    /** One realistic event: mostly ChatMessages, then joins/leaves, moderation, polls and skills. */
    public void emitRandomEvent(Random r) {
        int roll = r.nextInt(100);
        if (roll < 70) {
            postRandomMessage(r);
            return;
        }
        MixerUser viewer = context.users().randomViewer(r);
        if (roll < 78) {
            emitUserJoin(viewer.name(), viewer.id());
        } else if (roll < 84) {
            emitUserLeave(viewer.name(), viewer.id());
        } else if (roll < 87) {
            emitUserUpdate(viewer.id());
        } else if (roll < 90) {
            String victim = withLock(() -> retained.isEmpty() ? null : retained.peekLast().id());
            emitDeleteMessage(victim != null ? victim : RandomMessages.randomUuid(r));
        } else if (roll < 92) {
            String[] causes = {"ban", "timeout", "globaltimeout"};
            emitPurge(viewer.id(), causes[r.nextInt(causes.length)]);
        } else if (roll < 94) {
            emitPollStart();
        } else if (roll < 95) {
            emitPollEnd();
        } else if (roll < 97) {
            emitSkillAttribution();
        } else if (roll < 98) {
            String execution = withLock(() -> lastSkillExecution);
            emitDeleteSkillAttribution(execution != null ? execution : RandomMessages.randomUuid(r));
        } else if (roll < 99) {
            emitUserTimeout(viewer.name(), viewer.id(), 60_000);
        } else {
            emitClearMessages();
        }
    }

    /** Sends exactly this text to every socket of the channel, ignoring opt-outs (malformed or unknown frames). */
    public void sendRawFrame(String text) {
        byte[] frame = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        withLock(() -> {
            sockets.forEach(socket -> socket.sendFrame(frame));
            return null;
        });
    }

    // ---- Used by the chat socket ------------------------------------------------------------------------------

    int connectedSockets() {
        return sockets.size();
    }

    void dropSockets() {
        sockets.forEach(MixerChatSocket::dropAbruptly);
    }

    /** Adds the socket; {@code beforeAnnounce} (the auth reply) goes out before the UserJoin of a signed-in user. */
    void join(MixerChatSocket socket, MixerUser user, Runnable beforeAnnounce) {
        withLock(() -> {
            sockets.add(socket);
            beforeAnnounce.run();
            if (user != null) {
                publishEvent("UserJoin", EventPayloads.userJoin(id, user), Audience.EVERYONE);
            }
            return null;
        });
    }

    void leave(MixerChatSocket socket, MixerUser user) {
        withLock(() -> {
            if (sockets.remove(socket) && user != null) {
                publishEvent("UserLeave", EventPayloads.userLeave(id, user), Audience.EVERYONE);
            }
            return null;
        });
    }

    UUID newMessageId() {
        return context.uuids().next();
    }

    long userIdOf(String userName) {
        return context.users().named(userName).map(MixerUser::id)
                .orElse((long) Math.floorMod(userName.toLowerCase(java.util.Locale.ROOT).hashCode(), 90_000_000)
                        + 100_000);
    }

    /**
     * A msg/whisper that passed every check: records the typed text and {@code sent}, then logs and broadcasts the
     * ChatMessage as {@link #publishMessage} does, all under one lock so the records follow the message order.
     */
    void publishClientMessage(String typedText, SentMessage sent, ObjectNode data, Audience audience,
                              Runnable beforeBroadcast) {
        withLock(() -> {
            clientMessages.add(typedText);
            sentMessages.add(sent);
            publishMessage(UUID.fromString(sent.id()), data, audience, beforeBroadcast);
            return null;
        });
    }

    /**
     * Logs and broadcasts a ChatMessage. {@code beforeBroadcast} (the sender's reply) runs under the lock after the
     * message is logged and before any socket gets the event.
     */
    void publishMessage(UUID messageId, ObjectNode data, Audience audience, Runnable beforeBroadcast) {
        withLock(() -> {
            messageIds.add(messageId);
            retained.addLast(new LoggedMessage(messageId.toString(), data, audience));
            if (retained.size() > RETAINED_MESSAGES) {
                retained.pollFirst();
            }
            if (beforeBroadcast != null) {
                beforeBroadcast.run();
            }
            deliver("ChatMessage", data, audience);
            return null;
        });
    }

    void publishEvent(String event, ObjectNode data, Audience audience) {
        withLock(() -> {
            deliver(event, data, audience);
            return null;
        });
    }

    /** The last {@code count} (at most 100) messages the viewer may see, oldest first. */
    ArrayNode history(long count, MixerUser viewer) {
        long wanted = Math.max(0, Math.min(count, MAX_HISTORY));
        return withLock(() -> {
            List<ObjectNode> newestFirst = new ArrayList<>();
            for (Iterator<LoggedMessage> it = retained.descendingIterator(); it.hasNext()
                    && newestFirst.size() < wanted; ) {
                LoggedMessage m = it.next();
                if (m.audience().includes(viewer)) {
                    newestFirst.add(m.data());
                }
            }
            Collections.reverse(newestFirst);
            ArrayNode items = Json.array();
            newestFirst.forEach(items::add);
            return items;
        });
    }

    boolean hasRetainedMessage(String messageId) {
        return withLock(() -> retained.stream().anyMatch(m -> m.id().equalsIgnoreCase(messageId)));
    }

    /** Starts a poll, announces it, and announces its end when the duration has passed. */
    void startPoll(String question, List<String> answers, long durationSeconds, MixerUser author) {
        Poll started = withLock(() -> {
            poll = Poll.start(question, answers, author, System.currentTimeMillis() + durationSeconds * 1000);
            publishEvent("PollStart", EventPayloads.poll(id, poll, System.currentTimeMillis()), Audience.EVERYONE);
            return poll;
        });
        context.scheduler().schedule(() -> withLock(() -> {
            if (poll == started) {
                poll = null;
                publishEvent("PollEnd", EventPayloads.poll(id, started, System.currentTimeMillis()),
                        Audience.EVERYONE);
            }
            return null;
        }), durationSeconds, TimeUnit.SECONDS);
    }

    /** Counts a vote if a poll runs and the index is valid. */
    boolean vote(int answerIndex) {
        return withLock(() -> {
            if (poll == null || answerIndex < 0 || answerIndex >= poll.answers().size()) {
                return false;
            }
            List<Integer> votes = new ArrayList<>(poll.votes());
            votes.set(answerIndex, votes.get(answerIndex) + 1);
            poll = poll.withVotes(votes);
            return true;
        });
    }

    private void deliver(String event, ObjectNode data, Audience audience) {
        byte[] frame = Json.writeUtf8(MixerPackets.event(event, data));
        for (MixerChatSocket socket : sockets) {
            if (audience.includes(socket.user())) {
                socket.deliverEvent(event, frame);
            }
        }
    }

    private String randomQuestion() {
        String[] questions = {"How's the weather?", "Turkey or Ham?", "Next game?", "Should I play ranked?"};
        return questions[random.nextInt(questions.length)];
    }

    private <T> T withLock(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "MixerChannel[" + id + " " + name + "]";
    }
}
