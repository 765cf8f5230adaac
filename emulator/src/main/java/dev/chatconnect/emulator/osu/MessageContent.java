package dev.chatconnect.emulator.osu;

/** What Channel::receiveMessage does to content before storing it (reference §4.3, §6.3). */
final class MessageContent {

    private MessageContent() {
    }

    /**
     * Trimmed like PHP's trim (space, \t, \n, \r, \0, \x0B), then \r and \n become spaces (except in ANNOUNCE);
     * 422 when blank or longer than the channel's limit in code points.
     */
    static String accept(String raw, String channelType) {
        String content = phpTrim(raw == null ? "" : raw);
        if (!"ANNOUNCE".equals(channelType)) {
            content = content.replace('\r', ' ').replace('\n', ' ');
        }
        if (content.isBlank()) {
            throw ApiError.of(422, OsuErrors.BLANK);
        }
        if (content.codePointCount(0, content.length()) > OsuChannel.messageLengthLimit(channelType)) {
            throw ApiError.of(422, OsuErrors.TOO_LONG);
        }
        return content;
    }

    static String phpTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isTrimmed(s.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmed(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isTrimmed(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == 0x0B;
    }
}
