package org.wslab.conformance.cases;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A UTF-8 decoder stress corpus written as data, after the facts of RFC 3629 §3-§4 (a code point
 * up to U+10FFFF in its shortest form of 1-4 octets; no surrogates U+D800..U+DFFF; octets 0xC0,
 * 0xC1 and 0xF5..0xFF never appear) and the idea of Markus Kuhn's decoder stress test: groups of
 * valid boundary sequences and of every way to break them. Sequences are hex, so the bytes are
 * readable here; the {@link Utf8Cases} turn each into a text message.
 */
public final class Utf8Corpus {
    /**
     * One sequence of the corpus.
     *
     * @param name  what it is, e.g. "U+0800, the first 3-octet code point"
     * @param bytes the octets
     * @param valid whether it is well-formed UTF-8 (RFC 3629 §4)
     */
    public record Sample(String name, byte[] bytes, boolean valid) {
        public Sample {
            Objects.requireNonNull(name, "name");
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /**
     * A group of samples, numbered as one Autobahn-style section.
     *
     * @param title   the group's theme
     * @param samples its samples, in order
     */
    public record Group(String title, List<Sample> samples) {
        public Group {
            samples = List.copyOf(samples);
        }
    }

    private Utf8Corpus() {}

    /** The groups, in section order. */
    public static List<Group> groups() {
        return List.of(
                group("valid texts",
                        ok("the Greek word kosme", "CE BA E1 BD B9 CF 83 CE BC CE B5"),
                        ok("ASCII", "48 65 6C 6C 6F 2C 20 77 6F 72 6C 64"),
                        ok("2-octet letters: Gruesse", "47 72 C3 BC C3 9F 65"),
                        ok("3-octet CJK: nihongo", "E6 97 A5 E6 9C AC E8 AA 9E"),
                        ok("4-octet symbols: G clef and musical note", "F0 9D 84 9E F0 9F 8E B5")),
                group("the first code point of each length",
                        ok("U+0000, NUL", "00"),
                        ok("U+0080, the first 2-octet code point", "C2 80"),
                        ok("U+0800, the first 3-octet code point", "E0 A0 80"),
                        ok("U+10000, the first 4-octet code point", "F0 90 80 80")),
                group("the last code point of each length",
                        ok("U+007F, the last 1-octet code point", "7F"),
                        ok("U+07FF, the last 2-octet code point", "DF BF"),
                        ok("U+FFFF, the last 3-octet code point", "EF BF BF"),
                        ok("U+10FFFF, the last code point", "F4 8F BF BF")),
                group("other valid boundaries",
                        ok("U+D7FF, just below the surrogates", "ED 9F BF"),
                        ok("U+E000, just above the surrogates", "EE 80 80"),
                        ok("U+FFFD, the replacement character", "EF BF BD")),
                group("beyond U+10FFFF, and the old 5- and 6-octet forms",
                        bad("U+110000, the first code point beyond Unicode", "F4 90 80 80"),
                        bad("U+1FFFFF, the last 4-octet form", "F7 BF BF BF"),
                        bad("the first 5-octet form", "F8 88 80 80 80"),
                        bad("the last 5-octet form", "FB BF BF BF BF"),
                        bad("the first 6-octet form", "FC 84 80 80 80 80"),
                        bad("the last 6-octet form", "FD BF BF BF BF BF")),
                group("continuation octets with no start",
                        bad("a lone 0x80", "80"),
                        bad("a lone 0xBF", "BF"),
                        bad("2 continuation octets", "80 BF"),
                        bad("3 continuation octets", "80 BF 80"),
                        bad("4 continuation octets", "80 BF 80 BF"),
                        bad("5 continuation octets", "80 BF 80 BF 80"),
                        bad("6 continuation octets", "80 BF 80 BF 80 BF"),
                        bad("7 continuation octets", "80 BF 80 BF 80 BF 80"),
                        new Sample("all 64 continuation octets 0x80..0xBF", range(0x80, 0xBF, -1), false)),
                group("start octets followed by a space",
                        new Sample("each 2-octet start 0xC0..0xDF, then a space", range(0xC0, 0xDF, 0x20), false),
                        new Sample("each 3-octet start 0xE0..0xEF, then a space", range(0xE0, 0xEF, 0x20), false),
                        new Sample("each 4-octet start 0xF0..0xF7, then a space", range(0xF0, 0xF7, 0x20), false),
                        new Sample("each 5-octet start 0xF8..0xFB, then a space", range(0xF8, 0xFB, 0x20), false),
                        new Sample("each 6-octet start 0xFC..0xFD, then a space", range(0xFC, 0xFD, 0x20), false)),
                group("sequences cut short",
                        bad("U+0080 without its last octet", "C2"),
                        bad("U+07FF without its last octet", "DF"),
                        bad("U+0800 without its last octet", "E0 A0"),
                        bad("U+FFFF without its last octet", "EF BF"),
                        bad("U+1000 without its last octet", "E1 80"),
                        bad("U+10000 without its last octet", "F0 90 80"),
                        bad("U+40000 without its last octet", "F1 80 80"),
                        bad("U+10FFFF without its last octet", "F4 8F BF"),
                        bad("U+10FFFF with only its first octet", "F4"),
                        bad("kosme with its last letter cut after one octet", "CE BA E1 BD B9 CF 83 CE BC CE")),
                group("cut-short sequences one after another",
                        bad("ten sequences each without its last octet",
                                "C2 DF E0 A0 EF BF E1 80 F0 90 80 F1 80 80 F4 8F BF E0 80 F7 BF BF")),
                group("octets that never appear in UTF-8",
                        bad("0xC0", "C0"), bad("0xC1", "C1"), bad("0xF5", "F5"), bad("0xF6", "F6"),
                        bad("0xF7", "F7"), bad("0xF8", "F8"), bad("0xF9", "F9"), bad("0xFA", "FA"),
                        bad("0xFB", "FB"), bad("0xFC", "FC"), bad("0xFD", "FD"), bad("0xFE", "FE"),
                        bad("0xFF", "FF"), bad("0xFE 0xFE 0xFF 0xFF", "FE FE FF FF")),
                group("overlong forms of U+002F (/)",
                        bad("U+002F in 2 octets", "C0 AF"),
                        bad("U+002F in 3 octets", "E0 80 AF"),
                        bad("U+002F in 4 octets", "F0 80 80 AF"),
                        bad("U+002F in 5 octets", "F8 80 80 80 AF"),
                        bad("U+002F in 6 octets", "FC 80 80 80 80 AF")),
                group("the largest overlong form of each length",
                        bad("U+007F in 2 octets", "C1 BF"),
                        bad("U+07FF in 3 octets", "E0 9F BF"),
                        bad("U+FFFF in 4 octets", "F0 8F BF BF"),
                        bad("U+1FFFFF in 5 octets", "F8 87 BF BF BF"),
                        bad("U+3FFFFFF in 6 octets", "FC 83 BF BF BF BF")),
                group("overlong forms of U+0000",
                        bad("NUL in 2 octets", "C0 80"),
                        bad("NUL in 3 octets", "E0 80 80"),
                        bad("NUL in 4 octets", "F0 80 80 80"),
                        bad("NUL in 5 octets", "F8 80 80 80 80"),
                        bad("NUL in 6 octets", "FC 80 80 80 80 80")),
                group("single UTF-16 surrogates, encoded",
                        bad("U+D800", "ED A0 80"), bad("U+DB7F", "ED AD BF"), bad("U+DB80", "ED AE 80"),
                        bad("U+DBFF", "ED AF BF"), bad("U+DC00", "ED B0 80"), bad("U+DF80", "ED BE 80"),
                        bad("U+DFFF", "ED BF BF")),
                group("paired UTF-16 surrogates, encoded (CESU-8)",
                        bad("U+D800 U+DC00", "ED A0 80 ED B0 80"), bad("U+D800 U+DFFF", "ED A0 80 ED BF BF"),
                        bad("U+DB7F U+DC00", "ED AD BF ED B0 80"), bad("U+DB7F U+DFFF", "ED AD BF ED BF BF"),
                        bad("U+DB80 U+DC00", "ED AE 80 ED B0 80"), bad("U+DB80 U+DFFF", "ED AE 80 ED BF BF"),
                        bad("U+DBFF U+DC00", "ED AF BF ED B0 80"), bad("U+DBFF U+DFFF", "ED AF BF ED BF BF")),
                new Group("noncharacters: valid UTF-8 (RFC 3629 encodes every scalar value)", noncharacters()),
                group("special code points",
                        ok("U+FEFF, a byte order mark", "EF BB BF"),
                        ok("U+FFF9..U+FFFB, interlinear annotation", "EF BF B9 EF BF BA EF BF BB"),
                        ok("U+FFFC, the object replacement character", "EF BF BC"),
                        ok("U+200B zero width space, U+2028 line separator", "E2 80 8B E2 80 A8"),
                        ok("U+E0001 language tag, a plane 14 code point", "F3 A0 80 81")));
    }

    /** Every sample of every group, in order. */
    public static List<Sample> all() {
        return groups().stream().flatMap(g -> g.samples().stream()).toList();
    }

    /** U+FFFE, U+FFFF, the U+FDD0..U+FDEF block, and the last two code points of planes 1 to 16. */
    private static List<Sample> noncharacters() {
        List<Sample> s = new ArrayList<>();
        s.add(ok("U+FFFE", "EF BF BE"));
        s.add(ok("U+FFFF", "EF BF BF"));
        s.add(ok("U+FDD0", "EF B7 90"));
        s.add(ok("U+FDEF", "EF B7 AF"));
        StringBuilder block = new StringBuilder();
        for (int cp = 0xFDD0; cp <= 0xFDEF; cp++) {
            block.appendCodePoint(cp);
        }
        s.add(new Sample("all of U+FDD0..U+FDEF", block.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), true));
        for (int plane = 1; plane <= 16; plane++) {
            String pair = new StringBuilder().appendCodePoint(plane * 0x10000 + 0xFFFE)
                    .appendCodePoint(plane * 0x10000 + 0xFFFF).toString();
            s.add(new Sample(String.format("U+%XFFFE U+%XFFFF, the end of plane %d", plane, plane, plane),
                    pair.getBytes(java.nio.charset.StandardCharsets.UTF_8), true));
        }
        return s;
    }

    private static Group group(String title, Sample... samples) {
        return new Group(title, List.of(samples));
    }

    private static Sample ok(String name, String hex) {
        return new Sample(name, hex(hex), true);
    }

    private static Sample bad(String name, String hex) {
        return new Sample(name, hex(hex), false);
    }

    /** Octets {@code from..to}, each followed by {@code after} unless it is negative. */
    private static byte[] range(int from, int to, int after) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int x = from; x <= to; x++) {
            b.write(x);
            if (after >= 0) {
                b.write(after);
            }
        }
        return b.toByteArray();
    }

    /** Space-separated hex octets. */
    static byte[] hex(String hex) {
        String[] parts = hex.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }
}
