package dev.chatconnect.emulator.osu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.chatconnect.emulator.osu.OsuTestSupport.Response;
import static dev.chatconnect.emulator.osu.OsuTestSupport.form;
import static dev.chatconnect.emulator.osu.OsuTestSupport.get;
import static dev.chatconnect.emulator.osu.OsuTestSupport.json;
import static dev.chatconnect.emulator.osu.OsuTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OsuRestApiTest {

    private ChatEmulator emulator;
    private OsuEmulator osu;
    private String token;
    private long bot;

    @BeforeEach
    void start() {
        emulator = ChatEmulator.start(EmulatorOptions.builder().mixerChannelCount(0).osuChannelCount(3).seed(8)
                .build());
        osu = emulator.osu();
        bot = osu.botUserId();
        token = osu.issueAccessToken(bot);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Response join(long channelId) {
        return send("PUT", osu.apiUrl() + "/chat/channels/" + channelId + "/users/" + bot, token, null, null);
    }

    @Test
    void channelsFromTheOptions() {
        assertEquals(List.of(5L, 6L, 7L), osu.channelIds());
        assertEquals("#osu", osu.channel(5).name());
        assertEquals("#lobby", osu.channelByName("lobby").name());
        assertEquals("#channel7", osu.channel(7).name());
        Response list = get(osu, "/chat/channels", token);
        assertEquals(200, list.status());
        assertEquals(3, list.json().size());
        assertEquals("{\"channel_id\":5,\"description\":\"The official osu! channel (english only).\",\"icon\":null,"
                + "\"message_length_limit\":450,\"moderated\":false,\"name\":\"#osu\",\"type\":\"PUBLIC\","
                + "\"uuid\":null}", list.json().get(0).toString());
        assertEquals("osu:5,osu:6,osu:7", emulator.connectorConfig().get("channels"));
    }

    @Test
    void authenticationAndScopeErrors() {
        Response none = get(osu, "/chat/channels", null);
        assertEquals(401, none.status());
        assertEquals("{\"authentication\":\"basic\"}", none.body());
        Response lowercase = OsuTestSupport.sendAuthorized("GET", osu.apiUrl() + "/chat/channels",
                "bearer " + token, null, null);
        assertEquals(401, lowercase.status());
        assertEquals(401, OsuTestSupport.send("GET", osu.apiUrl() + "/chat/channels", "garbage.x.y", null, null)
                .status());

        String identifyOnly = osu.issueAccessToken(bot, "identify");
        Response missing = get(osu, "/chat/channels", identifyOnly);
        assertEquals(403, missing.status());
        assertEquals("{\"error\":\"A required scope is missing.\"}", missing.body());
        assertEquals(200, get(osu, "/me", identifyOnly).status());
        Response lazer = get(osu, "/chat/updates?since=0", token);
        assertEquals(403, lazer.status());
        assertEquals("{\"error\":\"Invalid scope(s) provided.\"}", lazer.body());
        Response readOnly = json("POST", osu, "/chat/channels/5/messages", osu.issueAccessToken(bot, "chat.read"),
                Map.of("message", "x"));
        assertEquals(403, readOnly.status());

        assertEquals("{\"error\":null}", get(osu, "/chat/nothing-here", token).body());
        assertEquals(404, get(osu, "/chat/nothing-here", token).status());
        assertEquals(405, json("PATCH", osu, "/chat/ack", token, null).status());
    }

    @Test
    void joinShowAndLeave() {
        Response before = get(osu, "/chat/channels/5", token);
        assertEquals(404, before.status(), "not a member yet");
        Response unknown = get(osu, "/chat/channels/999", token);
        assertEquals("{\"error\":\"Specified Chat\\\\Channel couldn't be found.\"}", unknown.body());

        Response other = send("PUT", osu.apiUrl() + "/chat/channels/5/users/" + (bot + 1), token, null, null);
        assertEquals(403, other.status());
        assertEquals("{\"error\":null}", other.body());

        osu.channel(5).postMessage(osu.addUser("early_bird"), "before the join", false);
        Response joined = join(5);
        assertEquals(200, joined.status());
        JsonNode listing = joined.json();
        assertEquals("PUBLIC", listing.get("type").asText());
        assertEquals(false, listing.get("current_user_attributes").get("can_list_users").asBoolean());
        assertTrue(listing.get("current_user_attributes").get("last_read_id").isNull());
        assertEquals(osu.channel(5).lastMessageId(), listing.get("last_message_id").asLong());
        assertEquals(0, listing.get("users").size());

        Response show = get(osu, "/chat/channels/5", token);
        assertEquals(200, show.status());
        assertEquals(5, show.json().get("channel").get("channel_id").asLong());
        assertEquals(0, show.json().get("users").size());

        Response leave = send("DELETE", osu.apiUrl() + "/chat/channels/5/users/" + bot, token, null, null);
        assertEquals(204, leave.status());
        assertEquals("", leave.body());
        assertEquals(404, get(osu, "/chat/channels/5", token).status());
    }

    @Test
    void pagingWithLimitSinceAndUntil() {
        join(6);
        long author = osu.addUser("chatty");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            ids.add(osu.channel(6).postMessage(author, "m" + i, false));
            osu.channel(5).postMessage(author, "elsewhere " + i, false); // ids are global, so channel 6 is sparse
        }
        assertEquals(ids, osu.channel(6).messageIds());

        JsonNode newest = get(osu, "/chat/channels/6/messages", token).json();
        assertEquals(50, newest.size());
        assertEquals(ids.get(70), newest.get(0).get("message_id").asLong());
        assertEquals(ids.get(119), newest.get(49).get("message_id").asLong());
        assertEquals("chatty", newest.get(0).get("sender").get("username").asText());
        assertEquals(1, get(osu, "/chat/channels/6/messages?limit=0", token).json().size());
        assertEquals(50, get(osu, "/chat/channels/6/messages?limit=500", token).json().size());

        JsonNode since = get(osu, "/chat/channels/6/messages?limit=5&since=" + ids.get(10), token).json();
        assertEquals(List.of(ids.get(11), ids.get(12), ids.get(13), ids.get(14), ids.get(15)), idsOf(since));
        JsonNode until = get(osu, "/chat/channels/6/messages?limit=3&until=" + ids.get(10), token).json();
        assertEquals(List.of(ids.get(7), ids.get(8), ids.get(9)), idsOf(until));
        JsonNode both = get(osu, "/chat/channels/6/messages?limit=2&since=" + ids.get(0) + "&until=" + ids.get(1),
                token).json();
        assertEquals(List.of(ids.get(1), ids.get(2)), idsOf(both), "since wins over until");
        JsonNode object = get(osu, "/chat/channels/6/messages?limit=2&return_object=1", token).json();
        assertEquals(2, object.get("messages").size());
        assertEquals("chatty", object.get("users").get(0).get("username").asText());
        assertEquals(7, osu.messagesRequests(6));
        assertEquals(0, osu.messagesRequests(5));
    }

    @Test
    void filtersApplyAfterTheLimit() {
        join(5);
        long author = osu.addUser("oldtimer");
        OsuChannel channel = osu.channel(5);
        long old = channel.postBackdatedMessage(author, "two days ago", false,
                Instant.now().minus(Duration.ofHours(48)));
        channel.postBackdatedMessage(author, "still old", false, Instant.now().minus(Duration.ofHours(25)));
        long command = channel.postMessage(author, "!roll", false);
        long mine = channel.postMessage(bot, "!help", false);
        long fresh = channel.postMessage(author, "fresh", false);

        JsonNode page = get(osu, "/chat/channels/5/messages?limit=3&since=" + (old - 1), token).json();
        assertEquals(0, page.size(), "the 3 rows after since are two old ones and someone's command: all filtered");
        JsonNode next = get(osu, "/chat/channels/5/messages?since=" + command, token).json();
        assertEquals(List.of(mine, fresh), idsOf(next), "the bot's own command stays visible");
        assertEquals(fresh, osu.channel(5).lastMessageId());
    }

    @Test
    void sendingMessages() {
        assertEquals(403, json("POST", osu, "/chat/channels/5/messages", token, Map.of("message", "hi")).status());
        join(5);
        Response sent = json("POST", osu, "/chat/channels/5/messages", token,
                Map.of("message", "  hello\nworld \r\n", "is_action", "1", "uuid", "u-1"));
        assertEquals(200, sent.status(), sent.toString());
        JsonNode message = sent.json();
        assertEquals("hello world", message.get("content").asText());
        assertTrue(message.get("is_action").asBoolean());
        assertEquals("action", message.get("type").asText());
        assertEquals("u-1", message.get("uuid").asText());
        assertEquals(bot, message.get("sender").get("id").asLong());
        assertTrue(message.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));

        Response viaForm = form("POST", osu, "/chat/channels/5/messages", token, "message=form+text&is_action=false");
        assertEquals(200, viaForm.status());
        assertFalse(viaForm.json().has("uuid"));
        assertEquals("plain", viaForm.json().get("type").asText());
        Response viaQuery = send("POST", osu.apiUrl() + "/chat/channels/5/messages?message=query%20text&is_action=on",
                token, null, null);
        assertEquals(200, viaQuery.status());
        assertTrue(viaQuery.json().get("is_action").asBoolean());
        Response weirdBool = json("POST", osu, "/chat/channels/5/messages", token,
                Map.of("message", "lenient", "is_action", "maybe"));
        assertFalse(weirdBool.json().get("is_action").asBoolean());

        String limit = "é".repeat(450);
        assertEquals(200, json("POST", osu, "/chat/channels/5/messages", token, Map.of("message", limit)).status());
        Response tooLong = json("POST", osu, "/chat/channels/5/messages", token, Map.of("message", limit + "x"));
        assertEquals(422, tooLong.status());
        assertEquals("{\"error\":\"The message you are trying to send is too long.\"}", tooLong.body());
        Response blank = json("POST", osu, "/chat/channels/5/messages", token, Map.of("message", " \n "));
        assertEquals("{\"error\":\"Cannot send blank message.\"}", blank.body());
        assertEquals(422, json("POST", osu, "/chat/channels/5/messages", token, Map.of()).status());

        assertEquals(List.of("hello world", "form text", "query text", "lenient", limit),
                osu.channel(5).receivedMessages());
    }

    @Test
    void messageIdsComeFromOneGlobalCounter() {
        join(5);
        join(6);
        long a = json("POST", osu, "/chat/channels/5/messages", token, Map.of("message", "a")).json()
                .get("message_id").asLong();
        long b = osu.channel(6).postMessage(osu.addUser("x"), "b", false);
        long c = json("POST", osu, "/chat/channels/6/messages", token, Map.of("message", "c")).json()
                .get("message_id").asLong();
        assertTrue(a > 4_294_967_296L, "above 2^32: ids need a long");
        assertEquals(List.of(a + 1, a + 2), List.of(b, c));
    }

    @Test
    void privateMessagesCreateThePmChannel() {
        long target = osu.addUser("Friend");
        assertNull(osu.pmChannel(bot, target));
        Response pm = json("POST", osu, "/chat/new", token,
                Map.of("target_id", target, "message", "hi there", "is_action", false, "uuid", "pm-1"));
        assertEquals(200, pm.status(), pm.toString());
        OsuChannel channel = osu.pmChannel(bot, target);
        assertEquals("#pm_" + Math.min(bot, target) + "-" + Math.max(bot, target), channel.name());
        assertEquals("PM", channel.type());
        JsonNode body = pm.json();
        assertEquals(channel.id(), body.get("new_channel_id").asLong());
        assertEquals("Friend", body.get("channel").get("name").asText());
        assertEquals("PM", body.get("channel").get("type").asText());
        assertEquals(body.get("message").get("message_id").asLong(), body.get("channel").get("last_message_id")
                .asLong());
        assertEquals(List.of(Math.min(bot, target), Math.max(bot, target)),
                List.of(body.get("channel").get("users").get(0).asLong(),
                        body.get("channel").get("users").get(1).asLong()));
        assertEquals("pm-1", body.get("message").get("uuid").asText());
        assertEquals(List.of("hi there"), channel.receivedMessages());

        Response again = json("POST", osu, "/chat/new", token, Map.of("target_id", target, "message", "again"));
        assertEquals(channel.id(), again.json().get("new_channel_id").asLong(), "the same PM channel");
        JsonNode users = get(osu, "/chat/channels/" + channel.id(), token).json().get("users");
        assertEquals(2, users.size());
        assertTrue(users.toString().contains("\"username\":\"Friend\""), users.toString());

        assertEquals("{\"error\":\"missing target_id parameter\"}",
                json("POST", osu, "/chat/new", token, Map.of("message", "x")).body());
        assertEquals("{\"error\":\"target user not found\"}",
                json("POST", osu, "/chat/new", token, Map.of("target_id", 1, "message", "x")).body());
        assertEquals("{\"error\":\"can't send message to same user\"}",
                json("POST", osu, "/chat/new", token, Map.of("target_id", bot, "message", "x")).body());

        long viaJava = osu.sendPrivateMessage(target, bot, "reply", false);
        assertEquals(viaJava, channel.lastMessageId());
    }

    @Test
    void createChannelPmIsUnsavedUntilTheFirstMessage() {
        long target = osu.addUser("lurker");
        Response unsaved = json("POST", osu, "/chat/channels", token, Map.of("type", "PM", "target_id", target));
        assertEquals(200, unsaved.status());
        assertTrue(unsaved.json().get("channel_id").isNull());
        assertNull(osu.pmChannel(bot, target));
        assertEquals(422, json("POST", osu, "/chat/channels", token, Map.of("type", "NOPE")).status());
    }

    @Test
    void markAsReadNeverMovesBack() {
        join(5);
        long author = osu.addUser("reader");
        long first = osu.channel(5).postMessage(author, "one", false);
        long second = osu.channel(5).postMessage(author, "two", false);
        assertEquals(204, send("PUT", osu.apiUrl() + "/chat/channels/5/mark-as-read/" + second, token, null, null)
                .status());
        send("PUT", osu.apiUrl() + "/chat/channels/5/mark-as-read/" + first, token, null, null);
        assertEquals(second, get(osu, "/chat/channels/5", token).json().get("channel").get("last_read_id")
                .asLong());
    }

    @Test
    void chatSendLimitGives429WithoutRetryAfter() {
        join(5);
        osu.setChatSendLimits(2, Duration.ofMinutes(1), 2, Duration.ofMinutes(1));
        assertEquals(200, json("POST", osu, "/chat/channels/5/messages", token, Map.of("message", "1")).status());
        assertEquals(200, json("POST", osu, "/chat/channels/5/messages", token, Map.of("message", "2")).status());
        Response limited = json("POST", osu, "/chat/channels/5/messages", token, Map.of("message", "3"));
        assertEquals(429, limited.status());
        assertEquals("{\"error\":\"You are sending messages too quickly, please wait a bit before trying again.\"}",
                limited.body());
        assertTrue(limited.headers().firstValue("retry-after").isEmpty());
        long target = osu.addUser("pm_target");
        assertEquals(200, json("POST", osu, "/chat/new", token, Map.of("target_id", target, "message", "pm"))
                .status(), "PMs have their own bucket");
        assertEquals(1, osu.http429Count());
    }

    @Test
    void apiThrottleAndInjectedFailures() {
        osu.setApiRateLimit(3);
        Response first = get(osu, "/chat/channels", token);
        assertEquals("3", first.headers().firstValue("x-ratelimit-limit").orElseThrow());
        assertEquals("2", first.headers().firstValue("x-ratelimit-remaining").orElseThrow());
        get(osu, "/chat/channels", token);
        get(osu, "/chat/channels", token);
        Response throttled = get(osu, "/chat/channels", token);
        assertEquals(429, throttled.status());
        assertEquals("{\"error\":\"Too Many Attempts.\"}", throttled.body());
        assertEquals(200, get(osu, "/chat/channels", osu.issueAccessToken(bot)).status(), "per token");

        osu.setApiRateLimit(1200);
        osu.failNextRequests(2, 502);
        Response failed = get(osu, "/chat/channels", token);
        assertEquals(502, failed.status());
        assertEquals("{\"error\":null}", failed.body());
        assertEquals(502, get(osu, "/chat/channels", token).status());
        osu.rejectNextRequestsWith429(1);
        assertEquals(429, get(osu, "/chat/channels", token).status());
        assertEquals(200, get(osu, "/chat/channels", token).status());
        assertEquals(2, osu.http429Count());
        assertEquals(9, osu.restRequests());
    }

    @Test
    void ackReturnsSilencesAndIsCounted() {
        Response ack = json("POST", osu, "/chat/ack", token, Map.of("since", 1, "history_since", 2));
        assertEquals("{\"silences\":[]}", ack.body());
        assertEquals(1, osu.ackRequests());
    }

    @Test
    void badInputGetsClientErrorsAndTheServerCarriesOn() {
        join(5);
        String base = osu.apiUrl();
        List<Response> responses = List.of(
                send("GET", base + "/chat/channels/99999999999999999999999/messages", token, null, null),
                send("GET", base + "/chat/channels/-1/messages", token, null, null),
                send("GET", base + "/chat/channels/abc", token, null, null),
                get(osu, "/chat/channels/5/messages?limit=abc&since=x&until=-9223372036854775808", token),
                get(osu, "/chat/channels/5/messages?limit=99999999999999999999999", token),
                send("POST", base + "/chat/channels/5/messages", token, "application/json", "{not json"),
                send("POST", base + "/chat/channels/5/messages", token, "application/json", "[1,2]"),
                json("POST", osu, "/chat/channels/5/messages", token, Map.of("message", Map.of("a", 1))),
                json("POST", osu, "/chat/new", token, Map.of("target_id", "abc", "message", "x")),
                json("POST", osu, "/chat/new", token, Map.of("target_id", 1.5, "message", "x")),
                send("PUT", base + "/chat/channels/5/mark-as-read/notanumber", token, null, null),
                send("POST", osu.baseUrl() + "/oauth/token", null, "application/json", "[\"array\"]"),
                send("GET", osu.baseUrl() + "/oauth/authorize?client_id=&response_type=token", null, null, null));
        for (Response response : responses) {
            assertTrue(response.status() >= 200 && response.status() < 500, response.toString());
        }
        assertEquals(200, get(osu, "/chat/channels", token).status());
    }

    private static List<Long> idsOf(JsonNode messages) {
        List<Long> ids = new ArrayList<>();
        messages.forEach(m -> ids.add(m.get("message_id").asLong()));
        return ids;
    }
}
