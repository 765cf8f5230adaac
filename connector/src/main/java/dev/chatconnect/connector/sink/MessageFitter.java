package dev.chatconnect.connector.sink;

import dev.chatconnect.connector.config.ChatSinkConfig.LengthPolicy;
import java.util.ArrayList;
import java.util.List;

/** Applies the length policy: a text within the limit passes as is; a longer one is rejected, truncated or split. */
final class MessageFitter {
    private static final String ELLIPSIS = "…";
    private final LengthPolicy policy;
    private final int maxParts;

    MessageFitter(LengthPolicy policy, int maxParts) {
        this.policy = policy;
        this.maxParts = maxParts;
    }

    /** The texts to send, in order; lengths are counted in code points, as the platforms count them. */
    List<String> fit(String text, int limit) {
        String normalised = text.strip();
        int length = normalised.codePointCount(0, normalised.length());
        if (length <= limit) {
            return List.of(normalised);
        }
        return switch (policy) {
            case REJECT -> throw new InvalidRecordException("the text has " + length + " characters, over the destination's "
                    + "limit of " + limit + " (message.length.policy=reject)");
            case TRUNCATE -> List.of(prefix(normalised, limit - 1).strip() + ELLIPSIS);
            case SPLIT -> split(normalised, limit, length);
        };
    }

    private List<String> split(String text, int limit, int length) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (!rest.isEmpty()) {
            if (parts.size() == maxParts) {
                throw new InvalidRecordException("the text has " + length + " characters: more than " + maxParts
                        + " messages of at most " + limit + " (message.split.max.parts)");
            }
            if (rest.codePointCount(0, rest.length()) <= limit) {
                parts.add(rest);
                break;
            }
            String window = prefix(rest, limit);
            int cut = Character.isWhitespace(rest.charAt(window.length())) ? window.length() : window.lastIndexOf(' ');
            if (cut < window.length() / 2) {
                cut = window.length(); // no space in the second half: cut mid-word rather than send tiny parts
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        return parts;
    }

    private static String prefix(String text, int codePoints) {
        return text.substring(0, text.offsetByCodePoints(0, Math.min(codePoints, text.codePointCount(0, text.length()))));
    }
}
