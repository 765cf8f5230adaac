package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.chatconnect.emulator.osu.OsuTestSupport.awaitCondition;
import static dev.chatconnect.emulator.osu.OsuTestSupport.joinAndAck;
import static dev.chatconnect.emulator.osu.OsuTestSupport.json;
import static dev.chatconnect.emulator.osu.OsuTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OsuNotificationSocketTest {

    private ChatEmulator emulator;
    private OsuEmulator osu;
    private long bot;
    private String token;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        emulator = ChatEmulator.start(EmulatorOptions.builder().mixerChannelCount(0).seed(13)
                .osuPingInterval(Duration.ofMillis(250)).build());
        osu = emulator.osu();
        bot = osu.botUserId();
        token = osu.issueAccessToken(bot);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        emulator.close();
    }

    private <T extends AutoCloseable> T track(T client) {
        clients.add(client);
        return client;
    }

    private NotificationTestClient started(String accessToken, long userId) {
        return track(NotificationTestClient.started(osu, accessToken, userId));
    }

    @Test
    void readyWithTheHeaderOrTheQueryParameterOnAnyPath() {
        NotificationTestClient header = track(NotificationTestClient.withBearer(osu, token));
        assertEquals("{\"event\":\"connection.ready\"}", header.nextFrame().toString());
        NotificationTestClient query = track(NotificationTestClient.connect(
                "ws://127.0.0.1:" + emulator.port() + "/any/path?access_token=" + token, Map.of()));
        assertEquals("{\"event\":\"connection.ready\"}", query.nextFrame().toString());
        assertEquals(2, osu.openSockets());
    }

    @Test
    void badTokensGetTheErrorFrameAndAnAbruptClose() throws Exception {
        String clientToken = OsuTestSupport.tokenRequestForm(osu, "client_id=" + osu.clientId() + "&client_secret="
                + osu.clientSecret() + "&grant_type=client_credentials&scope=public").json().get("access_token")
                .asText();
        List<Map<String, String>> bad = List.of(Map.of(), Map.of("Authorization", "bearer " + token),
                Map.of("Authorization", "Bearer nonsense"), Map.of("Authorization", "Bearer " + clientToken),
                Map.of("Authorization", "Bearer " + osu.issueAccessToken(bot, "chat.write", "identify")));
        for (Map<String, String> headers : bad) {
            SilentWebSocket client = track(new SilentWebSocket(osu.notificationUrl(), headers));
            awaitCondition("the server cuts the connection", client::isClosed);
            assertEquals(List.of("{\"error\":\"authentication failed\"}"), client.texts(), headers.toString());
            assertFalse(client.closeFrameReceived(), "no close frame: the client sees 1006");
        }
        osu.expireAllAccessTokens();
        NotificationTestClient expired = track(NotificationTestClient.withBearer(osu, token));
        assertEquals("{\"error\":\"authentication failed\"}", expired.nextFrame().toString());
        awaitCondition("no sockets left", () -> osu.openSockets() == 0);
    }

    @Test
    void chatStartSentBeforeReadyIsLost() {
        osu.setReadyDelay(Duration.ofMillis(300));
        NotificationTestClient early = track(NotificationTestClient.withBearer(osu, token));
        early.sendText("{\"event\":\"chat.start\"}");
        awaitCondition("the early chat.start reached the server", () -> osu.framesLostBeforeReady() == 1);
        early.awaitEvent("connection.ready");
        assertEquals(0, osu.chatStartedSockets(bot));

        early.sendText("{\"event\":\"chat.start\",\"data\":null,\"error\":null}");
        awaitCondition("chat.start after ready counts", () -> osu.chatStartedSockets(bot) == 1);
    }

    @Test
    void publicMessagesNeedARecentAckWhilePmsDoNot() {
        NotificationTestClient socket = started(token, bot);
        long friend = osu.addUser("Friend");
        send("PUT", osu.apiUrl() + "/chat/channels/5/users/" + bot, token, null, null);
        assertEquals("chat.channel.join", socket.nextFrame().path("event").asText());

        osu.channel(5).postMessage(friend, "before any ack", false);
        osu.sendPrivateMessage(friend, bot, "pm marker 1", false);
        assertEquals("chat.channel.join", socket.nextFrame().path("event").asText(), "the new PM channel");
        assertEquals("pm marker 1", content(socket.nextChatMessage()), "the PUBLIC message did not come");

        json("POST", osu, "/chat/ack", token, null);
        osu.channel(5).postMessage(friend, "after the ack", false);
        assertEquals("after the ack", content(socket.nextChatMessage()));

        osu.setChatActivityTimeout(Duration.ZERO); // the ack is now too old
        osu.channel(5).postMessage(friend, "after the timeout", false);
        osu.sendPrivateMessage(friend, bot, "pm marker 2", false);
        assertEquals("pm marker 2", content(socket.nextChatMessage()));
    }

    @Test
    void messageFrameShape() {
        NotificationTestClient socket = started(token, bot);
        joinAndAck(osu, token, bot, 5);
        socket.awaitEvent("chat.channel.join");
        long friend = osu.addUser("Sender");
        long id = osu.channel(5).postMessage(friend, "hello osu", false);
        JsonNode frame = socket.nextChatMessage();
        assertEquals(List.of("event", "data", "socket"), fieldNames(frame));
        assertTrue(frame.get("socket").isNull());
        JsonNode data = frame.get("data");
        assertEquals(List.of("messages", "users", "socket"), fieldNames(data));
        assertTrue(data.get("socket").isNull());
        JsonNode message = data.get("messages").get(0);
        assertEquals(List.of("channel_id", "content", "is_action", "message_id", "sender_id", "timestamp", "type"),
                fieldNames(message), "no sender and no uuid in websocket messages");
        assertEquals(id, message.get("message_id").asLong());
        assertEquals(friend, data.get("users").get(0).get("id").asLong());
        assertEquals("Sender", data.get("users").get(0).get("username").asText());
        assertTrue(data.get("users").get(0).get("last_visit").asText().endsWith("+00:00"));
    }

    @Test
    void ownMessagesEchoWithTheirUuidToEveryRecipient() {
        long friend = osu.addUser("Friend");
        String friendToken = osu.issueAccessToken(friend);
        NotificationTestClient mine = started(token, bot);
        NotificationTestClient theirs = started(friendToken, friend);
        joinAndAck(osu, token, bot, 5);
        joinAndAck(osu, friendToken, friend, 5);
        mine.awaitEvent("chat.channel.join");
        theirs.awaitEvent("chat.channel.join");

        json("POST", osu, "/chat/channels/5/messages", token, Map.of("message", "from the bot", "uuid", "abc"));
        JsonNode echo = mine.nextChatMessage().get("data").get("messages").get(0);
        assertEquals("abc", echo.get("uuid").asText());
        assertEquals("abc", theirs.nextChatMessage().get("data").get("messages").get(0).get("uuid").asText());

        json("POST", osu, "/chat/channels/5/messages", friendToken, Map.of("message", "!roll"));
        assertEquals("!roll", content(theirs.nextChatMessage()), "a user command reaches its sender");
        osu.sendPrivateMessage(friend, bot, "marker", false);
        assertEquals("chat.channel.join", mine.nextFrame().path("event").asText(), "but nobody else");
        assertEquals("marker", content(mine.nextChatMessage()));
    }

    @Test
    void everySocketOfTheTokenReceivesAndChatEndStopsOne() {
        NotificationTestClient a = started(token, bot);
        NotificationTestClient b = started(token, bot);
        long friend = osu.addUser("Friend");
        osu.sendPrivateMessage(friend, bot, "to both", false);
        for (NotificationTestClient client : List.of(a, b)) {
            client.awaitEvent("chat.channel.join");
            assertEquals("to both", content(client.nextChatMessage()));
        }
        b.sendText("{\"event\":\"chat.end\"}");
        awaitCondition("chat.end processed", () -> osu.chatStartedSockets(bot) == 1);
        b.sendText("not json");
        b.sendBinary("{\"event\":\"chat.start\"}".getBytes(StandardCharsets.UTF_8));
        osu.sendPrivateMessage(friend, bot, "only a", false);
        assertEquals("only a", content(a.nextChatMessage()));
        b.sendText("{\"event\":\"chat.start\"}");
        awaitCondition("chat.start again", () -> osu.chatStartedSockets(bot) == 2);
        osu.sendPrivateMessage(friend, bot, "both again", false);
        assertEquals("both again", content(b.nextChatMessage()), "junk frames were ignored, the socket lives");
    }

    @Test
    void joinAndPartEventsGoToTheUser() {
        NotificationTestClient socket = started(token, bot);
        send("PUT", osu.apiUrl() + "/chat/channels/6/users/" + bot, token, null, null);
        JsonNode join = socket.nextFrame();
        assertEquals("chat.channel.join", join.get("event").asText());
        assertEquals(6, join.get("data").get("channel_id").asLong());
        assertTrue(join.get("data").has("current_user_attributes"));
        assertTrue(join.get("data").get("socket").isNull());
        send("PUT", osu.apiUrl() + "/chat/channels/6/users/" + bot, token, null, null); // no second event
        send("DELETE", osu.apiUrl() + "/chat/channels/6/users/" + bot, token, null, null);
        JsonNode part = socket.nextFrame();
        assertEquals("chat.channel.part", part.get("event").asText());
    }

    @Test
    void heartbeatCutsClientsThatDoNotPong() throws Exception {
        NotificationTestClient ponging = track(NotificationTestClient.withBearer(osu, token));
        ponging.awaitEvent("connection.ready");
        SilentWebSocket silent = track(new SilentWebSocket(osu.notificationUrl(), token));
        awaitCondition("the silent client is cut", silent::isClosed);
        assertEquals(1, silent.pings(), "pinged once, cut at the next tick");
        awaitCondition("the JDK client got pings too", () -> ponging.pings() >= 2);
        assertFalse(ponging.isClosed(), "a client that pongs stays");
        awaitCondition("one socket left", () -> osu.openSockets() == 1);
    }

    @Test
    void revokingTokensPushesLogout() {
        String other = osu.issueAccessToken(bot);
        NotificationTestClient first = started(token, bot);
        NotificationTestClient second = started(other, bot);
        assertEquals(204, send("DELETE", osu.apiUrl() + "/oauth/tokens/current", token, null, null).status());
        assertEquals("{\"event\":\"logout\"}", first.nextFrame().toString());
        assertEquals(1005, first.awaitClosed(), "a close frame without status");
        assertFalse(second.isClosed());

        osu.revokeTokensOf(bot);
        assertEquals("{\"event\":\"logout\"}", second.nextFrame().toString());
        assertEquals(1005, second.awaitClosed());
    }

    @Test
    void expiryDoesNotCloseAnOpenSocketButDropDoes() throws Exception {
        NotificationTestClient socket = started(token, bot);
        osu.expireAllAccessTokens();
        long friend = osu.addUser("Friend");
        osu.sendPrivateMessage(friend, bot, "still delivered", false);
        socket.awaitEvent("chat.channel.join");
        assertEquals("still delivered", content(socket.nextChatMessage()));

        SilentWebSocket raw = track(new SilentWebSocket(osu.notificationUrl(), osu.issueAccessToken(bot)));
        awaitCondition("both sockets are open", () -> osu.openSockets() == 2);
        osu.dropAllSockets();
        awaitCondition("no sockets", () -> osu.openSockets() == 0);
        awaitCondition("the raw client sees the TCP close", raw::isClosed);
        assertFalse(raw.closeFrameReceived(), "no close frame (1006)");
        // The JDK client is not asked: it often misses a TCP close that follows a frame (see README).
    }

    private static String content(JsonNode frame) {
        return frame.get("data").get("messages").get(0).get("content").asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
