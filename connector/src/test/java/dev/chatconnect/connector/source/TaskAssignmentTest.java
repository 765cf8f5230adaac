package dev.chatconnect.connector.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatconnect.connector.platform.ChannelRef;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TaskAssignmentTest {
    private static List<ChannelRef> refs(String... entries) {
        return Stream.of(entries).map(ChannelRef::parse).toList();
    }

    private static List<String> names(List<List<ChannelRef>> tasks) {
        return tasks.stream().map(t -> String.join(",", t.stream().map(ChannelRef::toString).toList())).toList();
    }

    @Test
    void osuChannelsShareOneTaskAndMixerSpreadsOverTheRest() {
        List<List<ChannelRef>> tasks = TaskAssignment.assign(refs("mixer:1", "osu:#osu", "mixer:2", "osu:#lobby", "mixer:3"), 3);
        assertEquals(List.of("osu:#osu,osu:#lobby", "mixer:1,mixer:2", "mixer:3"), names(tasks));
    }

    @Test
    void withOneTaskEverythingIsTogether() {
        assertEquals(List.of("osu:#osu,mixer:1,mixer:2"), names(TaskAssignment.assign(refs("mixer:1", "osu:#osu", "mixer:2"), 1)));
    }

    @Test
    void neverMoreTasksThanChannels() {
        assertEquals(2, TaskAssignment.assign(refs("mixer:1", "mixer:2"), 8).size());
        assertEquals(1, TaskAssignment.assign(refs("osu:5", "osu:6"), 8).size());
    }
}
