package dev.chatconnect.connector.mixer;

import dev.chatconnect.connector.platform.Outbound;
import java.util.List;
import java.util.Set;

/**
 * Decides which queued messages Mixer already has. Mixer lets no client choose a message id, so the bot's own messages
 * in the channel's history are compared by text, in order:
 * <ul>
 *   <li>with an anchor (the id of the last message this task saw confirmed), the bot's messages after it are the
 *   candidates' leading messages, exactly;</li>
 *   <li>without one (after a restart), the longest run of leading candidates that equals the end of the bot's history is
 *   taken as delivered. Two identical texts in a row at the restart point are indistinguishable: the second one is then
 *   taken as delivered too.</li>
 * </ul>
 */
final class DeliveredMatcher {
    private DeliveredMatcher() {
    }

    /** The delivery ids of the candidates found, and the bot's message the next check should start after (or null). */
    record Match(Set<String> delivered, String newestMatchedId) {
    }

    static Match match(List<Outbound> candidates, List<MixerSink.OwnMessage> own, String anchorId) {
        int anchor = -1;
        for (int i = 0; anchorId != null && i < own.size(); i++) {
            if (anchorId.equals(own.get(i).id())) {
                anchor = i;
            }
        }
        int matched;
        String newest;
        if (anchor >= 0) {
            List<MixerSink.OwnMessage> after = own.subList(anchor + 1, own.size());
            matched = 0;
            while (matched < Math.min(after.size(), candidates.size())
                    && key(candidates.get(matched)).equals(after.get(matched).text())) {
                matched++;
            }
            newest = matched == 0 ? null : own.get(anchor + matched).id();
        } else {
            matched = Math.min(own.size(), candidates.size());
            while (matched > 0 && !tailMatches(candidates, own, matched)) {
                matched--;
            }
            // whatever matched, the candidates that follow come after the bot's newest message: it is the anchor now
            newest = own.isEmpty() ? null : own.get(own.size() - 1).id();
        }
        return new Match(MixerSink.ids(candidates.subList(0, matched)), newest);
    }

    private static boolean tailMatches(List<Outbound> candidates, List<MixerSink.OwnMessage> own, int count) {
        int offset = own.size() - count;
        for (int i = 0; i < count; i++) {
            if (!key(candidates.get(i)).equals(own.get(offset + i).text())) {
                return false;
            }
        }
        return true;
    }

    private static String key(Outbound message) {
        return ((message.action() ? "/me " : "") + message.text()).strip();
    }
}
