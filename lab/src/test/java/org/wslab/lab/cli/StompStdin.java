package org.wslab.lab.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** An in-process {@code wslab} run with {@code input} as its standard input ({@code stomp send DEST -}). */
final class StompStdin {
    private StompStdin() {}

    /** Runs {@code args} with {@code input} on {@link System#in}, restored afterwards. */
    static synchronized CliRun run(byte[] input, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(saved);
        }
    }
}
