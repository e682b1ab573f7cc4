package org.wslab.benchmarks.deflate;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Messages for the permessage-deflate suite, built from a fixed seed: prose-like text, JSON
 * records (repetitive keys, varying values) and random octets that DEFLATE cannot shrink.
 */
final class DeflateInputs {
    private static final String[] WORDS = {"the", "server", "sends", "a", "message", "to", "every",
        "subscriber", "of", "topic", "and", "waits", "for", "an", "acknowledgement", "before", "next",
        "frame", "is", "written", "connection", "stays", "open", "while", "clients", "listen"};

    private DeflateInputs() {}

    /**
     * Enough distinct messages of {@code kind} that together they span at least 128 KiB, four
     * times DEFLATE's 32 KiB window: with context takeover a message never finds an exact copy of
     * itself in the window, as it would if one message were compressed over and over.
     */
    static byte[][] pool(String kind, int size) {
        int count = Math.max(2, Integer.highestOneBit(Math.max(1, (128 * 1024) / size)));
        byte[][] pool = new byte[count][];
        for (int i = 0; i < count; i++) {
            pool[i] = of(kind, size, 7692 + i);
        }
        return pool;
    }

    static byte[] of(String kind, int size, long seed) {
        Random random = new Random(seed);
        return switch (kind) {
            case "text" -> text(random, size);
            case "json" -> json(random, size);
            case "binary" -> {
                byte[] b = new byte[size];
                random.nextBytes(b);
                yield b;
            }
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    private static byte[] text(Random random, int size) {
        StringBuilder s = new StringBuilder(size + 32);
        while (s.length() < size) {
            s.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? ". " : " ");
        }
        return s.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] json(Random random, int size) {
        StringBuilder s = new StringBuilder(size + 128);
        s.append('[');
        while (s.length() < size) {
            s.append("{\"id\":").append(random.nextInt(1_000_000))
                    .append(",\"symbol\":\"").append((char) ('A' + random.nextInt(26))).append((char) ('A' + random.nextInt(26)))
                    .append("\",\"price\":").append(random.nextInt(100_000) / 100.0)
                    .append(",\"side\":\"").append(random.nextBoolean() ? "buy" : "sell").append("\"},");
        }
        return s.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }
}
