package dev.chatconnect.connector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatconnect.connector.platform.ChannelRef;
import dev.chatconnect.connector.source.ChatSourceConnector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class ChatSourceConfigValidationTest {
    private final ChatSourceConnector connector = new ChatSourceConnector();

    private Map<String, List<String>> errors(Map<String, String> props) {
        return connector.validate(props).configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    private static Map<String, String> valid() {
        Map<String, String> props = new HashMap<>();
        props.put("channels", "mixer:1234,mixer:5678");
        props.put("mixer.oauth.token", "s3cr3t");
        return props;
    }

    @Test
    void aValidConfigHasNoErrors() {
        assertEquals(Map.of(), errors(valid()));
    }

    @Test
    void eachBadValueIsReportedOnItsOwnField() {
        Map<String, String> props = valid();
        props.put("channels", "twitch:foo,mixer:1");
        props.put("mixer.api.url", "ftp://example");
        props.put("topic", "bad topic!");
        props.put("keepalive.idle.ms", "-5");
        Map<String, List<String>> errors = errors(props);
        assertEquals(List.of("channels", "keepalive.idle.ms", "mixer.api.url", "topic"), errors.keySet().stream().sorted().toList());
        assertTrue(errors.get("channels").get(0).contains("unknown platform 'twitch'"), errors.get("channels").toString());
    }

    @Test
    void channelsMustBeWellFormedAndUnique() {
        Map<String, String> props = valid();
        props.put("channels", "mixer:1,mixer:1");
        assertTrue(errors(props).get("channels").get(0).contains("listed twice"));
        props.put("channels", "1234");
        assertTrue(errors(props).get("channels").get(0).contains("platform:channel"));
        props.put("channels", "");
        assertTrue(errors(props).containsKey("channels"));
    }

    @Test
    void crossFieldBackoffBoundsAreChecked() {
        Map<String, String> props = valid();
        props.put("reconnect.backoff.initial.ms", "5000");
        props.put("reconnect.backoff.max.ms", "1000");
        assertTrue(errors(props).get("reconnect.backoff.max.ms").get(0).contains("at least"));
    }

    @Test
    void theTokenIsAPasswordAndNeverShownByValidate() {
        ConfigValue token = connector.validate(valid()).configValues().stream()
                .filter(v -> v.name().equals("mixer.oauth.token")).findFirst().orElseThrow();
        assertFalse(String.valueOf(token.value()).contains("s3cr3t"));
    }

    @Test
    void tasksShareTheChannelsBetweenThem() {
        Map<String, String> props = valid();
        props.put("channels", "mixer:1,mixer:2,mixer:3,mixer:4,mixer:5");
        connector.start(props);
        List<Map<String, String>> tasks = connector.taskConfigs(2);
        assertEquals(2, tasks.size());
        assertEquals("mixer:1,mixer:2,mixer:3", tasks.get(0).get("channels"));
        assertEquals("mixer:4,mixer:5", tasks.get(1).get("channels"));
        assertEquals(1, connector.taskConfigs(10).stream().filter(t -> t.get("channels").equals("mixer:1")).count());
        assertEquals(5, connector.taskConfigs(10).size(), "never more tasks than channels");
    }

    @Test
    void topicTemplateAndChannelRefs() {
        assertEquals("chat.osu._osu", TopicTemplate.of("chat.${platform}.${channel}").resolve("osu", "#osu"));
        assertEquals(new ChannelRef("mixer", "1234"), ChannelRef.parse(" Mixer:1234 "));
        assertThrows(IllegalArgumentException.class, () -> ChannelRef.parse("mixer:"));
    }

    @Test
    void alterOffsetsAcceptsOnlyWhatTheConnectorCanResumeFrom() {
        Map<Map<String, ?>, Map<String, ?>> good = Map.of(
                Map.of("platform", "mixer", "channel", "1"), Map.of("recent_message_ids", "a,b"));
        assertTrue(connector.alterOffsets(valid(), good));
        Map<Map<String, ?>, Map<String, ?>> tombstone = new HashMap<>();
        tombstone.put(Map.of("platform", "mixer", "channel", "1"), null);
        assertTrue(connector.alterOffsets(valid(), tombstone), "resetting an offset is allowed");
        assertThrows(ConnectException.class, () -> connector.alterOffsets(valid(),
                Map.of(Map.of("platform", "mixer", "channel", "1"), Map.of("recent_message_ids", 42))));
        assertThrows(ConnectException.class, () -> connector.alterOffsets(valid(),
                Map.of(Map.of("platform", "myspace", "channel", "1"), Map.of())));
    }
}
