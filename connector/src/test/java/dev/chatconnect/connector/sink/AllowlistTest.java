package dev.chatconnect.connector.sink;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatconnect.connector.platform.Destination;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowlistTest {
    private final Allowlist allowlist = new Allowlist(false, List.of("mixer:1001", "osu:#Lobby"), List.of("mixer:Viewer", "osu:42"));

    @Test
    void onlyListedChannelsAndUsers() {
        assertNull(allowlist.check(new Destination("mixer", "1001", null)));
        assertNull(allowlist.check(new Destination("osu", "#lobby", null)), "channel names compare case-insensitively");
        assertNull(allowlist.check(new Destination("osu", null, "42")));
        assertNull(allowlist.check(new Destination("mixer", "1001", "viewer")), "a whisper needs its channel and its user");
        assertTrue(allowlist.check(new Destination("mixer", "1002", null)).contains("not in allowed.channels"));
        assertTrue(allowlist.check(new Destination("osu", "1001", null)).contains("osu:1001"), "platforms do not mix");
        assertTrue(allowlist.check(new Destination("osu", null, "43")).contains("not in allowed.users"));
        assertTrue(allowlist.check(new Destination("mixer", "1001", "stranger")).contains("not in allowed.users"));
    }

    @Test
    void allowAllOpensEverything() {
        assertNull(new Allowlist(true, List.of(), List.of()).check(new Destination("osu", null, "7")));
    }
}
