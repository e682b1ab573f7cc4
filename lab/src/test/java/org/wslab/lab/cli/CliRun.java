package org.wslab.lab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/**
 * One in-process run of the {@code wslab} command line with captured stdout and stderr, as the
 * process would produce them.
 */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code args} to completion. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Asserts the error convention (DESIGN.md, "Command line conventions"): exit {@code code} and
     * exactly one stderr line, {@code wslab: …}, with no stack trace in it.
     */
    CliRun assertOneErrorLine(int code) {
        org.junit.jupiter.api.Assertions.assertEquals(code, exitCode, toString());
        org.junit.jupiter.api.Assertions.assertEquals(1, errLines().size(), toString());
        org.junit.jupiter.api.Assertions.assertTrue(err.startsWith("wslab: ") && !err.contains("\tat "), toString());
        return this;
    }

    /** The stderr lines, without a trailing empty one. */
    List<String> errLines() {
        return err.isEmpty() ? List.of() : Arrays.asList(err.split("\r?\n"));
    }

    /** The stdout lines. */
    List<String> outLines() {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\r?\n"));
    }

    /**
     * The annotated head line that starts with {@code prefix}, joined with its annotation when a long
     * line put that on the next line ({@code TextReport} keeps the annotation column straight); empty
     * when no line starts so.
     */
    String headLine(String prefix) {
        List<String> lines = outLines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                boolean wrapped = i + 1 < lines.size() && lines.get(i + 1).startsWith("   ")
                        && !lines.get(i + 1).isBlank();
                return wrapped ? lines.get(i) + " " + lines.get(i + 1).strip() : lines.get(i);
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
