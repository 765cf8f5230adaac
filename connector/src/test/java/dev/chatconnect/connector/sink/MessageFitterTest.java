package dev.chatconnect.connector.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatconnect.connector.config.ChatSinkConfig.LengthPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageFitterTest {

    @Test
    void aTextWithinTheLimitPassesWhateverThePolicy() {
        for (LengthPolicy policy : LengthPolicy.values()) {
            assertEquals(List.of("hello"), new MessageFitter(policy, 3).fit("  hello ", 5));
        }
    }

    @Test
    void rejectNamesTheLengthAndTheLimit() {
        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> new MessageFitter(LengthPolicy.REJECT, 3).fit("x".repeat(451), 450));
        assertTrue(e.getMessage().contains("451 characters") && e.getMessage().contains("limit of 450"), e.getMessage());
    }

    @Test
    void truncateCutsToTheLimitWithAnEllipsis() {
        List<String> parts = new MessageFitter(LengthPolicy.TRUNCATE, 3).fit("abcdefghij", 5);
        assertEquals(List.of("abcd…"), parts);
    }

    @Test
    void splitCutsAtSpacesKeepsOrderAndCountsCodePoints() {
        String text = "one two three four five six";
        List<String> parts = new MessageFitter(LengthPolicy.SPLIT, 10).fit(text, 10);
        assertEquals(List.of("one two", "three four", "five six"), parts);
        assertTrue(parts.stream().allMatch(p -> p.codePointCount(0, p.length()) <= 10));

        String emoji = "😀".repeat(7);
        List<String> emojiParts = new MessageFitter(LengthPolicy.SPLIT, 10).fit(emoji, 3);
        assertEquals(List.of("😀😀😀", "😀😀😀", "😀"), emojiParts, "surrogate pairs are never cut");
    }

    @Test
    void splitRejectsWhatWouldNeedTooManyParts() {
        assertThrows(InvalidRecordException.class, () -> new MessageFitter(LengthPolicy.SPLIT, 2).fit("a b c d e f g", 2));
    }
}
