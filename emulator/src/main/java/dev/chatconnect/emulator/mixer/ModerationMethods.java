package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polls, timeouts, purges, deletions, giveaways and skills, with the reply shapes of reference §4. The emulator
 * does not check moderator permissions: every signed-in user may moderate.
 */
final class ModerationMethods {

    private static final Pattern DURATION =
            Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,6})s)?");
    private static final long MAX_POLL_SECONDS = 3600;

    private final ChatUsers users;

    ModerationMethods(ChatUsers users) {
        this.users = users;
    }

    void voteChoose(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        MixerChannel channel = ChatMethods.joinedChannel(socket);
        channel.vote((int) call.requireLong(0, "answer index"));
        socket.send(MixerPackets.reply(call.id(), BooleanNode.TRUE));
    }

    void voteStart(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        MixerUser author = ChatMethods.signedInUser(socket);
        String question = call.requireString(0, "question");
        JsonNode answersArg = call.arguments().get(1);
        if (answersArg == null || !answersArg.isArray() || answersArg.isEmpty()) {
            throw ChatMethodException.badRequest("Argument 1 (answers) must be a non-empty array of strings.");
        }
        List<String> answers = new ArrayList<>();
        for (JsonNode answer : answersArg) {
            if (!answer.isTextual()) {
                throw ChatMethodException.badRequest("Argument 1 (answers) must be a non-empty array of strings.");
            }
            answers.add(answer.asText());
        }
        long seconds = call.requireLong(2, "duration in seconds");
        if (seconds <= 0 || seconds > MAX_POLL_SECONDS) {
            throw ChatMethodException.badRequest("The poll duration must be 1.." + MAX_POLL_SECONDS + " seconds.");
        }
        socket.send(MixerPackets.reply(call.id(), TextNode.valueOf("Poll started.")));
        socket.channel().startPoll(question, answers, seconds, author);
    }

    /** Duration as typed ("30s", "1m15s", a bare number of seconds) or "clear" to lift the timeout. */
    void timeout(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        MixerUser moderator = ChatMethods.signedInUser(socket);
        MixerChannel channel = socket.channel();
        String username = call.requireString(0, "username");
        String duration = call.requireDurationText(1);
        MixerUser target = users.named(username)
                .orElseThrow(() -> ChatMethodException.badRequest("User " + username + " is not in this chat."));
        if ("clear".equalsIgnoreCase(duration)) {
            socket.send(MixerPackets.reply(call.id(), TextNode.valueOf(target.name() + " is no longer timed out.")));
            return;
        }
        long millis = durationMillis(duration);
        socket.send(MixerPackets.reply(call.id(),
                TextNode.valueOf(target.name() + " has been timed out for " + duration + ".")));
        channel.publishEvent("PurgeMessage", EventPayloads.purgeMessage(moderator, target.id(), "timeout", duration),
                Audience.EVERYONE);
        channel.publishEvent("UserTimeout", EventPayloads.userTimeout(target, millis), Audience.user(target.id()));
    }

    void purge(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        MixerUser moderator = ChatMethods.signedInUser(socket);
        String username = call.requireString(0, "username");
        MixerUser target = users.named(username).orElseThrow(() -> ChatMethodException.withCode(
                ChatMethodException.PURGE_USER_NOT_FOUND, "User " + username + " not found."));
        socket.send(MixerPackets.replyWithoutData(call.id()));
        socket.channel().publishEvent("PurgeMessage", EventPayloads.purgeMessage(moderator, target.id(), null, null),
                Audience.EVERYONE);
    }

    /** Only the last 1000 messages of a channel are known; older ids answer 4003 like unknown ones. */
    void deleteMessage(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        MixerUser moderator = ChatMethods.signedInUser(socket);
        String messageId = requireUuid(call, "message id");
        if (!socket.channel().hasRetainedMessage(messageId)) {
            throw ChatMethodException.withCode(ChatMethodException.MESSAGE_NOT_FOUND, "Message not found.");
        }
        socket.send(MixerPackets.reply(call.id(), TextNode.valueOf("Message deleted.")));
        socket.channel().publishEvent("DeleteMessage", EventPayloads.deleteMessage(moderator, messageId),
                Audience.EVERYONE);
    }

    void clearMessages(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        MixerUser moderator = ChatMethods.signedInUser(socket);
        socket.send(MixerPackets.reply(call.id(), TextNode.valueOf("Messages cleared.")));
        socket.channel().publishEvent("ClearMessages", EventPayloads.clearMessages(moderator), Audience.EVERYONE);
    }

    /** HypeBot then announces a random winner in chat. */
    void giveawayStart(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        ChatMethods.signedInUser(socket);
        MixerChannel channel = socket.channel();
        socket.send(MixerPackets.reply(call.id(), TextNode.valueOf("Starting a giveaway")));
        MixerUser winner = users.randomViewer(ThreadLocalRandom.current());
        UUID id = channel.newMessageId();
        channel.publishMessage(id, RandomMessages.hypeBotAnnouncement(channel.id(), id, winner, " won the giveaway!"),
                Audience.EVERYONE, null);
    }

    void cancelSkill(MixerChatSocket socket, MethodCall call) throws ChatMethodException {
        MixerUser moderator = ChatMethods.signedInUser(socket);
        String executionId = requireUuid(call, "execution id");
        socket.send(MixerPackets.reply(call.id(), TextNode.valueOf("Skill execution cancelled.")));
        socket.channel().publishEvent("DeleteSkillAttribution",
                EventPayloads.deleteSkillAttribution(moderator, executionId), Audience.EVERYONE);
    }

    private static String requireUuid(MethodCall call, String what) throws ChatMethodException {
        String text = call.requireString(0, what);
        try {
            UUID.fromString(text);
            return text;
        } catch (IllegalArgumentException e) {
            throw ChatMethodException.badRequest("Argument 0 (" + what + ") must be a uuid.");
        }
    }

    static long durationMillis(String typed) throws ChatMethodException {
        String text = typed.trim().toLowerCase(java.util.Locale.ROOT);
        if (text.matches("\\d{1,9}")) {
            return Long.parseLong(text) * 1000;
        }
        Matcher m = DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw ChatMethodException.badRequest("Invalid duration: " + typed);
        }
        long[] unitSeconds = {86_400, 3_600, 60, 1};
        long seconds = 0;
        for (int i = 0; i < unitSeconds.length; i++) {
            if (m.group(i + 1) != null) {
                seconds += Long.parseLong(m.group(i + 1)) * unitSeconds[i];
            }
        }
        return seconds * 1000;
    }
}
