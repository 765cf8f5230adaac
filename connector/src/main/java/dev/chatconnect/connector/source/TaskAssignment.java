package dev.chatconnect.connector.source;

import dev.chatconnect.connector.platform.ChannelRef;
import dev.chatconnect.connector.platform.ChatPlatform;
import dev.chatconnect.connector.platform.Platforms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.util.ConnectorUtils;

/**
 * Spreads channels over at most {@code maxTasks} tasks. A platform whose channels share one connection keeps them all in
 * one task of their own; the other channels are spread evenly over the remaining tasks (or share the last one).
 */
final class TaskAssignment {
    private TaskAssignment() {
    }

    static List<List<ChannelRef>> assign(List<ChannelRef> channels, int maxTasks) {
        Map<String, List<ChannelRef>> pinned = new LinkedHashMap<>();
        List<ChannelRef> spread = new ArrayList<>();
        for (ChannelRef ref : channels) {
            boolean shared = Platforms.byName(ref.platform()).map(ChatPlatform::channelsShareOneConnection).orElse(false);
            if (shared) {
                pinned.computeIfAbsent(ref.platform(), p -> new ArrayList<>()).add(ref);
            } else {
                spread.add(ref);
            }
        }
        List<List<ChannelRef>> tasks = new ArrayList<>(pinned.values());
        int free = Math.max(0, maxTasks - tasks.size());
        if (!spread.isEmpty()) {
            if (free == 0 && !tasks.isEmpty()) {
                tasks.get(tasks.size() - 1).addAll(spread);
            } else {
                tasks.addAll(ConnectorUtils.groupPartitions(spread, Math.max(1, Math.min(free, spread.size()))));
            }
        }
        if (tasks.size() > maxTasks) {
            // more shared-connection platforms than tasks: fold the extra ones into the last allowed task
            List<List<ChannelRef>> folded = new ArrayList<>(tasks.subList(0, maxTasks));
            tasks.subList(maxTasks, tasks.size()).forEach(folded.get(maxTasks - 1)::addAll);
            return folded;
        }
        return tasks;
    }
}
