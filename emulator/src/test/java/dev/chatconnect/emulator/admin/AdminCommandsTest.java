package dev.chatconnect.emulator.admin;

import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stdin command language, line by line. */
class AdminCommandsTest {

    private ChatEmulator emulator;

    @BeforeEach
    void start() {
        emulator = ChatEmulator.start(EmulatorOptions.builder().mixerChannelCount(2).seed(19).build());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void commandsAnswerOneLineEach() {
        assertTrue(emulator.runCommand("help").contains("reject-auth CHANNEL"));
        assertNull(emulator.runCommand("   "));
        assertNull(emulator.runCommand("# a comment"));
        assertEquals("OK {\"ok\":true,\"socketsBefore\":0}", emulator.runCommand("drop"));
        assertTrue(emulator.runCommand("endpoint-down 0").startsWith("OK "));
        assertTrue(emulator.runCommand("endpoint-up 0").startsWith("OK "));
        assertEquals("OK {\"ok\":true,\"channel\":1001,\"count\":1,\"error\":\"UNOTFOUND\"}",
                emulator.runCommand("reject-auth 1001 UNOTFOUND"));
        assertEquals("OK {\"ok\":true,\"channel\":1002,\"count\":3,\"error\":\"UACCESS\"}",
                emulator.runCommand("reject-auth 1002 UACCESS 3"));
        assertTrue(emulator.runCommand("pings off").contains("\"pingResponsive\":false"));
        assertTrue(emulator.runCommand("raw 1001 {\"type\": \"event\", \"x\": [1, 2]}").startsWith("OK "));
        assertTrue(emulator.runCommand("say 1001 Operator hello there").startsWith("OK "));
        assertEquals(1, emulator.mixer().channel(1001).messageCount());

        assertTrue(emulator.runCommand("osu-say 5 Operator hi all").startsWith("OK "));
        assertTrue(emulator.runCommand("osu-me 5 Operator dances").startsWith("OK "));
        assertEquals(2, emulator.osu().channel(5).messageCount());
        assertTrue(emulator.runCommand("osu-pm Operator " + emulator.osu().botUserId() + " psst")
                .startsWith("OK "));
        assertTrue(emulator.runCommand("osu-token").contains("\"refresh_token\":\"def50200"));
        assertTrue(emulator.runCommand("osu-fail 2 500").contains("\"status\":500"));
        assertTrue(emulator.runCommand("osu-429 1").startsWith("OK "));
        assertTrue(emulator.runCommand("osu-revoke").startsWith("OK "));
        assertTrue(emulator.runCommand("osu-stats").contains("\"channels\""));
        assertTrue(emulator.runCommand("stats").contains("\"1001\""));

        assertEquals("ERROR unknown command 'bogus' (try: help)", emulator.runCommand("bogus"));
        assertEquals("ERROR channel is missing", emulator.runCommand("deny"));
        assertTrue(emulator.runCommand("deny 77").startsWith("ERROR no Mixer channel 77"));
        assertTrue(emulator.runCommand("osu-ttl x").startsWith("ERROR "));
    }
}
