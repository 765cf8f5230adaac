package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import dev.chatconnect.emulator.osu.OsuChannel.StoredMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.chatconnect.emulator.osu.OsuTestSupport.Response;
import static dev.chatconnect.emulator.osu.OsuTestSupport.get;
import static dev.chatconnect.emulator.osu.OsuTestSupport.joinAndAck;
import static dev.chatconnect.emulator.osu.OsuTestSupport.json;
import static dev.chatconnect.emulator.osu.OsuTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hooks for testing a connector that sends: lost send responses, stored messages, Create Channel PM. */
class OsuSendHooksTest {

    private ChatEmulator emulator;
    private OsuEmulator osu;
    private String token;
    private long bot;
    private final List<NotificationTestClient> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        emulator = ChatEmulator.start(EmulatorOptions.builder().mixerChannelCount(0).osuChannelCount(2).seed(11)
                .build());
        osu = emulator.osu();
        bot = osu.botUserId();
        token = osu.issueAccessToken(bot);
    }

    @AfterEach
    void stop() {
        sockets.forEach(NotificationTestClient::close);
        emulator.close();
    }

    private NotificationTestClient started(String accessToken, long userId) {
        NotificationTestClient socket = NotificationTestClient.started(osu, accessToken, userId);
        sockets.add(socket);
        return socket;
    }

    private Response sendTo(long channelId, Map<String, ?> body) {
        return json("POST", osu, "/chat/channels/" + channelId + "/messages", token, body);
    }

    @Test
    void lostSendResponsesAreStoredAndBroadcast() {
        long watcher = osu.addUser("watcher");
        String watcherToken = osu.issueAccessToken(watcher);
        NotificationTestClient watcherSocket = started(watcherToken, watcher);
        joinAndAck(osu, watcherToken, watcher, 5);
        joinAndAck(osu, token, bot, 5);
        osu.loseNextSendResponses(2);

        Response blank = sendTo(5, Map.of("message", "  "));
        assertEquals(422, blank.status(), "a refused send keeps its answer and uses up nothing");
        Response lost = sendTo(5, Map.of("message", "lost answer", "uuid", "u-lost"));
        assertEquals(502, lost.status());
        assertEquals("{\"error\":null}", lost.body());
        JsonNode delivered = watcherSocket.awaitEvent("chat.message.new").get("data").get("messages").get(0);
        assertEquals("lost answer", delivered.get("content").asText());
        assertEquals("u-lost", delivered.get("uuid").asText());
        assertEquals(List.of(new StoredMessage(delivered.get("message_id").asLong(), bot, "lost answer", false,
                "u-lost")), osu.channel(5).storedMessages());
        assertEquals(List.of("lost answer"), osu.channel(5).receivedMessages());

        Response lostPm = json("POST", osu, "/chat/new", token,
                Map.of("target_id", watcher, "message", "pm answer lost", "uuid", "u-pm"));
        assertEquals(502, lostPm.status());
        assertEquals("{\"error\":null}", lostPm.body());
        OsuChannel pm = osu.pmChannel(bot, watcher);
        assertNotNull(pm, "the PM channel was created all the same");
        JsonNode pmDelivered = watcherSocket.awaitEvent("chat.message.new").get("data").get("messages").get(0);
        assertEquals(pm.id(), pmDelivered.get("channel_id").asLong());
        assertEquals("pm answer lost", pm.storedMessages().get(0).content());
        assertEquals("u-pm", pm.storedMessages().get(0).uuid());

        Response answered = sendTo(5, Map.of("message", "answered"));
        assertEquals(200, answered.status(), answered.toString());
        assertEquals("answered", answered.json().get("content").asText());
        assertEquals(200, json("POST", osu, "/chat/new", token, Map.of("target_id", watcher, "message", "pm ok"))
                .status());
        assertThrows(IllegalArgumentException.class, () -> osu.loseNextSendResponses(-1));
    }

    @Test
    void storedMessagesListTheChannelAscending() {
        send("PUT", osu.apiUrl() + "/chat/channels/6/users/" + bot, token, null, null);
        long other = osu.addUser("chatter");
        long first = osu.channel(6).postMessage(other, "from the test", false);
        long second = sendTo(6, Map.of("message", " waves\n", "is_action", true, "uuid", "u-2")).json()
                .get("message_id").asLong();
        long third = sendTo(6, Map.of("message", "no uuid")).json().get("message_id").asLong();

        List<StoredMessage> stored = osu.channel(6).storedMessages();
        assertEquals(List.of(
                new StoredMessage(first, other, "from the test", false, null),
                new StoredMessage(second, bot, "waves", true, "u-2"),
                new StoredMessage(third, bot, "no uuid", false, null)), stored);
        assertThrows(UnsupportedOperationException.class, () -> stored.add(stored.get(0)));
        assertEquals(List.of(), osu.channel(5).storedMessages());

        JsonNode page = get(osu, "/chat/channels/6/messages", token).json();
        assertEquals(3, page.size());
        assertFalse(page.get(0).has("uuid"));
        assertEquals("u-2", page.get(1).get("uuid").asText(), "Get Channel Messages carries the sender's uuid");
        assertFalse(page.get(2).has("uuid"));
    }

    @Test
    void theBotSendsUnderTheBotLimit() {
        send("PUT", osu.apiUrl() + "/chat/channels/5/users/" + bot, token, null, null);
        for (int i = 0; i < 15; i++) {
            assertEquals(200, sendTo(5, Map.of("message", "burst " + i)).status(), "more than 10 per 5 s");
        }
        assertEquals(0, osu.http429Count());
    }

    @Test
    void createChannelPmReturnsAnExistingPm() {
        long target = osu.addUser("pen_pal");
        Response unsaved = json("POST", osu, "/chat/channels", token, Map.of("type", "PM", "target_id", target));
        assertEquals(200, unsaved.status());
        assertTrue(unsaved.json().get("channel_id").isNull());
        assertNull(osu.pmChannel(bot, target));

        long messageId = osu.sendPrivateMessage(target, bot, "hello bot", false);
        OsuChannel pm = osu.pmChannel(bot, target);
        Response existing = json("POST", osu, "/chat/channels", token, Map.of("type", "PM", "target_id", target));
        assertEquals(200, existing.status(), existing.toString());
        JsonNode body = existing.json();
        assertEquals(pm.id(), body.get("channel_id").asLong());
        assertEquals("PM", body.get("type").asText());
        assertEquals("pen_pal", body.get("name").asText());
        assertEquals(messageId, body.get("recent_messages").get(0).get("message_id").asLong());

        assertEquals(204, send("DELETE", osu.apiUrl() + "/chat/channels/" + pm.id() + "/users/" + bot, token,
                null, null).status());
        assertTrue(pm.membership(bot).hidden());
        Response rejoined = OsuTestSupport.form("POST", osu, "/chat/channels", token,
                "type=PM&target_id=" + target);
        assertEquals(pm.id(), rejoined.json().get("channel_id").asLong());
        assertFalse(pm.membership(bot).hidden(), "the call re-joins (un-hides) the PM");
    }
}
