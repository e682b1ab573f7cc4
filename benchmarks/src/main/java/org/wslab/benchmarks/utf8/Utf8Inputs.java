package org.wslab.benchmarks.utf8;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The text payloads the UTF-8 suite validates (RFC 3629 §3), built deterministically from a fixed
 * seed: each is exactly {@code size} octets and, except {@code invalidAtEnd}, valid UTF-8 made of
 * whole code points.
 */
public final class Utf8Inputs {
    private static final String[] ASCII = {
        "{\"type\":\"MESSAGE\",\"id\":", "\"destination\":\"/topic/prices\",", "\"price\":101.25,",
        "\"user\":\"alice\",", "\"text\":\"hello world\"},", "\"tags\":[\"a\",\"b\"],\n",
    };
    private static final String[] MIXED = {
        "{\"user\":\"José\",", "\"city\":\"Zürich\",", "\"note\":\"naïve café\",", "\"mood\":\"😀\",",
        "\"text\":\"plain ascii words in between\",", "\"price\":\"12,50 €\",", "\"id\":42,\n",
        "\"greeting\":\"Привет\",", "\"lang\":\"français\"},",
    };
    private static final String[] CJK = {
        "WebSocket协议在单个连接上提供全双工通信。", "服务器可以主动向客户端推送数据，", "这是一段中文测试文本，",
        "日本語のテキストも含まれています。", "消息代理使用订阅和发布，", "「こんにちは、世界」", "，",
    };

    private Utf8Inputs() {}

    /** The payload named by the benchmark's {@code input} parameter. */
    public static byte[] of(String input, int size) {
        return switch (input) {
            case "ascii" -> fill(ASCII, size);
            case "mixed" -> fill(MIXED, size);
            case "cjk" -> fill(CJK, size);
            case "invalidAtEnd" -> invalidAtEnd(size);
            default -> throw new IllegalArgumentException("unknown input " + input);
        };
    }

    /** Mixed text whose last three octets are {@code ED A0 80}: the surrogate U+D800, invalid. */
    static byte[] invalidAtEnd(int size) {
        byte[] text = fill(MIXED, size);
        text[size - 3] = (byte) 0xED;
        text[size - 2] = (byte) 0xA0;
        text[size - 1] = (byte) 0x80;
        return text;
    }

    /** Pieces drawn at random (seeded) until the next would not fit, then ASCII spaces to {@code size}. */
    private static byte[] fill(String[] pieces, int size) {
        Random random = new Random(6455);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        while (true) {
            byte[] piece = pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8);
            if (out.size() + piece.length > size) {
                break;
            }
            out.writeBytes(piece);
        }
        while (out.size() < size) {
            out.write(' ');
        }
        return out.toByteArray();
    }
}
