package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code wslab help COMMAND} prints what {@code wslab COMMAND --help} does; an unknown one is a usage error. */
class HelpCommandTest {
    @Test
    void helpForACommandIsItsUsage() {
        CliRun help = CliRun.of("help", "echo");
        assertEquals(0, help.exitCode(), help.toString());
        assertEquals(CliRun.of("echo", "--help").out(), help.out());
        assertTrue(help.out().contains("--ca"), help.out());
    }

    @Test
    void helpAloneListsTheCommands() {
        CliRun help = CliRun.of("help");
        assertEquals(0, help.exitCode(), help.toString());
        assertTrue(help.out().contains("serve") && help.out().contains("explain") && help.out().contains("help"),
                help.out());
    }

    @Test
    void helpForAnUnknownCommandIsOneLine() {
        CliRun.of("help", "nope").assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
    }
}
