package org.wslab.lab.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Bytes as a classic hex dump, 16 per line: offset, hex, printable ASCII. For showing what a
 * server sent when it is not HTTP ("show the bytes", DESIGN.md principle 4).
 */
public final class HexDump {
    private HexDump() {}

    /** The first {@code max} bytes of {@code bytes} as dump lines; a last line says how many were left out. */
    public static List<String> lines(byte[] bytes, int max) {
        List<String> out = new ArrayList<>();
        int n = Math.min(bytes.length, max);
        for (int row = 0; row < n; row += 16) {
            StringBuilder hex = new StringBuilder(48);
            StringBuilder ascii = new StringBuilder(16);
            for (int i = row; i < row + 16; i++) {
                if (i < n) {
                    int b = bytes[i] & 0xFF;
                    hex.append(String.format("%02x ", b));
                    ascii.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
                } else {
                    hex.append("   ");
                }
            }
            out.add(String.format("%04x  %s %s", row, hex, ascii));
        }
        if (bytes.length > n) {
            out.add("… " + (bytes.length - n) + " more bytes");
        }
        return out;
    }
}
