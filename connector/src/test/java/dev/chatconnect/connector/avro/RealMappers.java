package dev.chatconnect.connector.avro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatconnect.connector.schema.EventType;
import dev.chatconnect.connector.util.Json;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.apache.kafka.connect.data.Struct;

/**
 * The connector's own mappers ({@code MixerEventMapper}, {@code OsuEventMapper}), called exactly as the sources call
 * them. They are package-private in their platform packages, so this test package reaches them by reflection: the
 * records under test are then what the connector really emits, not hand-built look-alikes. A changed mapper signature
 * fails here loudly (NoSuchMethodException), never silently.
 */
final class RealMappers {
    private RealMappers() {
    }

    /** Mixer: one mapper per channel. */
    static final class Mixer {
        private final Object mapper;

        Mixer(String channelId) {
            mapper = construct("dev.chatconnect.connector.mixer.MixerEventMapper", new Class<?>[]{String.class}, channelId);
        }

        /** An event packet as it arrived on the chat socket. */
        Struct event(String frame, long receivedAt) {
            return (Struct) invoke(mapper, "event", new Class<?>[]{JsonNode.class, String.class, long.class},
                    parse(frame), frame, receivedAt);
        }

        /** One item of the history reply (the data of a ChatMessage). */
        Struct history(String data, long receivedAt) {
            return (Struct) invoke(mapper, "historyMessage", new Class<?>[]{JsonNode.class, long.class}, parse(data), receivedAt);
        }

        Struct malformed(String raw, long receivedAt) {
            return (Struct) invoke(mapper, "malformed", new Class<?>[]{String.class, long.class}, raw, receivedAt);
        }

        Struct unknown(String raw, long receivedAt) {
            return (Struct) invoke(mapper, "unknown", new Class<?>[]{String.class, long.class}, raw, receivedAt);
        }
    }

    /** osu!: one mapper per account; channels are described by {@code OsuEventMapper.ChannelInfo}. */
    static final class Osu {
        private static final String MAPPER = "dev.chatconnect.connector.osu.OsuEventMapper";
        private final Object mapper = construct(MAPPER, new Class<?>[0]);
        private final Class<?> channelInfo = load(MAPPER + "$ChannelInfo");

        /** A channel as the source knows it; id -1 is the account itself (frames that belong to no channel). */
        Object channel(long id, String name, String type) {
            return construct(channelInfo.getName(), new Class<?>[]{long.class, String.class, String.class}, id, name, type);
        }

        /** One entry of a chat.message.new frame's messages[], with its users[] entry as the sender. */
        Struct message(Object channel, String message, String sender, String raw, long receivedAt) {
            return (Struct) invoke(mapper, "message", new Class<?>[]{channelInfo, JsonNode.class, JsonNode.class, String.class, long.class},
                    channel, parse(message), sender == null ? null : parse(sender), raw, receivedAt);
        }

        Struct channelEvent(Object channel, EventType type, String raw, long receivedAt) {
            return (Struct) invoke(mapper, "channelEvent", new Class<?>[]{channelInfo, EventType.class, String.class, long.class},
                    channel, type, raw, receivedAt);
        }

        Struct unknown(Object channel, String raw, long receivedAt) {
            return (Struct) invoke(mapper, "unknown", new Class<?>[]{channelInfo, String.class, long.class}, channel, raw, receivedAt);
        }

        Struct malformed(Object channel, String raw, long receivedAt) {
            return (Struct) invoke(mapper, "malformed", new Class<?>[]{channelInfo, String.class, long.class}, channel, raw, receivedAt);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("test frame is not JSON: " + json, e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("connector class moved: " + name, e);
        }
    }

    private static Object construct(String className, Class<?>[] types, Object... args) {
        try {
            Constructor<?> constructor = load(className).getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot construct " + className, e);
        }
    }

    private static Object invoke(Object target, String name, Class<?>[] types, Object... args) {
        try {
            Method method = target.getClass().getDeclaredMethod(name, types);
            method.setAccessible(true);
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot call " + target.getClass().getSimpleName() + "." + name, e);
        }
    }

    private static RuntimeException rethrow(InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e.getCause());
    }
}
