package org.wslab.stomp.codec;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.wslab.stomp.StompVersion;
import org.wslab.testkit.ByteGens;

/**
 * Generators of STOMP frames that a given version can represent. Header text is drawn from tokens
 * that stress the codec — {@code :}, LF, CR, backslash, space padding, non-ASCII — and shrinks
 * towards short ASCII; bodies are arbitrary octets including NUL (with content-length).
 */
public final class FrameGenerators {
    private static final String[] TOKENS = {"a", "b", "x", "0", "-", "/", ":", "\n", "\r", "\\", " ", "é", "中", "\uD83D\uDE00", "\t"};

    private FrameGenerators() {}

    /** Text of 0..{@code max} tokens (may be empty, padded, or full of specials). */
    public static Gen<String> text(int max) {
        return lists().of(integers().between(0, TOKENS.length - 1)).ofSizeBetween(0, max).map(idx -> {
            StringBuilder sb = new StringBuilder();
            idx.forEach(i -> sb.append(TOKENS[i]));
            return sb.toString();
        });
    }

    /** Headers with arbitrary names and values (never named content-length). */
    public static Gen<List<StompHeader>> headers() {
        return lists().of(text(6).zip(text(10), StompHeader::new)).ofSizeBetween(0, 6)
                .map(l -> l.stream().filter(h -> !h.name().equals("content-length")).toList());
    }

    /** Any frame representable under {@code version}. */
    public static Gen<StompFrame> frames(StompVersion version) {
        Gen<StompCommand> commands = arbitrary().enumValues(StompCommand.class);
        Gen<byte[]> bodies = ByteGens.bytes(0, 48);
        return commands.zip(headers(), bodies, booleans().all(),
                (cmd, hs, body, withLength) -> representable(version, cmd, hs, body, withLength));
    }

    /** Adjusts a drawn frame so that {@code version} can write it (see {@link StompEncoder#check}). */
    static StompFrame representable(StompVersion version, StompCommand cmd, List<StompHeader> hs,
                                    byte[] body, boolean withLength) {
        boolean escaped = version.escapes() && cmd.escapesHeaders();
        List<StompHeader> fixed = new ArrayList<>();
        for (StompHeader h : hs) {
            if (escaped) {
                fixed.add(h);
            } else {
                String name = h.name().replace(":", "").replace("\n", "");
                String value = h.value().replace("\n", "");
                while (value.endsWith("\r")) {
                    value = value.substring(0, value.length() - 1);
                }
                fixed.add(new StompHeader(name, value));
            }
        }
        StompFrame f = new StompFrame(cmd, fixed, new byte[0]);
        if (!cmd.allowsBody() || body.length == 0) {
            return withLength ? f.withBody(new byte[0]) : f;
        }
        boolean hasNul = false;
        for (byte b : body) {
            hasNul |= b == 0;
        }
        return withLength || hasNul ? f.withBody(body) : f.withBodyNoLength(body);
    }

    /** 1..{@code max} frames of one version. */
    public static Gen<List<StompFrame>> frameLists(StompVersion version, int max) {
        return lists().of(frames(version)).ofSizeBetween(1, max);
    }
}
