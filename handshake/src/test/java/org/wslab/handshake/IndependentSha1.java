package org.wslab.handshake;

import java.nio.charset.StandardCharsets;

/**
 * SHA-1 (FIPS 180-4 §6.1) and base64 (RFC 4648 §4) written out here, so that the accept-key
 * property checks {@link AcceptKey} against a computation that shares no code with it.
 * Test use only; SHA-1 is fine for RFC 6455's purpose (not security).
 */
final class IndependentSha1 {
    private IndependentSha1() {}

    static byte[] sha1(byte[] message) {
        int[] h = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
        int blocks = (message.length + 8) / 64 + 1;
        byte[] padded = new byte[blocks * 64];
        System.arraycopy(message, 0, padded, 0, message.length);
        padded[message.length] = (byte) 0x80;
        long bits = (long) message.length * 8;
        for (int i = 0; i < 8; i++) {
            padded[padded.length - 1 - i] = (byte) (bits >>> (8 * i));
        }
        int[] w = new int[80];
        for (int b = 0; b < blocks; b++) {
            for (int t = 0; t < 16; t++) {
                int o = b * 64 + t * 4;
                w[t] = (padded[o] & 0xFF) << 24 | (padded[o + 1] & 0xFF) << 16 | (padded[o + 2] & 0xFF) << 8 | (padded[o + 3] & 0xFF);
            }
            for (int t = 16; t < 80; t++) {
                w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
            }
            int a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4];
            for (int t = 0; t < 80; t++) {
                int f;
                int k;
                if (t < 20) {
                    f = (bb & c) | (~bb & d);
                    k = 0x5A827999;
                } else if (t < 40) {
                    f = bb ^ c ^ d;
                    k = 0x6ED9EBA1;
                } else if (t < 60) {
                    f = (bb & c) | (bb & d) | (c & d);
                    k = 0x8F1BBCDC;
                } else {
                    f = bb ^ c ^ d;
                    k = 0xCA62C1D6;
                }
                int temp = Integer.rotateLeft(a, 5) + f + e + k + w[t];
                e = d;
                d = c;
                c = Integer.rotateLeft(bb, 30);
                bb = a;
                a = temp;
            }
            h[0] += a;
            h[1] += bb;
            h[2] += c;
            h[3] += d;
            h[4] += e;
        }
        byte[] out = new byte[20];
        for (int i = 0; i < 20; i++) {
            out[i] = (byte) (h[i / 4] >>> (24 - 8 * (i % 4)));
        }
        return out;
    }

    static String base64(byte[] data) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < data.length; i += 3) {
            int n = (data[i] & 0xFF) << 16 | (i + 1 < data.length ? (data[i + 1] & 0xFF) << 8 : 0)
                    | (i + 2 < data.length ? data[i + 2] & 0xFF : 0);
            out.append(alphabet.charAt(n >>> 18 & 63)).append(alphabet.charAt(n >>> 12 & 63));
            out.append(i + 1 < data.length ? alphabet.charAt(n >>> 6 & 63) : '=');
            out.append(i + 2 < data.length ? alphabet.charAt(n & 63) : '=');
        }
        return out.toString();
    }

    /** base64(SHA-1(key + GUID)), RFC 6455 §4.2.2 (5.4), from scratch. */
    static String accept(String key) {
        return base64(sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
    }
}
