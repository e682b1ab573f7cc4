package org.wslab.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;

/** Properties of {@link AcceptKey} (RFC 6455 §1.3, §4.1 (7), §4.2.2 (5.4)). */
class AcceptKeyPropertiesTest {

    @Test
    void independentSha1ReproducesTheRfcExample() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", IndependentSha1.accept("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void acceptIsBase64OfSha1OfKeyAndGuidForAnyValidKey() {
        // §4.2.2 (5.4): for every 16-byte nonce, the accept equals a from-scratch SHA-1 + base64
        Props.qt().forAll(ByteGens.bytes(16, 16)).checkAssert(nonce -> {
            String key = Base64.getEncoder().encodeToString(nonce);
            assertTrue(AcceptKey.isValidKey(key), key);
            assertEquals(IndependentSha1.accept(key), AcceptKey.of(key));
        });
    }

    @Test
    void onlyBase64OfExactly16BytesIsAValidKey() {
        // §4.1 (7): decoding must give exactly 16 bytes; every other length is refused
        Props.qt().forAll(ByteGens.bytes(0, 40)).checkAssert(raw -> {
            String key = Base64.getEncoder().encodeToString(raw);
            assertEquals(raw.length == 16, AcceptKey.isValidKey(key), key);
            assertFalse(AcceptKey.isValidKey(Base64.getEncoder().withoutPadding().encodeToString(raw)) && raw.length % 3 != 0);
        });
    }
}
