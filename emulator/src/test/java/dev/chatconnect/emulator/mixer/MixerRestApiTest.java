package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.chatconnect.emulator.mixer.MixerTestSupport.get;
import static dev.chatconnect.emulator.mixer.MixerTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixerRestApiTest {

    private ChatEmulator emulator;
    private MixerEmulator mixer;

    @BeforeEach
    void start() {
        emulator = ChatEmulator.start(EmulatorOptions.builder().seed(7).build());
        mixer = emulator.mixer();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void currentUserNeedsTheBotToken() {
        HttpResponse<String> anonymous = get(mixer.apiUrl() + "/users/current", null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("Unauthorized", json(anonymous).get("error").asText());
        assertTrue(json(anonymous).get("message").isTextual());
        assertEquals(401, get(mixer.apiUrl() + "/users/current", "wrong-token").statusCode());

        HttpResponse<String> response = get(mixer.apiUrl() + "/users/current", mixer.oauthToken());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonNode user = json(response);
        assertEquals(mixer.botUserId(), user.get("id").asLong());
        assertEquals(mixer.botUsername(), user.get("username").asText());
        assertEquals(mixer.botChannelId(), user.get("channel").get("id").asLong());
        assertNotEquals(user.get("id").asLong(), user.get("channel").get("id").asLong());
    }

    @Test
    void channelLookupByIdOrNameHonoursFields() {
        assertEquals("{\"id\":1002}", get(mixer.apiUrl() + "/channels/channel1002?fields=id", null).body());
        assertEquals("{\"id\":1002}", get(mixer.apiUrl() + "/channels/1002?fields=id", null).body());
        JsonNode full = json(get(mixer.apiUrl() + "/channels/CHANNEL1003", null));
        assertEquals(1003, full.get("id").asLong());
        assertEquals("channel1003", full.get("token").asText());
        assertTrue(full.has("userId") && full.has("online") && full.has("user"));
        assertEquals(404, get(mixer.apiUrl() + "/channels/nobody", null).statusCode());
    }

    @Test
    void chatsGivesAnAuthkeyOnlyToTheBot() {
        JsonNode chat = json(get(mixer.apiUrl() + "/chats/1001", mixer.oauthToken()));
        assertEquals(List.of("roles", "authkey", "permissions", "endpoints", "isLoadShed"), fieldNames(chat));
        assertTrue(chat.get("authkey").asText().matches("[A-Za-z0-9]{16}"));
        assertEquals("[\"chat\",\"connect\",\"poll_vote\",\"whisper\"]", chat.get("permissions").toString());
        assertEquals("[\"ws://127.0.0.1:" + emulator.port() + "/mixer/chat/1\",\"ws://127.0.0.1:" + emulator.port()
                + "/mixer/chat/2\"]", chat.get("endpoints").toString());
        assertFalse(chat.get("isLoadShed").asBoolean());

        JsonNode anonymous = json(get(mixer.apiUrl() + "/chats/1001", null));
        assertFalse(anonymous.has("authkey"));
        assertTrue(anonymous.has("endpoints") && anonymous.has("permissions") && anonymous.has("roles"));

        assertEquals(404, get(mixer.apiUrl() + "/chats/4242", mixer.oauthToken()).statusCode());
        assertEquals(401, get(mixer.apiUrl() + "/chats/1001", "stale-token").statusCode());
    }

    @Test
    void chatsRequestsAreCountedWithTheirHeaders() {
        get(mixer.apiUrl() + "/chats/1001", mixer.oauthToken());
        get(mixer.apiUrl() + "/chats/1001", null);
        get(mixer.apiUrl() + "/chats/1002", null);
        assertEquals(2, mixer.chatsRequests(1001));
        assertEquals(1, mixer.chatsRequests(1002));
        assertEquals(0, mixer.chatsRequests(1003));
        List<Map<String, String>> headers = mixer.chatsRequestHeaders();
        assertEquals(3, headers.size());
        assertEquals("test-client", headers.get(0).get("client-id"));
        assertEquals("chatconnect-tests/1.0", headers.get(0).get("user-agent"));
        assertEquals("Bearer " + mixer.oauthToken(), headers.get(0).get("authorization"));
        assertFalse(headers.get(1).containsKey("authorization"));
    }

    @Test
    void injectedChatsFailuresComeFirstThenRecover() {
        mixer.failNextChatsRequests(2, 503);
        assertEquals(503, get(mixer.apiUrl() + "/chats/1001", mixer.oauthToken()).statusCode());
        assertEquals(503, get(mixer.apiUrl() + "/chats/1001", mixer.oauthToken()).statusCode());
        assertEquals(200, get(mixer.apiUrl() + "/chats/1001", mixer.oauthToken()).statusCode());
        mixer.failNextChatsRequests(1, 500);
        HttpResponse<String> failed = get(mixer.apiUrl() + "/chats/1001", mixer.oauthToken());
        assertEquals(500, failed.statusCode());
        assertEquals("Internal Server Error", json(failed).get("error").asText());
        assertEquals(4, mixer.chatsRequests(1001));
    }

    @Test
    void chatsBucketAnswers429WhenExhausted() {
        mixer.setChatsRateLimit(3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get(mixer.apiUrl() + "/chats/1001", mixer.oauthToken()).statusCode());
        }
        HttpResponse<String> limited = get(mixer.apiUrl() + "/chats/1002", mixer.oauthToken());
        assertEquals(429, limited.statusCode());
        assertEquals("Too Many Requests", json(limited).get("error").asText());
        assertTrue(limited.headers().firstValue("retry-after").isPresent());
    }

    @Test
    void unknownPathsAndMethodsAreRefused() {
        assertEquals(404, get(mixer.apiUrl() + "/nothing/here", null).statusCode());
        assertEquals(404, get("http://127.0.0.1:" + emulator.port() + "/", null).statusCode());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
