package org.wslab.handshake;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Random;

/**
 * {@code Sec-WebSocket-Key} and {@code Sec-WebSocket-Accept} (RFC 6455 §1.3, §4.1 (7), §4.2.2 (5.4)):
 * the key is the base64 of 16 random bytes; the accept is base64(SHA-1(key + GUID)).
 * RFC 6455 §1.3's example: {@code dGhlIHNhbXBsZSBub25jZQ==} gives {@code s3pPLMBiTxaQ9kYGzzhZRbK+xOo=}.
 */
public final class AcceptKey {
    /** The GUID of RFC 6455 §1.3 appended to the key before hashing. */
    public static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private static final byte[] GUID_BYTES = GUID.getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<Sha1Scratch> SCRATCH = ThreadLocal.withInitial(Sha1Scratch::new);

    private AcceptKey() {}

    /**
     * The accept value for a key, computed on the key's text as sent (any string: the explainer
     * also shows it for an invalid key). Non-ASCII characters are hashed as ISO-8859-1 bytes.
     */
    public static String of(String key) {
        Sha1Scratch s = SCRATCH.get();
        try {
            s.sha1.update(key.getBytes(StandardCharsets.ISO_8859_1));
            s.sha1.update(GUID_BYTES);
            s.sha1.digest(s.digest, 0, s.digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException("a SHA-1 digest is 20 bytes", e);
        }
        Base64.getEncoder().encode(s.digest, s.base64);
        return new String(s.base64, StandardCharsets.ISO_8859_1);
    }

    /**
     * Per thread: a SHA-1 instance and the two small arrays its result passes through, so that
     * computing an accept value allocates only the key's bytes and the result (looking a digest
     * up by name and building one each time costs more than hashing 60 bytes).
     */
    private static final class Sha1Scratch {
        final MessageDigest sha1;
        final byte[] digest = new byte[20];
        final byte[] base64 = new byte[28];

        Sha1Scratch() {
            try {
                sha1 = MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-1", e);
            }
        }
    }

    /** Whether {@code accept} is the accept value for {@code key} (exact, case-sensitive). */
    public static boolean matches(String key, String accept) {
        return of(key).equals(accept);
    }

    /**
     * Whether a key is valid per RFC 6455 §4.1 (7): base64 (RFC 4648 §4, with padding, canonical
     * trailing bits) of exactly 16 bytes — 24 characters ending in {@code ==}.
     */
    public static boolean isValidKey(String key) {
        if (key == null || key.length() != 24 || !key.endsWith("==")) {
            return false;
        }
        try {
            byte[] raw = Base64.getDecoder().decode(key);
            return raw.length == 16 && Base64.getEncoder().encodeToString(raw).equals(key);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A fresh key: 16 bytes from {@code random} (use a {@link java.security.SecureRandom}), base64. */
    public static String newKey(Random random) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }
}
