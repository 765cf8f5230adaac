package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatconnect.emulator.Json;

import java.util.List;

/** The data objects of Mixer chat events other than ChatMessage (reference §5.2). */
final class EventPayloads {

    private EventPayloads() {
    }

    static ObjectNode welcome(String serverId) {
        ObjectNode data = Json.object();
        data.put("server", serverId);
        return data;
    }

    static ObjectNode userJoin(long channelId, MixerUser user) {
        ObjectNode data = Json.object();
        data.put("originatingChannel", channelId);
        data.put("username", user.name());
        data.set("roles", Json.MAPPER.valueToTree(user.roles()));
        data.put("id", user.id());
        return data;
    }

    /** Real UserLeave frames carry roles although the docs omit them. */
    static ObjectNode userLeave(long channelId, MixerUser user) {
        return userJoin(channelId, user);
    }

    static ObjectNode poll(long channelId, Poll poll, long nowMillis) {
        ObjectNode data = Json.object();
        data.put("originatingChannel", channelId);
        data.put("q", poll.question());
        data.set("answers", Json.MAPPER.valueToTree(poll.answers()));
        data.set("author", poll.author().asEventUser());
        data.put("duration", Math.max(0, poll.endsAtMillis() - nowMillis));
        data.put("endsAt", poll.endsAtMillis());
        data.put("voters", poll.votes().stream().mapToInt(Integer::intValue).sum());
        ObjectNode responses = data.putObject("responses");
        for (int i = 0; i < poll.answers().size(); i++) {
            responses.put(poll.answers().get(i), poll.votes().get(i));
        }
        data.set("responsesByIndex", Json.MAPPER.valueToTree(poll.votes()));
        return data;
    }

    static ObjectNode deleteMessage(MixerUser moderator, String messageId) {
        ObjectNode data = Json.object();
        data.set("moderator", moderator.asModerator());
        data.put("id", messageId);
        return data;
    }

    /** {@code causeType} null gives a plain purge without a cause; timeouts carry the typed duration. */
    static ObjectNode purgeMessage(MixerUser moderator, long purgedUserId, String causeType, String durationString) {
        ObjectNode data = Json.object();
        data.set("moderator", moderator.asModerator());
        data.put("user_id", purgedUserId);
        if (causeType != null) {
            ObjectNode cause = data.putObject("cause");
            cause.put("type", causeType);
            if (durationString != null) {
                cause.put("durationString", durationString);
            }
        }
        return data;
    }

    static ObjectNode clearMessages(MixerUser clearer) {
        ObjectNode data = Json.object();
        data.set("clearer", clearer.asModerator());
        return data;
    }

    static ObjectNode userUpdate(long userId, List<String> roles) {
        ObjectNode data = Json.object();
        data.put("user", userId);
        data.set("roles", Json.MAPPER.valueToTree(roles));
        return data;
    }

    static ObjectNode userTimeout(MixerUser user, long durationMs) {
        ObjectNode data = Json.object();
        data.set("user", user.asEventUser());
        data.put("duration", durationMs);
        return data;
    }

    static ObjectNode skill(String skillId, String skillName, String executionId, String iconUrl, int cost,
                            String currency) {
        ObjectNode skill = Json.object();
        skill.put("skill_id", skillId);
        skill.put("skill_name", skillName);
        skill.put("execution_id", executionId);
        skill.put("icon_url", iconUrl);
        skill.put("cost", cost);
        skill.put("currency", currency);
        return skill;
    }

    static ObjectNode skillAttribution(String id, ObjectNode skill, MixerUser user, ObjectNode message) {
        ObjectNode data = Json.object();
        data.put("id", id);
        data.set("skill", skill);
        data.put("user_name", user.name());
        data.put("user_id", user.id());
        data.set("user_roles", Json.MAPPER.valueToTree(user.roles()));
        data.put("user_level", user.level());
        data.put("user_avatar", user.avatarUrl());
        data.set("message", message);
        return data;
    }

    static ObjectNode deleteSkillAttribution(MixerUser moderator, String executionId) {
        ObjectNode data = Json.object();
        data.set("moderator", moderator.asModerator());
        data.put("execution_id", executionId);
        return data;
    }

    /** A running or finished poll of one channel. */
    record Poll(String question, List<String> answers, MixerUser author, long endsAtMillis, List<Integer> votes) {

        static Poll start(String question, List<String> answers, MixerUser author, long endsAtMillis) {
            return new Poll(question, List.copyOf(answers), author, endsAtMillis,
                    answers.stream().map(a -> 0).toList());
        }

        Poll withVotes(List<Integer> newVotes) {
            return new Poll(question, answers, author, endsAtMillis, List.copyOf(newVotes));
        }
    }
}
