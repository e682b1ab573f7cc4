package org.wslab.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6455 §1.3 / §4.1 (7) examples for the key and the accept value. */
class AcceptKeyTest {

    @Test
    void rfc6455Section1_3Example() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", AcceptKey.of("dGhlIHNhbXBsZSBub25jZQ=="));
        assertTrue(AcceptKey.matches("dGhlIHNhbXBsZSBub25jZQ==", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    @Test
    void notesKeyDoesNotGiveTheRecordedAccept() {
        // the notes recorded G+NHta8H3Mjiol8xeT3T3Tilabw= for this key: it cannot be right
        assertNotEquals("G+NHta8H3Mjiol8xeT3T3Tilabw=", AcceptKey.of("I88buTTIKcJE1QKxHAMpnA=="));
        assertTrue(AcceptKey.isValidKey("I88buTTIKcJE1QKxHAMpnA=="));
    }

    @Test
    void rfcExampleKeyIsValid() {
        assertTrue(AcceptKey.isValidKey("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "dGhlIHNhbXBsZSBub25jZQ",     // unpadded
        "dGhlIHNhbXBsZSBub25jZQ=",    // wrong padding
        "dGhlIHNhbXBsZSBub25jZR==",   // non-canonical trailing bits
        "dGhlIHNhbXBsZSBub25j",       // 15 bytes... shorter
        "dGhlIHNhbXBsZSBub25jZXh4eA==", // 17 bytes
        "dGhlIHNhbXBsZSBub25jZ!==",   // not base64
        "dGhlIHNhbXBsZSBub25jZQ== ",  // trailing space
    })
    void invalidKeysAreRejected(String key) {
        assertFalse(AcceptKey.isValidKey(key));
    }

    @Test
    void newKeyIsAValidKeyAndDependsOnTheRandomSource() {
        String a = AcceptKey.newKey(new Random(1));
        String b = AcceptKey.newKey(new Random(2));
        assertTrue(AcceptKey.isValidKey(a));
        assertTrue(AcceptKey.isValidKey(b));
        assertNotEquals(a, b);
        assertEquals(a, AcceptKey.newKey(new Random(1)));
    }
}
