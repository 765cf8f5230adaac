package dev.chatconnect.connector.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.connector.util.Json;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/** Frames quoted in the Mixer reference (§5), including the real 2018 production captures. */
class MixerEventMapperTest {
    private final MixerEventMapper mapper = new MixerEventMapper("276399");

    private Struct map(String frame) throws Exception {
        JsonNode packet = Json.MAPPER.readTree(frame);
        return mapper.event(packet, frame, 1_000L);
    }

    @Test
    void realMessageWithNullAvatar() throws Exception {
        String frame = "{\"type\":\"event\",\"event\":\"ChatMessage\",\"data\":{\"channel\":276399,\"id\":\"6f2f6320-204c-11e8-baf8-d9aeec495d9c\",\"user_name\":\"Jolet\",\"user_id\":11233131,\"user_roles\":[\"User\"],\"user_level\":25,\"user_avatar\":null,\"message\":{\"message\":[{\"type\":\"text\",\"data\":\"LEFT 4 DEAD\",\"text\":\"LEFT 4 DEAD\"}],\"meta\":{}}}}";
        Struct event = map(frame);
        assertEquals("message", event.get("event_type"));
        assertEquals("6f2f6320-204c-11e8-baf8-d9aeec495d9c", event.get("event_id"));
        assertEquals("LEFT 4 DEAD", event.get("text"));
        Struct user = event.getStruct("user");
        assertEquals("11233131", user.get("id"));
        assertEquals(25, user.get("level"));
        assertEquals(frame, event.get("raw"));
        assertNull(event.get("platform_timestamp"), "Mixer messages carry no timestamp");
    }

    @Test
    void realBotMessageWithoutLevelAndEmptyTextAndTag() throws Exception {
        Struct event = map("{\"type\":\"event\",\"event\":\"ChatMessage\",\"data\":{\"channel\":276399,\"id\":\"70188aa0-204c-11e8-a61a-01910cbf97a1\",\"user_name\":\"HypeBot\",\"user_roles\":[\"Mod\",\"User\"],\"user_id\":696,\"message\":{\"message\":[{\"data\":\"\",\"text\":\"\",\"type\":\"text\"},{\"type\":\"tag\",\"username\":\"DJBluePDX\",\"text\":\"@DJBluePDX\",\"id\":300889},{\"data\":\" is now hosting you!\",\"text\":\" is now hosting you!\",\"type\":\"text\"}],\"meta\":{}}}}");
        assertNull(event.getStruct("user").get("level"));
        assertEquals("@DJBluePDX is now hosting you!", event.get("text"));
        Struct tag = event.<Struct>getArray("parts").get(1);
        assertEquals("DJBluePDX", tag.get("username"));
        assertEquals("300889", tag.get("user_id"));
    }

    @Test
    void emoticonWithAltAndUnknownPartKeptRaw() throws Exception {
        Struct event = map("{\"type\":\"event\",\"event\":\"ChatMessage\",\"data\":{\"id\":\"x\",\"message\":{\"message\":[{\"type\":\"emoticon\",\"source\":\"builtin\",\"pack\":\"default\",\"coords\":{\"x\":0,\"y\":0,\"width\":24,\"height\":24},\"alt\":{\"en\":\"❤\"},\"text\":\"<3\"},{\"type\":\"sparkle\",\"text\":\"*\",\"power\":9}],\"meta\":{\"me\":true,\"censored\":true}}}}");
        List<Struct> parts = event.getArray("parts");
        Struct emoticon = parts.get(0).getStruct("emoticon");
        assertEquals("❤", emoticon.getMap("alt").get("en"));
        assertEquals(24, emoticon.get("width"));
        assertEquals("sparkle", parts.get(1).get("type"));
        assertTrue(parts.get(1).getString("raw").contains("\"power\":9"));
        assertTrue(event.getStruct("flags").getBoolean("action"));
        assertTrue(event.getStruct("flags").getBoolean("censored"));
        assertFalse(event.getStruct("flags").getBoolean("whisper"));
    }

    @Test
    void whisperKeepsItsTarget() throws Exception {
        Struct event = map("{\"type\":\"event\",\"event\":\"ChatMessage\",\"data\":{\"channel\":12345,\"id\":\"eaf6e9b0\",\"user_name\":\"username\",\"user_id\":12345,\"user_roles\":[\"User\"],\"message\":{\"message\":[{\"type\":\"text\",\"data\":\"hi\",\"text\":\"hi\"}],\"meta\":{\"whisper\":true}},\"target\":\"recipient username\"}}");
        assertTrue(event.getStruct("flags").getBoolean("whisper"));
        assertEquals("recipient username", event.get("whisper_target"));
    }

    @Test
    void moderationEvents() throws Exception {
        Struct purge = map("{\"type\":\"event\",\"event\":\"PurgeMessage\",\"data\":{\"moderator\":{\"user_name\":\"USERNAME\",\"user_id\":12345,\"user_roles\":[\"Mod\",\"User\"],\"user_level\":12},\"user_id\":999,\"cause\":{\"type\":\"timeout\",\"durationString\":\"5m\"}}}");
        assertEquals("user_purged", purge.get("event_type"));
        Struct moderation = purge.getStruct("moderation");
        assertEquals("999", moderation.get("purged_user_id"));
        assertEquals("timeout", moderation.get("cause"));
        assertEquals("5m", moderation.get("cause_duration"));
        assertEquals("USERNAME", moderation.getStruct("moderator").get("name"));

        Struct delete = map("{\"type\":\"event\",\"event\":\"DeleteMessage\",\"data\":{\"moderator\":{\"user_name\":\"M\",\"user_id\":1,\"user_roles\":[\"Mod\"]},\"id\":\"b6661250-3a31-11e6-830a-a1d867c5621f\"}}");
        assertEquals("b6661250-3a31-11e6-830a-a1d867c5621f", delete.getStruct("moderation").get("deleted_message_id"));

        Struct timeout = map("{\"type\":\"event\",\"event\":\"UserTimeout\",\"data\":{\"user\":{\"user_name\":\"username\",\"user_id\":102534,\"user_roles\":[\"Pro\",\"User\"]},\"duration\":59998}}");
        assertEquals(59998L, timeout.getStruct("moderation").get("duration_ms"));
        assertEquals("102534", timeout.getStruct("user").get("id"));
    }

    @Test
    void pollAndJoinAndUnknownEvent() throws Exception {
        Struct poll = map("{\"type\":\"event\",\"event\":\"PollStart\",\"data\":{\"originatingChannel\":1,\"q\":\"How's the weather?\",\"answers\":[\"Good.\",\"Bad.\"],\"author\":{\"user_name\":\"USERNAME\",\"user_id\":12345,\"user_roles\":[\"Mod\"]},\"duration\":29996,\"endsAt\":1465533783407,\"voters\":0,\"responses\":{\"Good.\":0,\"Bad.\":0}}}");
        assertEquals("How's the weather?", poll.getStruct("poll").get("question"));
        assertEquals(2, poll.getStruct("poll").getMap("responses").size());
        assertEquals(1465533783407L, ((java.util.Date) poll.getStruct("poll").get("ends_at")).getTime());

        Struct join = map("{\"type\":\"event\",\"event\":\"UserJoin\",\"data\":{\"originatingChannel\":276399,\"username\":\"EmperorPewn\",\"roles\":[\"Pro\",\"User\",\"Partner\"],\"id\":2412558}}");
        assertEquals("user_join", join.get("event_type"));
        assertEquals(List.of("Pro", "User", "Partner"), join.getStruct("user").getArray("roles"));

        Struct unknown = map("{\"type\":\"event\",\"event\":\"Stats\",\"data\":{\"viewers\":3}}");
        assertEquals("unknown", unknown.get("event_type"));
    }
}
