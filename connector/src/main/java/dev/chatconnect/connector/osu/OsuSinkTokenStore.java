package dev.chatconnect.connector.osu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.connector.util.Json;
import dev.chatconnect.connector.util.SecretBox;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Where a sink sending as a user keeps its newest refresh token. osu! rotates refresh tokens on every refresh, and a sink
 * task has no offsets of its own, so the token goes, sealed with a key derived from the client secret, to a compacted
 * one-partition topic, keyed by client id. A changed configured token (the user re-authorized) wins over the stored one,
 * as in the source.
 */
final class OsuSinkTokenStore implements AutoCloseable {
    private static final Duration IO_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final String key;
    private final SecretBox box;
    private final String configuredFingerprint;
    private final Map<String, Object> clientProps;
    private final KafkaProducer<String, String> producer;

    OsuSinkTokenStore(Map<String, Object> clientProps, String topic, String clientId, String clientSecret, String configuredToken) {
        this.topic = topic;
        this.key = clientId;
        this.box = new SecretBox(clientSecret, "chatconnect osu sink refresh token v1");
        this.configuredFingerprint = SecretBox.fingerprint(configuredToken);
        this.clientProps = Map.copyOf(clientProps);
        Map<String, Object> producerProps = new HashMap<>(clientProps);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        this.producer = new KafkaProducer<>(producerProps);
    }

    /** The token to start from: the newest stored one, unless the configured token changed since it was stored. */
    Optional<String> newest() {
        ensureTopic();
        Map<String, Object> consumerProps = new HashMap<>(clientProps);
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String latest = null;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), IO_TIMEOUT).get(partition);
            long deadline = System.nanoTime() + IO_TIMEOUT.toNanos();
            while (consumer.position(partition, IO_TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new ConnectException("Timed out reading the osu! token topic " + topic);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        latest = record.value();
                    }
                }
            }
        }
        if (latest == null) {
            return Optional.empty();
        }
        try {
            JsonNode stored = Json.MAPPER.readTree(latest);
            if (!configuredFingerprint.equals(Json.text(stored, "configured_token_fingerprint"))) {
                return Optional.empty();
            }
            return Optional.ofNullable(box.open(Json.text(stored, "sealed_refresh_token")));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Stores a rotated token and waits until Kafka has it: the old token is already dead. */
    void store(String refreshToken) {
        String value = Json.MAPPER.createObjectNode()
                .put("sealed_refresh_token", box.seal(refreshToken))
                .put("configured_token_fingerprint", configuredFingerprint)
                .toString();
        try {
            producer.send(new ProducerRecord<>(topic, 0, key, value)).get(IO_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while storing the rotated osu! refresh token");
        } catch (ExecutionException | TimeoutException e) {
            throw new ConnectException("Could not store the rotated osu! refresh token in " + topic + ": " + e.getMessage());
        }
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(clientProps)) {
            NewTopic newTopic = new NewTopic(topic, java.util.Optional.of(1), java.util.Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(newTopic)).all().get(IO_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new ConnectException("Could not create the osu! token topic " + topic + ": " + e.getCause().getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while creating the osu! token topic");
        } catch (TimeoutException e) {
            throw new ConnectException("Timed out creating the osu! token topic " + topic);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
