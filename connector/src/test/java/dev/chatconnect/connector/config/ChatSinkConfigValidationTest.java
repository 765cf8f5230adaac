package dev.chatconnect.connector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatconnect.connector.sink.ChatSinkConnector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class ChatSinkConfigValidationTest {
    private final ChatSinkConnector connector = new ChatSinkConnector();

    private Map<String, List<String>> errors(Map<String, String> props) {
        return connector.validate(props).configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    private static Map<String, String> valid() {
        Map<String, String> props = new HashMap<>();
        props.put("topics", "chat.outbound");
        props.put("allowed.channels", "mixer:1234,osu:5");
        props.put("allowed.users", "mixer:viewer,osu:42");
        props.put("mixer.oauth.token", "s3cr3t");
        props.put("osu.client.id", "7");
        props.put("osu.client.secret", "s3cr3t");
        return props;
    }

    @Test
    void aValidConfigHasNoErrors() {
        assertEquals(Map.of(), errors(valid()));
    }

    @Test
    void badValuesAreReportedOnTheirOwnFields() {
        Map<String, String> props = valid();
        props.put("allowed.channels", "twitch:x");
        props.put("allowed.users", "osu:peppy");
        props.put("message.length.policy", "shorten");
        Map<String, List<String>> errors = errors(props);
        assertEquals(List.of("allowed.channels", "allowed.users", "message.length.policy"), errors.keySet().stream().sorted().toList());
        assertTrue(errors.get("allowed.users").get(0).contains("not an osu! user id"), errors.toString());
        assertTrue(errors.get("message.length.policy").get(0).contains("reject, truncate, split"), errors.toString());
    }

    @Test
    void nothingAllowedIsAnErrorUnlessAllowAllIsSet() {
        Map<String, String> props = valid();
        props.remove("allowed.channels");
        props.remove("allowed.users");
        assertTrue(errors(props).get("allowed.channels").get(0).contains("allow.all=true"));
        props.put("allow.all", "true");
        assertEquals(Map.of(), errors(props));
    }

    @Test
    void eachListedPlatformNeedsItsCredentials() {
        Map<String, String> props = valid();
        props.remove("mixer.oauth.token");
        props.remove("osu.client.secret");
        Map<String, List<String>> errors = errors(props);
        assertEquals(List.of("mixer.oauth.token", "osu.client.secret"), errors.keySet().stream().sorted().toList());
    }

    @Test
    void aUserTokenNeedsItsStoreAndASingleTask() {
        Map<String, String> props = valid();
        props.put("osu.sink.refresh.token", "r3fr3sh");
        props.put("tasks.max", "2");
        Map<String, List<String>> errors = errors(props);
        assertEquals(List.of("osu.sink.refresh.token", "osu.sink.token.bootstrap.servers"), errors.keySet().stream().sorted().toList());
        props.put("tasks.max", "1");
        props.put("osu.sink.token.bootstrap.servers", "localhost:9092");
        assertEquals(Map.of(), errors(props));
    }

    @Test
    void tasksGetTheirNumberAndTheTaskCountForBudgetSplitting() {
        connector.start(valid());
        List<Map<String, String>> tasks = connector.taskConfigs(3);
        assertEquals(3, tasks.size());
        assertEquals("2", tasks.get(2).get("task.id"));
        assertEquals("3", tasks.get(0).get("task.count"));
    }
}
