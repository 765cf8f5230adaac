package dev.chatconnect.connector.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    @Test
    void sealsAndOpensWithTheSameKeyOnly() {
        SecretBox box = new SecretBox("client-secret", "purpose");
        String sealed = box.seal("refresh-token-123");
        assertFalse(sealed.contains("refresh-token-123"));
        assertNotEquals(sealed, box.seal("refresh-token-123"), "a fresh IV each time");
        assertEquals("refresh-token-123", box.open(sealed));
        assertNull(new SecretBox("another-secret", "purpose").open(sealed), "another client secret cannot open it");
        assertNull(box.open(sealed.substring(0, sealed.length() - 4) + "AAAA"), "tampering is detected");
        assertNull(box.open("not a box"));
    }

    @Test
    void fingerprintsAreStableAndShort() {
        assertEquals(SecretBox.fingerprint("x"), SecretBox.fingerprint("x"));
        assertNotEquals(SecretBox.fingerprint("x"), SecretBox.fingerprint("y"));
        assertEquals(16, SecretBox.fingerprint("x").length());
    }
}
