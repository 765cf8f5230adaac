package dev.chatconnect.connector.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatconnect.connector.schema.ChatEventSchema;
import dev.chatconnect.connector.schema.EventType;
import dev.chatconnect.schema.ChatEvent;
import dev.chatconnect.schema.ChatUser;
import dev.chatconnect.schema.Emoticon;
import dev.chatconnect.schema.MessagePart;
import dev.chatconnect.schema.Moderation;
import dev.chatconnect.schema.Poll;
import io.apicurio.registry.utils.converter.avro.AvroData;
import io.apicurio.registry.utils.converter.avro.AvroDataConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every event type the connector emits, produced by the connector's real mappers from realistic platform frames,
 * converted Connect -> Avro by Apicurio's {@link AvroData} (what its AvroConverter does inside the worker), written as
 * Avro binary and read back by a consumer through the GENERATED classes ({@code dev.chatconnect.schema.ChatEvent}),
 * with Avro schema resolution from the converter's writer schema to the contract. Each case checks the decoded
 * fields against what the frame said, and then every field against the connector's Struct.
 */
class ChatEventAvroRoundTripTest {
    private static final long RECEIVED = 1_700_000_000_123L;
    private static final String MIXER_CHANNEL = "276399";

    private final AvroData avroData = new AvroData(new AvroDataConfig(Map.of()));
    private final Schema writer = avroData.fromConnectSchema(ChatEventSchema.EVENT);
    private final RealMappers.Mixer mixer = new RealMappers.Mixer(MIXER_CHANNEL);
    private final RealMappers.Osu osu = new RealMappers.Osu();

    /** One record the connector emits and what a consumer must find in it. */
    private record Case(String name, Struct source, Consumer<ChatEvent> expect) {
    }

    @TestFactory
    Stream<DynamicTest> everyEventTypeReadsBackThroughTheGeneratedClasses() {
        List<Case> cases = cases();
        Set<EventType> covered = EnumSet.noneOf(EventType.class);
        cases.forEach(c -> covered.add(EventType.valueOf(c.source().getString("event_type").toUpperCase(java.util.Locale.ROOT))));
        DynamicTest coverage = DynamicTest.dynamicTest("every EventType is covered", () ->
                assertEquals(EnumSet.allOf(EventType.class), covered, "add a case for each new EventType"));
        return Stream.concat(Stream.of(coverage), cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            ChatEvent event = roundTrip(c.source());
            c.expect().accept(event);
            AvroContract.assertSameFields(c.source(), event, "ChatEvent");
        })));
    }

    @Test
    void theConvertersWriterSchemaIsTheContractBothWays() {
        Schema contract = ChatEvent.getClassSchema();
        assertEquals(contract.getFullName(), writer.getFullName());
        assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(contract, writer).getType(),
                "consumers with the generated classes read what the converter writes");
        assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(writer, contract).getType(),
                "the converter's schema reads data written with the contract");
        for (String nested : List.of("ChatUser", "MessagePart", "Emoticon", "MessageFlags", "Moderation", "Poll")) {
            assertTrue(writer.toString().contains("\"name\":\"" + nested + "\""), nested + " keeps its record name");
        }
    }

    private ChatEvent roundTrip(Struct struct) {
        Object avro = avroData.fromConnectData(ChatEventSchema.EVENT, struct);
        assertEquals(writer, ((GenericRecord) avro).getSchema(), "the record carries the converter's schema");
        byte[] bytes = AvroContract.encodeGeneric(writer, avro);
        return AvroContract.decode(ChatEvent.class, ChatEvent.getClassSchema(), writer, bytes, 0);
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        mixerCases(cases);
        osuCases(cases);
        return cases;
    }

    private void mixerCases(List<Case> cases) {
        String message = "{\"type\":\"event\",\"event\":\"ChatMessage\",\"data\":{\"channel\":276399,\"id\":\"6f2f6320-204c-11e8-baf8-d9aeec495d9c\",\"user_name\":\"Jolet\",\"user_id\":11233131,\"user_roles\":[\"User\"],\"user_level\":25,\"user_avatar\":null,\"message\":{\"message\":[{\"type\":\"text\",\"data\":\"LEFT 4 DEAD\",\"text\":\"LEFT 4 DEAD\"}],\"meta\":{}}}}";
        cases.add(new Case("mixer message (2018 capture)", mixer.event(message, RECEIVED), e -> {
            assertMixer(e, "message", message);
            assertEquals("6f2f6320-204c-11e8-baf8-d9aeec495d9c", e.getEventId());
            assertUser(e.getUser(), "11233131", "Jolet", List.of("User"), 25);
            assertEquals("LEFT 4 DEAD", e.getText());
            assertEquals(1, e.getParts().size());
            assertPart(e.getParts().get(0), "text", "LEFT 4 DEAD");
            assertFlags(e, false, false, false);
            assertNull(e.getPlatformTimestamp(), "Mixer sends no timestamp");
            assertNull(e.getWhisperTarget());
            assertNull(e.getModeration());
            assertNull(e.getPoll());
        }));

        String rich = "{\"type\":\"event\",\"event\":\"ChatMessage\",\"data\":{\"channel\":276399,\"id\":\"8d0b6a20-204c-11e8-a61a-01910cbf97a1\",\"user_name\":\"Jolet\",\"user_id\":11233131,\"user_roles\":[\"Mod\",\"User\"],\"user_level\":25,\"message\":{\"message\":[{\"type\":\"emoticon\",\"source\":\"builtin\",\"pack\":\"default\",\"coords\":{\"x\":24,\"y\":48,\"width\":24,\"height\":24},\"alt\":{\"en\":\"❤\"},\"text\":\"<3\"},{\"type\":\"text\",\"data\":\" see \",\"text\":\" see \"},{\"type\":\"link\",\"url\":\"https://mixer.com/pro\",\"text\":\"mixer.com/pro\"},{\"type\":\"text\",\"data\":\" \",\"text\":\" \"},{\"type\":\"tag\",\"username\":\"HypeBot\",\"text\":\"@HypeBot\",\"id\":696},{\"type\":\"sparkle\",\"text\":\"*\",\"power\":9}],\"meta\":{\"me\":true,\"censored\":true}}}}";
        cases.add(new Case("mixer message with emoticon, link, tag, unknown part, /me, censored", mixer.event(rich, RECEIVED), e -> {
            assertMixer(e, "message", rich);
            assertEquals("<3 see mixer.com/pro @HypeBot*", e.getText());
            assertEquals(List.of("emoticon", "text", "link", "text", "tag", "sparkle"), e.getParts().stream().map(MessagePart::getType).toList());
            Emoticon emoticon = e.getParts().get(0).getEmoticon();
            assertEquals("builtin", emoticon.getSource());
            assertEquals("default", emoticon.getPack());
            assertEquals(List.of(24, 48, 24, 24), List.of(emoticon.getX(), emoticon.getY(), emoticon.getWidth(), emoticon.getHeight()));
            assertEquals(Map.of("en", "❤"), emoticon.getAlt());
            assertEquals("https://mixer.com/pro", e.getParts().get(2).getUrl());
            assertEquals("HypeBot", e.getParts().get(4).getUsername());
            assertEquals("696", e.getParts().get(4).getUserId());
            assertEquals("@HypeBot", e.getParts().get(4).getText());
            assertTrue(e.getParts().get(5).getRaw().contains("\"power\":9"), "unknown part kept raw");
            assertNull(e.getParts().get(0).getRaw());
            assertFlags(e, true, false, true);
            assertUser(e.getUser(), "11233131", "Jolet", List.of("Mod", "User"), 25);
        }));

        String whisper = "{\"type\":\"event\",\"event\":\"ChatMessage\",\"data\":{\"channel\":276399,\"id\":\"eaf6e9b0-2da0-11e8-b1b2-8d3ec3a2b8f5\",\"user_name\":\"username\",\"user_id\":12345,\"user_roles\":[\"User\"],\"message\":{\"message\":[{\"type\":\"text\",\"data\":\"hi\",\"text\":\"hi\"}],\"meta\":{\"whisper\":true}},\"target\":\"recipient username\"}}";
        cases.add(new Case("mixer whisper", mixer.event(whisper, RECEIVED), e -> {
            assertMixer(e, "message", whisper);
            assertFlags(e, false, true, false);
            assertEquals("recipient username", e.getWhisperTarget());
            assertUser(e.getUser(), "12345", "username", List.of("User"), null);
            assertEquals("hi", e.getText());
        }));

        String history = "{\"channel\":276399,\"id\":\"70188aa0-204c-11e8-a61a-01910cbf97a1\",\"user_name\":\"HypeBot\",\"user_roles\":[\"Mod\",\"User\"],\"user_id\":696,\"message\":{\"message\":[{\"data\":\"\",\"text\":\"\",\"type\":\"text\"},{\"type\":\"tag\",\"username\":\"DJBluePDX\",\"text\":\"@DJBluePDX\",\"id\":300889},{\"data\":\" is now hosting you!\",\"text\":\" is now hosting you!\",\"type\":\"text\"}],\"meta\":{}}}";
        cases.add(new Case("mixer history message (HypeBot capture)", mixer.history(history, RECEIVED), e -> {
            assertMixer(e, "message", "{\"type\":\"event\",\"event\":\"ChatMessage\",\"data\":" + history + "}");
            assertEquals("70188aa0-204c-11e8-a61a-01910cbf97a1", e.getEventId());
            assertEquals("@DJBluePDX is now hosting you!", e.getText());
            assertUser(e.getUser(), "696", "HypeBot", List.of("Mod", "User"), null);
            assertEquals("300889", e.getParts().get(1).getUserId());
        }));

        String join = "{\"type\":\"event\",\"event\":\"UserJoin\",\"data\":{\"originatingChannel\":276399,\"username\":\"EmperorPewn\",\"roles\":[\"Pro\",\"User\",\"Partner\"],\"id\":2412558}}";
        cases.add(new Case("mixer user join", mixer.event(join, RECEIVED), e -> {
            assertMixer(e, "user_join", join);
            assertUser(e.getUser(), "2412558", "EmperorPewn", List.of("Pro", "User", "Partner"), null);
            assertNoMessage(e);
        }));

        String leave = "{\"type\":\"event\",\"event\":\"UserLeave\",\"data\":{\"originatingChannel\":276399,\"username\":\"EmperorPewn\",\"roles\":[\"Pro\",\"User\"],\"id\":2412558}}";
        cases.add(new Case("mixer user leave", mixer.event(leave, RECEIVED), e -> {
            assertMixer(e, "user_leave", leave);
            assertUser(e.getUser(), "2412558", "EmperorPewn", List.of("Pro", "User"), null);
            assertNoMessage(e);
        }));

        String delete = "{\"type\":\"event\",\"event\":\"DeleteMessage\",\"data\":{\"moderator\":{\"user_name\":\"M\",\"user_id\":1,\"user_roles\":[\"Mod\"],\"user_level\":7},\"id\":\"b6661250-3a31-11e6-830a-a1d867c5621f\"}}";
        cases.add(new Case("mixer message deleted", mixer.event(delete, RECEIVED), e -> {
            assertMixer(e, "message_deleted", delete);
            Moderation moderation = e.getModeration();
            assertEquals("b6661250-3a31-11e6-830a-a1d867c5621f", moderation.getDeletedMessageId());
            assertUser(moderation.getModerator(), "1", "M", List.of("Mod"), 7);
            assertNull(moderation.getPurgedUserId());
            assertNull(moderation.getDurationMs());
            assertNull(e.getUser());
        }));

        String purge = "{\"type\":\"event\",\"event\":\"PurgeMessage\",\"data\":{\"moderator\":{\"user_name\":\"USERNAME\",\"user_id\":12345,\"user_roles\":[\"Mod\",\"User\"],\"user_level\":12},\"user_id\":999,\"cause\":{\"type\":\"timeout\",\"durationString\":\"5m\"}}}";
        cases.add(new Case("mixer user purged", mixer.event(purge, RECEIVED), e -> {
            assertMixer(e, "user_purged", purge);
            Moderation moderation = e.getModeration();
            assertEquals("999", moderation.getPurgedUserId());
            assertEquals("timeout", moderation.getCause());
            assertEquals("5m", moderation.getCauseDuration());
            assertUser(moderation.getModerator(), "12345", "USERNAME", List.of("Mod", "User"), 12);
        }));

        String clear = "{\"type\":\"event\",\"event\":\"ClearMessages\",\"data\":{\"clearer\":{\"user_name\":\"Streamer\",\"user_id\":1234,\"user_roles\":[\"Owner\",\"User\"],\"user_level\":80}}}";
        cases.add(new Case("mixer messages cleared", mixer.event(clear, RECEIVED), e -> {
            assertMixer(e, "messages_cleared", clear);
            assertUser(e.getModeration().getModerator(), "1234", "Streamer", List.of("Owner", "User"), 80);
            assertNull(e.getModeration().getDeletedMessageId());
        }));

        String pollStart = "{\"type\":\"event\",\"event\":\"PollStart\",\"data\":{\"originatingChannel\":1,\"q\":\"How's the weather?\",\"answers\":[\"Good.\",\"Bad.\"],\"author\":{\"user_name\":\"USERNAME\",\"user_id\":12345,\"user_roles\":[\"Mod\"]},\"duration\":29996,\"endsAt\":1465533783407,\"voters\":0,\"responses\":{\"Good.\":0,\"Bad.\":0}}}";
        cases.add(new Case("mixer poll start", mixer.event(pollStart, RECEIVED), e -> {
            assertMixer(e, "poll_start", pollStart);
            Poll poll = e.getPoll();
            assertEquals("How's the weather?", poll.getQuestion());
            assertEquals(List.of("Good.", "Bad."), poll.getAnswers());
            assertEquals(Map.of("Good.", 0L, "Bad.", 0L), poll.getResponses());
            assertEquals(0L, poll.getVoters());
            assertEquals(29996L, poll.getDurationMs());
            assertEquals(Instant.ofEpochMilli(1465533783407L), poll.getEndsAt());
            assertUser(e.getUser(), "12345", "USERNAME", List.of("Mod"), null);
        }));

        String pollEnd = "{\"type\":\"event\",\"event\":\"PollEnd\",\"data\":{\"originatingChannel\":276399,\"q\":\"Best map?\",\"answers\":[\"Yes\",\"No\",\"Maybe\"],\"author\":{\"user_name\":\"Streamer\",\"user_id\":1234,\"user_roles\":[\"Owner\",\"User\"]},\"duration\":0,\"endsAt\":1520000000000,\"voters\":9,\"responses\":{\"Yes\":5,\"No\":3,\"Maybe\":1},\"responsesByIndex\":[5,3,1]}}";
        cases.add(new Case("mixer poll end", mixer.event(pollEnd, RECEIVED), e -> {
            assertMixer(e, "poll_end", pollEnd);
            Poll poll = e.getPoll();
            assertEquals(List.of("Yes", "No", "Maybe"), poll.getAnswers());
            assertEquals(Map.of("Yes", 5L, "No", 3L, "Maybe", 1L), poll.getResponses());
            assertEquals(9L, poll.getVoters());
            assertEquals(0L, poll.getDurationMs());
            assertEquals(Instant.ofEpochMilli(1520000000000L), poll.getEndsAt());
        }));

        String update = "{\"type\":\"event\",\"event\":\"UserUpdate\",\"data\":{\"user\":102534,\"roles\":[\"Subscriber\",\"User\"]}}";
        cases.add(new Case("mixer user update", mixer.event(update, RECEIVED), e -> {
            assertMixer(e, "user_update", update);
            assertUser(e.getUser(), "102534", null, List.of("Subscriber", "User"), null);
        }));

        String timeout = "{\"type\":\"event\",\"event\":\"UserTimeout\",\"data\":{\"user\":{\"user_name\":\"username\",\"user_id\":102534,\"user_roles\":[\"Pro\",\"User\"]},\"duration\":59998}}";
        cases.add(new Case("mixer user timeout", mixer.event(timeout, RECEIVED), e -> {
            assertMixer(e, "user_timeout", timeout);
            assertUser(e.getUser(), "102534", "username", List.of("Pro", "User"), null);
            assertEquals(59998L, e.getModeration().getDurationMs());
            assertNull(e.getModeration().getModerator());
        }));

        String skill = "{\"type\":\"event\",\"event\":\"SkillAttribution\",\"data\":{\"id\":\"c8d2a1a0-4f3e-11e9-9f6b-3b7f8ac2d0a1\",\"skill\":{\"skill_id\":\"2e4b5e8a-0c67-4d8e-a8f0-4d3f0f1c9b11\",\"skill_name\":\"Air Horn\",\"execution_id\":\"7d4bd3e0-4f3e-11e9-b1b2-8d3ec3a2b8f5\",\"icon_url\":\"https://mixer.com/_latest/assets/skills/air-horn.png\",\"cost\":300,\"currency\":\"Sparks\"},\"user_name\":\"Jolet\",\"user_id\":11233131,\"user_roles\":[\"User\"],\"user_level\":25,\"user_avatar\":\"https://uploads.mixer.com/avatar/11233131.jpg\",\"message\":{\"message\":[{\"type\":\"image\",\"url\":\"https://mixer.com/_latest/assets/skills/air-horn.png\",\"text\":\"Air Horn\"},{\"type\":\"text\",\"data\":\" woo\",\"text\":\" woo\"}],\"meta\":{}}}}";
        cases.add(new Case("mixer skill attribution", mixer.event(skill, RECEIVED), e -> {
            assertMixer(e, "skill_attribution", skill);
            assertEquals("c8d2a1a0-4f3e-11e9-9f6b-3b7f8ac2d0a1", e.getEventId());
            assertEquals("Air Horn woo", e.getText());
            assertEquals("image", e.getParts().get(0).getType());
            assertEquals("https://mixer.com/_latest/assets/skills/air-horn.png", e.getParts().get(0).getUrl());
            assertUser(e.getUser(), "11233131", "Jolet", List.of("User"), 25);
        }));

        String skillDeleted = "{\"type\":\"event\",\"event\":\"DeleteSkillAttribution\",\"data\":{\"moderator\":{\"user_name\":\"Streamer\",\"user_id\":1234,\"user_roles\":[\"Owner\",\"User\"],\"user_level\":80},\"execution_id\":\"7d4bd3e0-4f3e-11e9-b1b2-8d3ec3a2b8f5\"}}";
        cases.add(new Case("mixer skill attribution deleted", mixer.event(skillDeleted, RECEIVED), e -> {
            assertMixer(e, "skill_attribution_deleted", skillDeleted);
            assertEquals("7d4bd3e0-4f3e-11e9-b1b2-8d3ec3a2b8f5", e.getEventId());
            assertUser(e.getModeration().getModerator(), "1234", "Streamer", List.of("Owner", "User"), 80);
        }));

        String stats = "{\"type\":\"event\",\"event\":\"Stats\",\"data\":{\"viewers\":3}}";
        cases.add(new Case("mixer unknown event", mixer.event(stats, RECEIVED), e -> {
            assertMixer(e, "unknown", stats);
            assertNull(e.getUser());
            assertNoMessage(e);
        }));

        String notAnEvent = "{\"type\":\"notice\",\"text\":\"maintenance in 5 minutes\"}";
        cases.add(new Case("mixer packet that is neither event nor reply", mixer.unknown(notAnEvent, RECEIVED), e -> {
            assertMixer(e, "unknown", notAnEvent);
            assertNoMessage(e);
        }));

        String garbage = "{\"type\":\"event\",\"event\":\"ChatMessage\",\"data\":{\"unterminated";
        cases.add(new Case("mixer malformed frame", mixer.malformed(garbage, RECEIVED), e -> {
            assertMixer(e, "malformed", garbage);
            assertNull(e.getEventId());
            assertNoMessage(e);
        }));
    }

    private void osuCases(List<Case> cases) {
        Object osuChannel = osu.channel(5, "#osu", "PUBLIC");
        String sender = "{\"avatar_url\":\"https://a.ppy.sh/2?1.jpeg\",\"country_code\":\"AU\",\"default_group\":\"default\",\"id\":2,\"is_active\":true,\"is_bot\":false,\"is_deleted\":false,\"is_online\":true,\"is_supporter\":true,\"last_visit\":\"2024-01-20T09:58:00+00:00\",\"pm_friends_only\":false,\"profile_colour\":\"#3366FF\",\"username\":\"peppy\"}";
        String message = "{\"channel_id\":5,\"content\":\"hello from osu!\",\"is_action\":false,\"message_id\":9150005004,\"sender_id\":2,\"timestamp\":\"2024-01-20T10:00:00Z\",\"type\":\"plain\"}";
        String frame = "{\"event\":\"chat.message.new\",\"data\":{\"messages\":[" + message + "],\"users\":[" + sender + "],\"socket\":null},\"socket\":null}";
        cases.add(new Case("osu! channel message", osu.message(osuChannel, message, sender, frame, RECEIVED), e -> {
            assertOsu(e, "5", "#osu", "PUBLIC", "message", frame);
            assertEquals("9150005004", e.getEventId());
            assertEquals(Instant.parse("2024-01-20T10:00:00Z"), e.getPlatformTimestamp());
            assertUser(e.getUser(), "2", "peppy", List.of("default"), null);
            assertEquals("hello from osu!", e.getText());
            assertEquals(1, e.getParts().size());
            assertPart(e.getParts().get(0), "text", "hello from osu!");
            assertFlags(e, false, false, false);
        }));

        Object pm = osu.channel(4711, "peppy", "PM");
        String action = "{\"channel_id\":4711,\"content\":\"waves\",\"is_action\":true,\"message_id\":9150005010,\"sender_id\":3,\"timestamp\":\"2024-01-20T10:01:02Z\",\"type\":\"action\",\"uuid\":\"4f1c7d0e-9a43-4b5a-8a6e-2c1d2b0e9f10\"}";
        cases.add(new Case("osu! private action without sender details", osu.message(pm, action, null, action, RECEIVED), e -> {
            assertOsu(e, "4711", "peppy", "PM", "message", action);
            assertUser(e.getUser(), "3", null, List.of(), null);
            assertFlags(e, true, false, false);
            assertEquals("waves", e.getText());
            assertEquals(Instant.parse("2024-01-20T10:01:02Z"), e.getPlatformTimestamp());
        }));

        String join = "{\"event\":\"chat.channel.join\",\"data\":{\"channel_id\":5,\"description\":\"The official osu! channel.\",\"icon\":null,\"message_length_limit\":450,\"moderated\":false,\"name\":\"#osu\",\"type\":\"PUBLIC\",\"uuid\":null,\"socket\":null},\"socket\":null}";
        cases.add(new Case("osu! channel join", osu.channelEvent(osuChannel, EventType.CHANNEL_JOIN, join, RECEIVED), e -> {
            assertOsu(e, "5", "#osu", "PUBLIC", "channel_join", join);
            assertNull(e.getUser());
            assertNoMessage(e);
        }));

        String part = "{\"event\":\"chat.channel.part\",\"data\":{\"channel_id\":6,\"description\":\"Multiplayer lobby\",\"icon\":null,\"message_length_limit\":450,\"moderated\":false,\"name\":\"#lobby\",\"type\":\"PUBLIC\",\"uuid\":null,\"socket\":null},\"socket\":null}";
        cases.add(new Case("osu! channel part (channel not streamed)", osu.channelEvent(osu.channel(6, "#lobby", "PUBLIC"), EventType.CHANNEL_PART, part, RECEIVED), e -> {
            assertOsu(e, "6", "#lobby", "PUBLIC", "channel_part", part);
            assertNoMessage(e);
        }));

        Object account = osu.channel(-1, null, null);
        String unknown = "{\"event\":\"chat.message.edited\",\"data\":{\"message_id\":1}}";
        cases.add(new Case("osu! unknown event", osu.unknown(account, unknown, RECEIVED), e -> {
            assertOsu(e, "account", null, null, "unknown", unknown);
            assertNoMessage(e);
        }));

        String malformed = "not json at all";
        cases.add(new Case("osu! malformed frame", osu.malformed(account, malformed, RECEIVED), e -> {
            assertOsu(e, "account", null, null, "malformed", malformed);
            assertNoMessage(e);
        }));
    }

    private static void assertMixer(ChatEvent e, String type, String raw) {
        assertEquals("mixer", e.getPlatform());
        assertEquals(MIXER_CHANNEL, e.getChannelId());
        assertNull(e.getChannelName());
        assertNull(e.getChannelType());
        assertCommon(e, type, raw);
    }

    private static void assertOsu(ChatEvent e, String channelId, String name, String channelType, String type, String raw) {
        assertEquals("osu", e.getPlatform());
        assertEquals(channelId, e.getChannelId());
        assertEquals(name, e.getChannelName());
        assertEquals(channelType, e.getChannelType());
        assertCommon(e, type, raw);
    }

    private static void assertCommon(ChatEvent e, String type, String raw) {
        assertEquals(type, e.getEventType());
        assertEquals(Instant.ofEpochMilli(RECEIVED), e.getReceivedAt());
        assertEquals(raw, e.getRaw(), "the platform's frame, byte for byte");
    }

    private static void assertNoMessage(ChatEvent e) {
        assertNull(e.getText());
        assertEquals(List.of(), e.getParts());
        assertFlags(e, false, false, false);
        assertNull(e.getWhisperTarget());
        assertNull(e.getPoll());
    }

    private static void assertUser(ChatUser user, String id, String name, List<String> roles, Integer level) {
        assertEquals(id, user.getId());
        assertEquals(name, user.getName());
        assertEquals(roles, user.getRoles());
        assertEquals(level, user.getLevel());
    }

    private static void assertPart(MessagePart part, String type, String text) {
        assertEquals(type, part.getType());
        assertEquals(text, part.getText());
        assertNull(part.getUrl());
        assertNull(part.getEmoticon());
        assertNull(part.getRaw());
    }

    private static void assertFlags(ChatEvent e, boolean action, boolean whisper, boolean censored) {
        assertEquals(action, e.getFlags().getAction(), "flags.action");
        assertEquals(whisper, e.getFlags().getWhisper(), "flags.whisper");
        assertEquals(censored, e.getFlags().getCensored(), "flags.censored");
    }
}
