package dev.chatconnect.emulator.mixer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.emulator.mixer.MixerChannel.SentMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.chatconnect.emulator.mixer.MixerTestSupport.anonymousSocket;
import static dev.chatconnect.emulator.mixer.MixerTestSupport.botSocket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hooks for testing a connector that sends: lost msg/whisper replies and the record of what was sent. */
class MixerSendHooksTest extends EmulatorWithClients {

    @Override
    protected long seed() {
        return 5;
    }

    private static boolean isReply(JsonNode frame, int id) {
        return "reply".equals(frame.path("type").asText()) && frame.path("id").isInt()
                && frame.path("id").asInt() == id;
    }

    @Test
    void swallowedRepliesStillDeliverTheMessage() {
        ChatTestClient sender = track(botSocket(emulator, 1001));
        ChatTestClient watcher = track(anonymousSocket(emulator, 1001));
        ChatTestClient elsewhere = track(botSocket(emulator, 1002));
        mixer.swallowNextReplies(1001, 2);

        int lost = sender.send("msg", "lost reply");
        JsonNode event = sender.awaitEvent("ChatMessage").get("data");
        assertEquals(event, watcher.awaitEvent("ChatMessage").get("data"));
        sender.assertNothing("reply " + lost, f -> isReply(f, lost));
        String uuid = event.get("id").asText();
        assertEquals(List.of(uuid), mixer.channel(1001).messageIds());
        assertEquals(List.of("lost reply"), mixer.channel(1001).receivedClientMessages());
        JsonNode history = watcher.call("history", 10).get("data");
        assertEquals(uuid, history.get(0).get("id").asText());

        int refused = sender.send("msg", "x".repeat(361));
        assertEquals(4004, sender.awaitReply(refused).get("error").get("code").asInt(),
                "a refused call is answered and does not use up a swallowed reply");
        assertTrue(elsewhere.call("msg", "other channel").get("error").isNull(), "other channels unaffected");

        int lostWhisper = sender.send("whisper", mixer.botUsername(), "psst");
        JsonNode whisper = sender.awaitEvent("ChatMessage").get("data");
        assertEquals("psst", whisper.get("message").get("message").get(0).get("text").asText());
        sender.assertNothing("reply " + lostWhisper, f -> isReply(f, lostWhisper));

        JsonNode answered = sender.call("msg", "answered again");
        assertTrue(answered.get("error").isNull());
        assertEquals(answered.get("data"), watcher.awaitEvent("ChatMessage").get("data"));
        assertEquals(List.of("lost reply", "psst", "answered again"), mixer.channel(1001).receivedClientMessages());
        assertEquals(3, mixer.channel(1001).sentMessages().size());
    }

    @Test
    void swallowingCanBeCancelled() {
        ChatTestClient sender = track(botSocket(emulator, 1001));
        mixer.swallowNextReplies(1001, 5);
        mixer.swallowNextReplies(1001, 0);
        assertTrue(sender.call("msg", "hello").get("error").isNull());
        assertThrows(IllegalArgumentException.class, () -> mixer.swallowNextReplies(1001, -1));
    }

    @Test
    void sentMessagesRecordMsgAndWhisperCallsInOrder() {
        ChatTestClient sender = track(botSocket(emulator, 1001));
        MixerChannel channel = mixer.channel(1001);
        String plainId = sender.call("msg", "hello @Covent").get("data").get("id").asText();
        channel.postMessage("Jolet", 11233131, "not sent by a client");
        JsonNode action = sender.call("msg", "/me waves").get("data");
        assertEquals("{\"me\":true}", action.get("message").get("meta").toString());
        assertEquals("waves", action.get("message").get("message").get(0).get("text").asText());
        String whisperId = sender.call("whisper", "Jolet", "psst").get("data").get("id").asText();
        sender.call("msg", " ");

        long bot = mixer.botUserId();
        String name = mixer.botUsername();
        List<SentMessage> sent = channel.sentMessages();
        assertEquals(List.of(
                new SentMessage(plainId, bot, name, "hello @Covent", null, false),
                new SentMessage(action.get("id").asText(), bot, name, "waves", null, true),
                new SentMessage(whisperId, bot, name, "psst", "Jolet", false)), sent);
        assertEquals(List.of("hello @Covent", "/me waves", "psst"), channel.receivedClientMessages());
        assertThrows(UnsupportedOperationException.class,
                () -> sent.add(new SentMessage("x", 1, "x", "x", null, false)));
        assertEquals(List.of(), mixer.channel(1002).sentMessages());
    }
}
