package org.wslab.conformance;

import java.util.Set;
import java.util.TreeSet;

/** How a conforming server ends the case once its {@link Reply replies} are in. */
public sealed interface Ending {
    /** The close code a Close frame without a body stands for (§7.1.5, "no status code"). */
    int NO_CODE = 1005;

    /** What a conforming server does, in words. */
    String describe();

    /**
     * We start the closing handshake with Close 1000; the server MUST answer with a Close
     * (RFC 6455 §5.5.1) and should echo the code.
     */
    record CloseNormally() implements Ending {
        @Override
        public String describe() {
            return "answers our Close 1000 with a Close (§5.5.1)";
        }
    }

    /**
     * The case's frames already held our Close; the server MUST answer it with a Close
     * (§5.5.1), with a code in {@code codes} for OK.
     */
    record AwaitClose(Set<Integer> codes) implements Ending {
        public AwaitClose {
            codes = Set.copyOf(codes);
        }

        @Override
        public String describe() {
            return "answers our Close with a Close " + codesText(codes) + " (§5.5.1)";
        }
    }

    /**
     * The server MUST fail the connection (§7.1.7) on what the case sent, and SHOULD send a Close
     * with a code in {@code codes} first; closing TCP without one is non-strict.
     */
    record FailConnection(Set<Integer> codes) implements Ending {
        public FailConnection {
            codes = Set.copyOf(codes);
        }

        @Override
        public String describe() {
            return "fails the connection (§7.1.7), with a Close " + codesText(codes);
        }
    }

    /** The codes as text, "1002" or "1000 or 1005 (no code)". */
    static String codesText(Set<Integer> codes) {
        StringBuilder b = new StringBuilder();
        for (int c : new TreeSet<>(codes)) {
            b.append(b.length() == 0 ? "" : " or ").append(c == NO_CODE ? "without a code" : String.valueOf(c));
        }
        return b.toString();
    }
}
