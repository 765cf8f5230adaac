package dev.chatconnect.connector.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * KIP-618: on a worker with exactly-once source support, the connector must accept {@code exactly.once.support=required}
 * and deliver each message once to read_committed consumers across socket drops and a stop/resume.
 */
class MixerExactlyOnceIT extends ConnectClusterExtension {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Override
    protected Properties brokerProps() {
        Properties props = new Properties();
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        return props;
    }

    @Override
    protected Map<String, String> workerProps() {
        Map<String, String> props = super.workerProps();
        props.put("exactly.once.source.support", "enabled");
        return props;
    }

    @Test
    void messagesArriveExactlyOnceThroughDropsAndARestartWithTransactions() throws Exception {
        List<Long> channels = newMixerChannels(3);
        Map<String, String> props = mixerSource("eos-events", channels, 1);
        props.put("exactly.once.support", "required");
        props.put("transaction.boundary", "poll");
        connect.configureConnector("eos", props);
        awaitRunning("eos", 1);
        awaitSocketsAuthenticated(channels);

        Random random = new Random(3);
        post(channels, 15, random);
        int before = channels.stream().mapToInt(id -> emulator.mixer().chatsRequests(id)).sum();
        emulator.mixer().dropAllSockets();
        post(channels, 15, random);
        Await.until(WAIT, () -> channels.stream().mapToInt(id -> emulator.mixer().chatsRequests(id)).sum() >= before + channels.size()
                && channels.stream().allMatch(id -> emulator.mixer().connectedSockets(id) >= 1), () -> "reconnected");
        try (TopicReader reader = new TopicReader(connect.kafka(), "eos-events")) {
            reader.awaitAtLeast(90, e -> e.type().equals("message"), WAIT);
        }

        connect.stopConnector("eos");
        connect.assertions().assertConnectorIsStopped("eos", "stopped");
        post(channels, 20, random);
        connect.resumeConnector("eos");
        awaitRunning("eos", 1);

        try (TopicReader reader = new TopicReader(connect.kafka(), "eos-events")) {
            reader.awaitAtLeast(150, e -> e.type().equals("message"), WAIT);
            reader.drain(e -> true, Duration.ofSeconds(2));
            for (long id : channels) {
                List<String> expected = emulator.mixer().channel(id).messageIds();
                List<String> actual = TopicReader.ids(reader.matching(e -> e.type().equals("message") && e.channel().equals(Long.toString(id))));
                assertEquals(expected.size(), new HashSet<>(actual).size(), "channel " + id + ": all messages");
                assertEquals(expected, actual, "channel " + id + ": exactly once, in order, under transactions");
            }
        }
        connect.deleteConnector("eos");
    }

    private void post(List<Long> channels, int perChannel, Random random) {
        for (int i = 0; i < perChannel; i++) {
            for (long id : channels) {
                emulator.mixer().channel(id).postRandomMessage(random);
            }
        }
    }
}
