package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.chatconnect.emulator.mixer.MixerTestSupport.anonymousSocket;
import static dev.chatconnect.emulator.mixer.MixerTestSupport.authkey;
import static dev.chatconnect.emulator.mixer.MixerTestSupport.awaitCondition;
import static dev.chatconnect.emulator.mixer.MixerTestSupport.botSocket;
import static dev.chatconnect.emulator.mixer.MixerTestSupport.endpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chat socket protocol against the JDK WebSocket client. */
class MixerChatSocketTest extends EmulatorWithClients {

    @Override
    protected long seed() {
        return 11;
    }

    @Test
    void welcomeEventIsTheFirstFrame() {
        ChatTestClient client = track(ChatTestClient.connect(endpoint(emulator, 1)));
        JsonNode welcome = client.next();
        assertEquals("event", welcome.get("type").asText());
        assertEquals("WelcomeEvent", welcome.get("event").asText());
        assertTrue(welcome.get("data").get("server").asText().matches("[0-9a-f-]{36}"));
        assertTrue(mixer.socketUpgradeUris().get(0).endsWith("/mixer/chat/2?version=1.0&Client-ID=test-client"));
    }

    @Test
    void authWithKeyJoinsAndAnnouncesTheUser() {
        ChatTestClient watcher = track(anonymousSocket(emulator, 1001));
        ChatTestClient client = track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        JsonNode reply = client.call("auth", 1001, mixer.botUserId(), authkey(emulator, 1001));
        assertEquals("{\"type\":\"reply\",\"error\":null,\"id\":0,\"data\":{\"authenticated\":true,"
                + "\"roles\":[\"User\"]}}", reply.toString());
        JsonNode join = watcher.awaitEvent("UserJoin");
        assertEquals(mixer.botUsername(), join.get("data").get("username").asText());
        assertEquals(1001, join.get("data").get("originatingChannel").asLong());
        assertEquals(mixer.botUserId(), join.get("data").get("id").asLong());
        client.awaitEvent("UserJoin");
        assertEquals(2, mixer.connectedSockets(1001));
        assertEquals(2, mixer.authAttempts(1001)); // the watcher's anonymous auth and ours
    }

    @Test
    void anonymousAuthReadsButCannotChat() {
        ChatTestClient client = track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        assertEquals("{\"type\":\"reply\",\"error\":null,\"id\":0,\"data\":{\"authenticated\":false,\"roles\":[]}}",
                client.call("auth", 1001, null, null, null).toString());
        String id = mixer.channel(1001).postMessage("Jolet", 11233131, "LEFT 4 DEAD");
        assertEquals(id, client.awaitEvent("ChatMessage").get("data").get("id").asText());
        JsonNode refused = client.call("msg", "hi");
        assertEquals(4004, refused.get("error").get("code").asInt());
        assertEquals(List.of(), mixer.channel(1001).receivedClientMessages());
    }

    @Test
    void authAcceptsOneThreeOrFourArgumentsAndNumericStrings() {
        ChatTestClient one = track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        assertFalse(one.call("auth", 1001).get("data").get("authenticated").asBoolean());
        ChatTestClient three = track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        assertTrue(three.call("auth", 1002, mixer.botUserId(), authkey(emulator, 1002))
                .get("data").get("authenticated").asBoolean());
        ChatTestClient strings = track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        assertTrue(strings.call("auth", "1003", Long.toString(mixer.botUserId()), authkey(emulator, 1003), null)
                .get("data").get("authenticated").asBoolean());
        assertEquals(1, mixer.connectedSockets(1001));
        assertEquals(1, mixer.connectedSockets(1002));
        assertEquals(1, mixer.connectedSockets(1003));
        JsonNode badType = strings.call("auth", "not-a-number");
        assertEquals(4004, badType.get("error").get("code").asInt());
    }

    @Test
    void badKeysAnswerUnotfound() {
        ChatTestClient client = track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        assertEquals("{\"type\":\"reply\",\"error\":\"UNOTFOUND\",\"id\":0}",
                client.call("auth", 1001, mixer.botUserId(), "wrong-key").toString());
        String keyFor1002 = authkey(emulator, 1002);
        assertEquals("UNOTFOUND", client.call("auth", 1001, mixer.botUserId(), keyFor1002).get("error").asText());
        long channelOwner = 10_000_000 + 1002;
        assertEquals("UNOTFOUND", client.call("auth", 1002, channelOwner, keyFor1002).get("error").asText());
        assertEquals("UNOTFOUND", client.call("auth", 1001, mixer.botUserId()).get("error").asText());
        assertEquals("UNOTFOUND", client.call("auth", 9999).get("error").asText());
        assertEquals(0, mixer.connectedSockets(1001));
    }

    @Test
    void keysAreSingleUseByDefault() {
        String key = authkey(emulator, 1001);
        ChatTestClient first = track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        assertTrue(first.call("auth", 1001, mixer.botUserId(), key).get("data").get("authenticated").asBoolean());
        ChatTestClient second = track(ChatTestClient.connectWelcomed(endpoint(emulator, 1)));
        assertEquals("UNOTFOUND", second.call("auth", 1001, mixer.botUserId(), key).get("error").asText());
    }

    @Test
    void reusableKeysWorkUntilTheyExpire() {
        mixer.setAuthkeyPolicy(false, Duration.ofMinutes(5));
        String key = authkey(emulator, 1001);
        for (int i = 0; i < 3; i++) {
            ChatTestClient client = track(ChatTestClient.connectWelcomed(endpoint(emulator, i % 2)));
            assertTrue(client.call("auth", 1001, mixer.botUserId(), key).get("data").get("authenticated").asBoolean());
        }
        mixer.setAuthkeyPolicy(false, Duration.ZERO);
        ChatTestClient late = track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        assertEquals("UNOTFOUND", late.call("auth", 1001, mixer.botUserId(), key).get("error").asText());
    }

    @Test
    void injectedRejectionsAndDeniedChannels() {
        mixer.rejectNextAuths(1001, 1, "UNOTFOUND");
        ChatTestClient client = track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        assertEquals("UNOTFOUND", client.call("auth", 1001, mixer.botUserId(), authkey(emulator, 1001))
                .get("error").asText());
        assertTrue(client.call("auth", 1001, mixer.botUserId(), authkey(emulator, 1001))
                .get("data").get("authenticated").asBoolean());

        mixer.denyChannel(1002, true);
        assertEquals("UACCESS", client.call("auth", 1002, mixer.botUserId(), authkey(emulator, 1002))
                .get("error").asText());
        assertEquals("UACCESS", client.call("auth", 1002).get("error").asText());
        mixer.denyChannel(1002, false);
        assertFalse(client.call("auth", 1002).get("data").get("authenticated").asBoolean());
        assertEquals(3, mixer.authAttempts(1002));
    }

    @Test
    void msgReplyAndBroadcastShareTheMessage() {
        ChatTestClient sender = track(botSocket(emulator, 1001));
        ChatTestClient watcher = track(anonymousSocket(emulator, 1001));
        int id = sender.send("msg", "Hello world :) see https://mixer.com/mixer @Covent");
        JsonNode reply = sender.awaitReply(id);
        assertTrue(reply.get("error").isNull());
        JsonNode message = reply.get("data");
        String uuid = message.get("id").asText();
        assertEquals(1001, message.get("channel").asLong());
        assertEquals(mixer.botUserId(), message.get("user_id").asLong());
        assertEquals(mixer.botUsername(), message.get("user_name").asText());
        assertEquals("[\"User\"]", message.get("user_roles").toString());
        JsonNode parts = message.get("message").get("message");
        assertEquals(List.of("text", "emoticon", "text", "link", "text", "tag"), partTypes(parts));
        assertEquals(392874, parts.get(5).get("id").asLong());
        assertEquals("{}", message.get("message").get("meta").toString());

        assertEquals(message, sender.awaitEvent("ChatMessage").get("data"));
        assertEquals(message, watcher.awaitEvent("ChatMessage").get("data"));
        assertEquals(List.of(uuid), mixer.channel(1001).messageIds());
        assertEquals(List.of("Hello world :) see https://mixer.com/mixer @Covent"),
                mixer.channel(1001).receivedClientMessages());
    }

    @Test
    void meActionsSetMetaMe() {
        ChatTestClient sender = track(botSocket(emulator, 1001));
        JsonNode message = sender.call("msg", "/me waves").get("data");
        assertEquals("{\"me\":true}", message.get("message").get("meta").toString());
        assertEquals("waves", message.get("message").get("message").get(0).get("text").asText());
    }

    @Test
    void whispersReachOnlyTheTarget() {
        ChatTestClient sender = track(botSocket(emulator, 1001));
        ChatTestClient target = track(botSocket(emulator, 1001));
        ChatTestClient bystander = track(anonymousSocket(emulator, 1001));
        JsonNode reply = sender.call("whisper", mixer.botUsername(), "psst");
        JsonNode message = reply.get("data");
        assertEquals("{\"whisper\":true}", message.get("message").get("meta").toString());
        assertEquals(mixer.botUsername(), message.get("target").asText());
        assertEquals(message, target.awaitEvent("ChatMessage").get("data"));
        sender.call("whisper", "someoneElse", "not for the bot");
        bystander.assertNothing("whisper", f -> "ChatMessage".equals(f.path("event").asText()));
        assertEquals(List.of("psst", "not for the bot"), mixer.channel(1001).receivedClientMessages());
    }

    @Test
    void historyIsOldestFirstAndCappedAt100() {
        MixerChannel channel = mixer.channel(1001);
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            posted.add(channel.postMessage("Jolet", 11233131, "message " + i));
        }
        ChatTestClient client = track(anonymousSocket(emulator, 1001));
        JsonNode three = client.call("history", 3).get("data");
        assertEquals(posted.subList(117, 120), ids(three));
        JsonNode all = client.call("history", 500).get("data");
        assertEquals(posted.subList(20, 120), ids(all));
        assertEquals("message 20", all.get(0).get("message").get("message").get(0).get("text").asText());
        assertEquals(posted, channel.messageIds());
    }

    @Test
    void binaryFramesCarryingJsonAreAccepted() {
        ChatTestClient client = track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        client.sendBinary(ChatTestClient.methodPacket(-12345, "auth", 1001, mixer.botUserId(),
                authkey(emulator, 1001)).toString());
        JsonNode reply = client.await("auth reply", f -> "reply".equals(f.path("type").asText()));
        assertEquals(-12345, reply.get("id").asInt());
        assertTrue(reply.get("data").get("authenticated").asBoolean());
        assertFalse(client.receivedBinary());
    }

    @Test
    void idsAreEchoedUnchanged() {
        ChatTestClient client = track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        client.sendText("{\"arguments\":[],\"method\":\"ping\",\"id\":\"7\",\"type\":\"method\"}");
        assertEquals("{\"type\":\"reply\",\"error\":null,\"id\":\"7\"}", client.nextRaw());
        client.sendText(ChatTestClient.methodPacket(-2147483648L, "ping").toString());
        assertEquals("{\"type\":\"reply\",\"error\":null,\"id\":-2147483648}", client.nextRaw());
        client.sendText("{\"type\":\"method\",\"method\":\"ping\",\"arguments\":[],\"id\":12345678901234567890}");
        assertEquals("{\"type\":\"reply\",\"error\":null,\"id\":12345678901234567890}", client.nextRaw());
        client.sendText("{\"type\":\"method\",\"method\":\"ping\",\"arguments\":[]}");
        assertEquals("{\"type\":\"reply\",\"error\":null,\"id\":null}", client.nextRaw());
    }

    @Test
    void nonJsonIsAnsweredAndTheSocketStaysOpen() {
        ChatTestClient client = track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        client.sendText("this is not json");
        assertEquals("{\"type\":\"reply\",\"error\":\"UNOTJSON\",\"id\":null}", client.nextRaw());
        client.sendText("{\"type\":\"method\",");
        assertEquals("{\"type\":\"reply\",\"error\":\"UNOTJSON\",\"id\":null}", client.nextRaw());
        client.sendText("[1,2,3]");
        assertEquals(4004, client.next().get("error").get("code").asInt());
        client.sendText("{\"type\":\"method\",\"method\":\"msg\",\"arguments\":\"oops\",\"id\":3}");
        assertEquals(3, client.next().get("id").asInt());
        client.sendText("{\"type\":\"method\",\"method\":\"history\",\"arguments\":[{\"a\":1}],\"id\":4}");
        assertEquals(4004, client.next().get("error").get("code").asInt());
        assertTrue(client.call("ping").get("error").isNull());
        assertFalse(client.isClosed());
    }

    @Test
    void unknownMethodsGetAnObjectError() {
        ChatTestClient client = track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        JsonNode error = client.call("teleport", 1).get("error");
        assertEquals(4004, error.get("code").asInt());
        assertTrue(error.get("message").asText().contains("teleport"));
        assertEquals("", error.get("stacktrace").asText());
        assertEquals("{}", error.get("data").toString());
    }

    @Test
    void tooLongAndTooFastMessagesAreRefused() {
        ChatTestClient client = track(botSocket(emulator, 1001));
        JsonNode tooLong = client.call("msg", "x".repeat(361)).get("error");
        assertEquals(4004, tooLong.get("code").asInt());
        assertTrue(client.call("msg", "é".repeat(360)).get("error").isNull());

        mixer.setMessageRateLimit(2, Duration.ofMinutes(1));
        mixer.setRejectionTexts("Too long!", "Slow down!");
        assertTrue(client.call("msg", "one").get("error").isNull());
        assertTrue(client.call("msg", "two").get("error").isNull());
        JsonNode limited = client.call("msg", "three").get("error");
        assertEquals(4005, limited.get("code").asInt());
        assertEquals("Slow down!", limited.get("message").asText());
        assertEquals("Too long!", client.call("msg", "y".repeat(400)).get("error").get("message").asText());
        assertEquals(List.of("é".repeat(360), "one", "two"), mixer.channel(1001).receivedClientMessages());
    }

    @Test
    void optOutEventsWorksBeforeAuthAndPerConnection() {
        ChatTestClient optedOut = track(ChatTestClient.connectWelcomed(endpoint(emulator, 0)));
        assertEquals("{}", optedOut.call("optOutEvents", "UserJoin", "UserLeave").get("data").toString());
        optedOut.call("auth", 1001);
        ChatTestClient regular = track(anonymousSocket(emulator, 1001));
        mixer.channel(1001).emitUserJoin("Jolet", 11233131);
        String id = mixer.channel(1001).postMessage("Jolet", 11233131, "after the join");
        regular.awaitEvent("UserJoin");
        JsonNode next = optedOut.await("anything", f -> true);
        assertEquals("ChatMessage", next.get("event").asText());
        assertEquals(id, next.get("data").get("id").asText());
    }

    @Test
    void moderationMethodsReplyLikeMixer() {
        ChatTestClient client = track(botSocket(emulator, 1001));
        String messageId = mixer.channel(1001).postMessage("Jolet", 11233131, "bad words");
        client.awaitEvent("ChatMessage");

        assertEquals("true", client.call("vote:choose", 0).get("data").toString());
        assertEquals("Poll started.", client.call("vote:start", "Turkey or Ham?", List.of("Turkey", "Ham"), 30)
                .get("data").asText());
        JsonNode poll = client.awaitEvent("PollStart").get("data");
        assertEquals("Turkey or Ham?", poll.get("q").asText());
        assertEquals("{\"Turkey\":0,\"Ham\":0}", poll.get("responses").toString());

        assertEquals("Jolet has been timed out for 30s.", client.call("timeout", "Jolet", "30s").get("data").asText());
        JsonNode purge = client.awaitEvent("PurgeMessage").get("data");
        assertEquals("{\"type\":\"timeout\",\"durationString\":\"30s\"}", purge.get("cause").toString());

        JsonNode purgeReply = client.call("purge", "Jolet");
        assertEquals("{\"type\":\"reply\",\"error\":null,\"id\":" + purgeReply.get("id") + "}", purgeReply.toString());
        assertEquals(4001, client.call("purge", "NoSuchUser").get("error").get("code").asInt());

        assertEquals("Message deleted.", client.call("deleteMessage", messageId).get("data").asText());
        assertEquals(messageId, client.awaitEvent("DeleteMessage").get("data").get("id").asText());
        assertEquals(4003, client.call("deleteMessage", "8e07a0b0-3a2e-11e6-a9ef-0b7037d1fbdd")
                .get("error").get("code").asInt());

        assertEquals("Messages cleared.", client.call("clearMessages").get("data").asText());
        assertEquals(mixer.botUsername(),
                client.awaitEvent("ClearMessages").get("data").get("clearer").get("user_name").asText());
        assertEquals("Starting a giveaway", client.call("giveaway:start").get("data").asText());
        assertEquals("HypeBot", client.awaitEvent("ChatMessage").get("data").get("user_name").asText());
        assertEquals("Skill execution cancelled.",
                client.call("cancelSkill", "8e07a0b0-3a2e-11e6-a9ef-0b7037d1fbdd").get("data").asText());
        assertFalse(client.call("ping").has("data"));
    }

    @Test
    void clientOfferingPermessageDeflateGetsAPlainSocket() throws Exception {
        try (Socket raw = new Socket("127.0.0.1", emulator.port())) {
            raw.setSoTimeout(5000);
            OutputStream out = raw.getOutputStream();
            out.write(("GET /mixer/chat/1?version=1.0&Client-ID=abc HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + emulator.port() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(raw.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            assertEquals("HTTP/1.1 101 Switching Protocols", in.readLine());
            List<String> headers = new ArrayList<>();
            for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                headers.add(line.toLowerCase(java.util.Locale.ROOT));
            }
            assertTrue(headers.contains("sec-websocket-accept: s3pplmbitxaq9kygzzhzrbk+xoo="), headers.toString());
            assertTrue(headers.stream().noneMatch(h -> h.startsWith("sec-websocket-extensions")), headers.toString());
            int opcode = in.read();
            assertEquals(0x81, opcode, "first frame: final, uncompressed text (RSV1 clear)");
        }
        awaitCondition("the raw socket is gone", () -> mixer.totalSockets() == 0);
    }

    private static List<String> ids(JsonNode messages) {
        List<String> ids = new ArrayList<>();
        messages.forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    private static List<String> partTypes(JsonNode parts) {
        List<String> types = new ArrayList<>();
        parts.forEach(p -> types.add(p.get("type").asText()));
        return types;
    }
}
