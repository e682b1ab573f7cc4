package org.wslab.testkit;

import java.util.HexFormat;

/** Hex literals for byte-exact tests: {@code Hex.bytes("81 05 48 65 6c 6c 6f")}. */
public final class Hex {
    private Hex() {}

    /** Parses hex digits; spaces, line breaks and {@code 0x} prefixes are ignored. */
    public static byte[] bytes(String hex) {
        String digits = hex.replace("0x", "").replaceAll("\\s+", "");
        return HexFormat.of().parseHex(digits);
    }

    /** Renders bytes as lower-case hex pairs separated by single spaces. */
    public static String of(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
