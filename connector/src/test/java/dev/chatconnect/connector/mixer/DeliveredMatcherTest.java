package dev.chatconnect.connector.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatconnect.connector.platform.Destination;
import dev.chatconnect.connector.platform.Outbound;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveredMatcherTest {
    private static final Destination CHANNEL = new Destination("mixer", "1", null);

    @Test
    void withAnAnchorTheBotsMessagesAfterItAreTheLeadingCandidates() {
        List<MixerSink.OwnMessage> own = own("a", "b", "c", "b");
        DeliveredMatcher.Match match = DeliveredMatcher.match(candidates("b", "d"), own, "id2");
        assertEquals(Set.of("d-b"), match.delivered(), "b after the anchor c is the first candidate");
        assertEquals("id3", match.newestMatchedId());
    }

    @Test
    void withAnAnchorAnEqualTextBeforeItIsNotTakenForTheCandidate() {
        DeliveredMatcher.Match match = DeliveredMatcher.match(candidates("c", "d"), own("a", "b", "c"), "id2");
        assertEquals(Set.of(), match.delivered(), "c was the anchor itself, the candidate c is a new message");
        assertEquals(null, match.newestMatchedId());
    }

    @Test
    void withoutAnAnchorTheLongestRunMatchingTheHistoryEndIsDelivered() {
        DeliveredMatcher.Match match = DeliveredMatcher.match(candidates("c", "d", "e"), own("x", "b", "c", "d"), null);
        assertEquals(Set.of("d-c", "d-d"), match.delivered());
        assertEquals("id3", match.newestMatchedId(), "the bot's newest message becomes the anchor");
    }

    @Test
    void nothingMatchesWhenTheHistoryEndsElsewhere() {
        DeliveredMatcher.Match match = DeliveredMatcher.match(candidates("p", "q"), own("a", "b"), null);
        assertEquals(Set.of(), match.delivered());
        assertEquals("id1", match.newestMatchedId());
        assertEquals(Set.of(), DeliveredMatcher.match(candidates("p"), List.of(), null).delivered());
    }

    @Test
    void actionsCompareWithTheirMePrefix() {
        List<Outbound> candidates = List.of(new Outbound(CHANNEL, "waves", true, "d-waves", "t-0@0"));
        assertEquals(Set.of("d-waves"), DeliveredMatcher.match(candidates, own("/me waves"), null).delivered());
        assertEquals(Set.of(), DeliveredMatcher.match(candidates, own("waves"), null).delivered());
    }

    private static List<Outbound> candidates(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> new Outbound(CHANNEL, t, false, "d-" + t, "t-0@0")).toList();
    }

    private static List<MixerSink.OwnMessage> own(String... texts) {
        return IntStream.range(0, texts.length).mapToObj(i -> new MixerSink.OwnMessage("id" + i, texts[i])).toList();
    }
}
