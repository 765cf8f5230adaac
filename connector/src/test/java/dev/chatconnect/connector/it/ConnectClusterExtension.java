package dev.chatconnect.connector.it;

import dev.chatconnect.connector.source.ChatSourceConnector;
import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A real KRaft broker and Connect worker in this JVM (Kafka's own test kit) plus the platform emulator, started once per
 * test class. Values are written with the JSON converter (schemas off) so tests can read every field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConnectClusterExtension {
    protected EmbeddedConnectCluster connect;
    protected ChatEmulator emulator;

    protected Map<String, String> workerProps() {
        Map<String, String> props = new HashMap<>();
        props.put("plugin.discovery", "service_load");
        props.put("offset.flush.interval.ms", "500");
        props.put("key.converter", StringConverter.class.getName());
        props.put("value.converter", JsonConverter.class.getName());
        props.put("value.converter.schemas.enable", "false");
        return props;
    }

    protected java.util.Properties brokerProps() {
        return new java.util.Properties();
    }

    protected EmulatorOptions emulatorOptions() {
        return EmulatorOptions.builder().mixerChannelCount(0).build();
    }

    @BeforeAll
    void startCluster() {
        emulator = ChatEmulator.start(emulatorOptions());
        connect = new EmbeddedConnectCluster.Builder()
                .name(getClass().getSimpleName())
                .numWorkers(1)
                .numBrokers(1)
                .brokerProps(brokerProps())
                .workerProps(workerProps())
                .build();
        connect.start();
    }

    /** A failed test leaves its connector behind; remove it so it cannot disturb the next test. */
    @org.junit.jupiter.api.AfterEach
    void deleteLeftoverConnectors() {
        for (String name : connect.connectors()) {
            connect.deleteConnector(name);
        }
    }

    @AfterAll
    void stopCluster() {
        if (connect != null) {
            connect.stop();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    /** Source connector settings for Mixer channels of the emulator, with fast reconnects and keepalive for tests. */
    protected Map<String, String> mixerSource(String topic, Collection<Long> channels, int tasks) {
        return source(topic, "mixer", channels, tasks);
    }

    /** Source connector settings for osu! channels of the emulator's bot account. */
    protected Map<String, String> osuSource(String topic, Collection<?> channels, int tasks) {
        Map<String, String> props = source(topic, "osu", channels, tasks);
        props.put("osu.ack.interval.ms", "1000");
        props.put("osu.requests.per.minute", "1200");
        props.put("osu.state.topic", topic + ".state");
        // refresh tokens rotate: every connector starts from one of its own
        props.put("osu.refresh.token", emulator.osu().issueRefreshToken(emulator.osu().botUserId()));
        return props;
    }

    private Map<String, String> source(String topic, String platform, Collection<?> channels, int tasks) {
        Map<String, String> props = new HashMap<>();
        emulator.connectorConfig().forEach((key, value) -> {
            if (key.startsWith(platform + ".")) {
                props.put(key, value);
            }
        });
        props.put("connector.class", ChatSourceConnector.class.getName());
        props.put("tasks.max", Integer.toString(tasks));
        props.put("topic", topic);
        // Connect creates the topic (KIP-158); the embedded broker does not auto-create topics.
        props.put("topic.creation.default.replication.factor", "1");
        props.put("topic.creation.default.partitions", "3");
        props.put("channels", channels.stream().map(id -> platform + ":" + id).collect(Collectors.joining(",")));
        props.put("reconnect.backoff.initial.ms", "100");
        props.put("reconnect.backoff.max.ms", "1000");
        props.put("keepalive.idle.ms", "1000");
        props.put("keepalive.timeout.ms", "1000");
        return props;
    }

    /**
     * Sink connector settings for both platforms of the emulator: it may post to {@code channels} and message {@code users}
     * (platform:id entries), retries fast, and sends to osu! as the emulator's bot account.
     */
    protected Map<String, String> chatSink(String topic, Collection<String> channels, Collection<String> users, int tasks) {
        Map<String, String> props = new HashMap<>();
        emulator.connectorConfig().forEach((key, value) -> {
            if ((key.startsWith("mixer.") || key.startsWith("osu.")) && !key.equals("osu.refresh.token")
                    && !key.equals("osu.notification.url")) {
                props.put(key, value);
            }
        });
        props.put("connector.class", dev.chatconnect.connector.sink.ChatSinkConnector.class.getName());
        props.put("tasks.max", Integer.toString(tasks));
        props.put("topics", topic);
        props.put("allowed.channels", String.join(",", channels));
        props.put("allowed.users", String.join(",", users));
        props.put("send.retry.backoff.initial.ms", "100");
        props.put("send.retry.backoff.max.ms", "1000");
        props.put("mixer.reply.timeout.ms", "2000");
        props.put("mixer.sink.messages.per.window", "1000");
        props.put("mixer.sink.rate.window.ms", "1000");
        props.put("osu.sink.user.id", Long.toString(emulator.osu().botUserId()));
        props.put("osu.requests.per.minute", "60000");
        props.put("osu.sink.messages.per.window", "1000");
        props.put("osu.sink.rate.window.ms", "1000");
        return props;
    }

    protected List<Long> newMixerChannels(int count) {
        long base = 10_000L + (long) (Math.random() * 1_000_000) * 100;
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = base + i;
            emulator.mixer().addChannel(id, "ch" + id);
            ids.add(id);
        }
        return ids;
    }

    protected void awaitSocketsAuthenticated(Collection<Long> channels) {
        Await.until(Duration.ofSeconds(60),
                () -> channels.stream().allMatch(id -> emulator.mixer().connectedSockets(id) >= 1),
                () -> "every channel to hold an authenticated socket: " + channels.stream()
                        .map(id -> id + "=" + emulator.mixer().connectedSockets(id)).toList());
    }

    protected void awaitRunning(String connector, int tasks) throws InterruptedException {
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, tasks, connector + " to run " + tasks + " task(s)");
    }
}
