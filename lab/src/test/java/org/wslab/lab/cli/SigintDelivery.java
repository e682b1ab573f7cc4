package org.wslab.lab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether a Ctrl-C (SIGINT) can reach a child process here. A job started in the background by a
 * non-interactive shell runs with SIGINT ignored (POSIX, "Shell Execution Environment"), its children
 * inherit that, and the JVM then cannot install a handler — so a test that sends SIGINT skips, saying
 * why, instead of failing on the environment. Read from Linux's {@code /proc/PID/status} {@code SigIgn}
 * mask (bit 1 is SIGINT); elsewhere it is assumed deliverable.
 */
final class SigintDelivery {
    private SigintDelivery() {}

    /** Skips the calling test when process {@code pid} ignores SIGINT. */
    static void assumeDeliverableTo(long pid) {
        Assumptions.assumeFalse(ignored(Path.of("/proc", Long.toString(pid), "status")),
                "SIGINT is ignored in this environment (a background job of a non-interactive shell): "
                        + "Ctrl-C cannot be sent, so this test cannot run here");
    }

    /** Skips the calling test when this JVM, and so every child it starts, ignores SIGINT. */
    static void assumeDeliverable() {
        assumeDeliverableTo(ProcessHandle.current().pid());
    }

    private static boolean ignored(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0b10) != 0;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // no /proc here: assume signals arrive
        }
        return false;
    }
}
