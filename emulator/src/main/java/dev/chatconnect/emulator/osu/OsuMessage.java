package dev.chatconnect.emulator.osu;

import java.time.Instant;
import java.util.regex.Pattern;

/** One stored chat message. {@code uuid} is null unless the sender supplied one. */
record OsuMessage(long messageId, long channelId, long senderId, String content, boolean action, Instant timestamp,
                  String uuid, String type) {

    /** "User commands" such as {@code !mp 1} reach only their sender (reference §5.2). */
    private static final Pattern USER_COMMAND = Pattern.compile("^![^ !]");

    boolean isUserCommand() {
        return USER_COMMAND.matcher(content).find();
    }

    /** plain, action, or markdown in ANNOUNCE channels. */
    static String typeFor(boolean action, String channelType) {
        if (action) {
            return "action";
        }
        return "ANNOUNCE".equals(channelType) ? "markdown" : "plain";
    }
}
