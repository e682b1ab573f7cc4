package org.wslab.handshake.http;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of request and response heads for the parser properties. Names come from the
 * handshake's own fields (and a few others) in random letter case; values are field-vchar, SP,
 * HTAB and obs-text without surrounding whitespace. They shrink towards few fields, original
 * case, short values.
 */
final class HeadGenerators {
    private HeadGenerators() {}

    static final List<String> NAMES = List.of("Upgrade", "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version",
            "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions", "Origin", "Cookie", "User-Agent", "X-Custom",
            "Sec-WebSocket-Accept", "Cache-Control", "x", "A!#$%&'*+-.^_`|~9");
    static final String VALUE_CHARS = " \tabcXYZ019=;,\"/:@!~\u00e9\u00ff";
    static final String PATH_CHARS = "abz09-._~!$&'()*+,;=:@/%?";

    /** Strings of {@code min..max} characters drawn from {@code alphabet}. */
    static Gen<String> stringFrom(String alphabet, int min, int max) {
        return lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(min, max).map(idx -> {
            StringBuilder s = new StringBuilder();
            idx.forEach(i -> s.append(alphabet.charAt(i)));
            return s.toString();
        });
    }

    /** A field name from {@link #NAMES} with letters flipped to the other case by a mask. */
    static Gen<String> names(List<String> pool) {
        return Generate.pick(pool).zip(integers().between(0, 0xFFFF), (name, mask) -> {
            StringBuilder s = new StringBuilder(name);
            for (int i = 0; i < s.length() && i < 16; i++) {
                if ((mask & (1 << i)) != 0) {
                    char c = s.charAt(i);
                    s.setCharAt(i, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                }
            }
            return s.toString();
        });
    }

    static Gen<String> values() {
        return stringFrom(VALUE_CHARS, 0, 24).map(HttpChars::trimOws);
    }

    static Gen<List<HeaderField>> fields(List<String> pool, int max) {
        return lists().of(names(pool).zip(values(), HeaderField::new)).ofSizeBetween(0, max);
    }

    static Gen<String> targets() {
        Gen<String> path = stringFrom(PATH_CHARS, 0, 20).map(p -> "/" + p);
        Gen<String> absolute = Generate.pick(List.of("ws://h", "http://example.com:8080", "WSS://[::1]:9"))
                .zip(path, String::concat);
        return Generate.oneOf(path, absolute);
    }

    /** GET requests with exactly one Host (the parser's own rules) somewhere among the fields. */
    static Gen<RequestHead> requests() {
        Gen<HttpVersion> versions = Generate.pick(List.of(HttpVersion.HTTP_1_1, new HttpVersion(1, 0), new HttpVersion(2, 0)));
        Gen<List<HeaderField>> withHost = fields(NAMES, 10).zip(integers().between(0, 10), names(List.of("Host")),
                (fs, at, host) -> {
                    List<HeaderField> all = new ArrayList<>(fs);
                    all.add(at % (fs.size() + 1), new HeaderField(host, "localhost:8080"));
                    return all;
                });
        return targets().zip(versions, withHost, (t, v, fs) -> new RequestHead("GET", t, v, new Headers(fs)));
    }

    /** Responses with any three-digit status, any reason, any fields. */
    static Gen<ResponseHead> responses() {
        Gen<String> reasons = stringFrom("Switching Protocols OK\t\u00e9", 0, 20).map(HttpChars::trimOws);
        return integers().between(100, 999).zip(reasons, fields(NAMES, 10),
                (s, r, fs) -> new ResponseHead(HttpVersion.HTTP_1_1, s, r, new Headers(fs)));
    }

    /** Seeds for {@link #noisy}. */
    static Gen<Long> noiseSeeds() {
        return longs().all();
    }

    /**
     * The head as a sender might write it: optional whitespace after the colon and before the line
     * end, CRLF or a lone LF per line, up to two empty lines before the start line (RFC 9112 §2.2,
     * §5.1). Same meaning as {@link HeadWriter}'s canonical bytes.
     */
    static byte[] noisy(String canonical, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder();
        for (int i = r.nextInt(3); i > 0; i--) {
            out.append(r.nextBoolean() ? "\r\n" : "\n");
        }
        String[] lines = canonical.split("\r\n", -1);
        for (int i = 0; i < lines.length - 2; i++) {
            String line = lines[i];
            int colon = line.indexOf(": ");
            if (i > 0 && colon > 0) {
                line = line.substring(0, colon) + ":" + ows(r) + line.substring(colon + 2) + ows(r);
            }
            out.append(line).append(r.nextInt(4) == 0 ? "\n" : "\r\n");
        }
        out.append(r.nextInt(4) == 0 ? "\n" : "\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String ows(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "\t";
            default -> " \t ";
        };
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
