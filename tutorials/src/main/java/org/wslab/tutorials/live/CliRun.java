package org.wslab.tutorials.live;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.wslab.lab.cli.Main;

/**
 * One {@code wslab} command run in-process, exactly as the CLI runs it ({@link Main#commandLine}),
 * with what it printed: the transcripts of the book are these outputs, never typed by hand.
 *
 * @param args     the arguments after {@code wslab}
 * @param exitCode the command's exit code (0 good, 1 a rule broken, 2 usage or connection error)
 * @param out      what it printed on stdout
 * @param err      what it printed on stderr
 */
public record CliRun(List<String> args, int exitCode, String out, String err) {
    public CliRun {
        args = List.copyOf(args);
    }

    /** Runs {@code wslab args…} and returns what it did. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = Main.commandLine(o, e).execute(args);
        }
        return new CliRun(List.of(args), code, out.toString(), err.toString());
    }

    /** Fails the chapter unless the command exited with {@code expected}. */
    public CliRun expectExit(int expected) {
        if (exitCode != expected) {
            throw new ChapterFailure("wslab " + String.join(" ", args) + " exited " + exitCode + ", expected "
                    + expected + (err.isBlank() ? "" : ": " + err.lines().findFirst().orElse("")));
        }
        return this;
    }

    /** Fails the chapter unless stdout or stderr contains {@code marker}. */
    public CliRun expectOutput(String marker) {
        if (!out.contains(marker) && !err.contains(marker)) {
            throw new ChapterFailure("wslab " + String.join(" ", args) + " did not print \"" + marker + "\"");
        }
        return this;
    }

    /**
     * The run as a reader types and sees it: {@code $ ./wslab ARGS} with {@code shown} in place of
     * the arguments (so a temporary path reads as a plain file name), stdout, then stderr lines, then
     * the exit code.
     */
    public String transcript(String shown) {
        StringBuilder b = new StringBuilder("$ ./wslab ").append(shown).append('\n').append(out);
        if (!out.isEmpty() && !out.endsWith("\n")) {
            b.append('\n');
        }
        err.lines().forEach(l -> b.append(l).append('\n'));
        return b.append("(exit code ").append(exitCode).append(")\n").toString();
    }
}
