package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import dev.chatconnect.emulator.TrafficGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static dev.chatconnect.emulator.mixer.MixerTestSupport.awaitCondition;
import static dev.chatconnect.emulator.mixer.MixerTestSupport.botSocket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Channel events and generated traffic, as a bot socket sees them. */
class MixerChannelTrafficTest {

    private ChatEmulator emulator;
    private MixerEmulator mixer;
    private ChatTestClient bot;

    @BeforeEach
    void start() {
        emulator = ChatEmulator.start(EmulatorOptions.builder().seed(5).build());
        mixer = emulator.mixer();
        bot = botSocket(emulator, 1001);
    }

    @AfterEach
    void stop() {
        bot.close();
        emulator.close();
    }

    @Test
    void randomMessagesCoverEveryPartTypeAndFlagAndAreSeenByTheBotInOrder() {
        MixerChannel channel = mixer.channel(1001);
        Random random = new Random(42);
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            posted.add(channel.postRandomMessage(random));
        }
        Set<String> partTypes = new HashSet<>();
        Set<String> metaKeys = new HashSet<>();
        boolean sawSystemMessage = false;
        boolean sawNullAvatar = false;
        boolean sawAlt = false;
        List<String> received = new ArrayList<>();
        for (int i = 0; i < posted.size(); i++) {
            JsonNode data = bot.awaitEvent("ChatMessage").get("data");
            received.add(data.get("id").asText());
            data.get("message").get("message").forEach(p -> partTypes.add(p.get("type").asText()));
            data.get("message").get("meta").fieldNames().forEachRemaining(metaKeys::add);
            sawAlt |= data.get("message").get("message").findValue("alt") != null;
            if (data.get("user_id").asLong() == 696) {
                sawSystemMessage = true;
                assertFalse(data.has("user_level") || data.has("user_avatar"), data.toString());
            } else {
                assertTrue(data.has("user_level") && data.has("user_avatar"), data.toString());
                sawNullAvatar |= data.get("user_avatar").isNull();
            }
            if (data.get("message").get("meta").has("whisper")) {
                assertEquals(mixer.botUsername(), data.get("target").asText());
            }
        }
        assertEquals(posted, received);
        assertEquals(posted, channel.messageIds());
        assertEquals(Set.of("text", "emoticon", "link", "tag", "image"), partTypes);
        assertTrue(metaKeys.containsAll(Set.of("me", "whisper", "censored", "is_skill", "skill")), metaKeys.toString());
        assertTrue(sawSystemMessage && sawNullAvatar && sawAlt);
        UUID first = UUID.fromString(posted.get(0));
        assertEquals(1, first.version());
        assertEquals(2, first.variant());
    }

    @Test
    void everyEmitterProducesItsEvent() {
        MixerChannel channel = mixer.channel(1001);
        channel.emitUserJoin("Jolet", 11233131);
        assertEquals("Jolet", bot.awaitEvent("UserJoin").get("data").get("username").asText());
        channel.emitUserLeave("Jolet", 11233131);
        assertTrue(bot.awaitEvent("UserLeave").get("data").has("roles"));
        channel.emitDeleteMessage("b6661250-3a31-11e6-830a-a1d867c5621f");
        assertEquals("channel1001",
                bot.awaitEvent("DeleteMessage").get("data").get("moderator").get("user_name").asText());
        channel.emitPurge(11233131, "ban");
        assertEquals("{\"type\":\"ban\"}", bot.awaitEvent("PurgeMessage").get("data").get("cause").toString());
        channel.emitPurge(11233131, "timeout");
        assertTrue(bot.awaitEvent("PurgeMessage").get("data").get("cause").has("durationString"));
        channel.emitClearMessages();
        bot.awaitEvent("ClearMessages");
        channel.emitPollStart();
        JsonNode start = bot.awaitEvent("PollStart").get("data");
        channel.emitPollEnd();
        JsonNode end = bot.awaitEvent("PollEnd").get("data");
        assertEquals(start.get("q"), end.get("q"));
        channel.emitUserUpdate(11233131);
        assertEquals(11233131, bot.awaitEvent("UserUpdate").get("data").get("user").asLong());
        String execution = channel.emitSkillAttribution();
        JsonNode skill = bot.awaitEvent("SkillAttribution").get("data");
        assertEquals(execution, skill.get("skill").get("execution_id").asText());
        channel.emitDeleteSkillAttribution(execution);
        assertEquals(execution, bot.awaitEvent("DeleteSkillAttribution").get("data").get("execution_id").asText());
    }

    @Test
    void messagesPostedWithoutListenersStillReachHistory() {
        MixerChannel quiet = mixer.channel(1003);
        String id = quiet.postMessage("Covent", 392874, "anyone here?");
        try (ChatTestClient late = MixerTestSupport.anonymousSocket(emulator, 1003)) {
            JsonNode history = late.call("history", 10).get("data");
            assertEquals(id, history.get(0).get("id").asText());
        }
    }

    @Test
    void trafficGeneratorPostsUntilStopped() {
        TrafficGenerator traffic = mixer.startTraffic(List.of(1001L, 1002L), 200, true);
        awaitCondition("20 messages in channel 1001", () -> mixer.channel(1001).messageIds().size() >= 20);
        traffic.stop();
        long sent = traffic.eventsSent();
        int total = mixer.channel(1001).messageIds().size() + mixer.channel(1002).messageIds().size();
        assertEquals(sent, total);
        assertEquals(sent, traffic.eventsSent());

        try (TrafficGenerator mixed = mixer.startTraffic(List.of(1003L), 500, false)) {
            awaitCondition("mixed traffic flows", () -> mixed.eventsSent() >= 50);
        }
        assertThrows(IllegalArgumentException.class, () -> mixer.startTraffic(List.of(1001L), 0, true));
        assertThrows(IllegalArgumentException.class, () -> mixer.startTraffic(List.of(4242L), 1, true));
    }

    @Test
    void channelsCanBeAddedAtRuntime() {
        MixerChannel added = mixer.addChannel(5005, "latecomer");
        assertEquals(List.of(1001L, 1002L, 1003L, 5005L), mixer.channelIds());
        assertEquals("mixer:1001,mixer:1002,mixer:1003,mixer:5005,osu:5,osu:6",
                emulator.connectorConfig().get("channels"));
        assertEquals(added, mixer.channel(5005));
        assertThrows(IllegalArgumentException.class, () -> mixer.addChannel(5005, "again"));
        assertThrows(IllegalArgumentException.class, () -> mixer.channel(6006));
    }
}
