package org.wslab.handshake;

import java.nio.charset.StandardCharsets;
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

    private AcceptKey() {}

    /**
     * The accept value for a key, computed on the key's text as sent (any string: the explainer
     * also shows it for an invalid key). Non-ASCII characters are hashed as ISO-8859-1 bytes.
     */
    public static String of(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
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
