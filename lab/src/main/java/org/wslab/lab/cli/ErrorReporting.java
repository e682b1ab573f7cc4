package org.wslab.lab.cli;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import java.util.Optional;
import org.wslab.lab.common.ConnectFailure;
import org.wslab.lab.common.LabFailure;

/**
 * The one place where errors become output, for every command (DESIGN.md, "Command line
 * conventions"): a usage error or an exception out of a command prints exactly one line on stderr,
 * {@code wslab: <what went wrong>}, and exits {@link ExitCode#USAGE_OR_CONNECTION}; the stack trace
 * follows only with {@code --verbose}. With {@code --json}, stdout also gets the failure as one
 * object ({@link FailureJson}), so a script reading stdout learns why.
 */
final class ErrorReporting implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String line = usageLine(ex, args) + " (see 'wslab " + commandPath(cmd) + "--help')";
        if (jsonRequested(args)) {
            FailureJson.print(cmd.getOut(), commandPath(cmd).strip(), null, "usage", null, line);
        }
        err.println("wslab: " + line);
        if (verboseRequested(args)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCode.USAGE_OR_CONNECTION;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        String line = oneLine(ex);
        if (jsonMatched(parseResult)) {
            Optional<ConnectFailure> typed = ex instanceof LabFailure f ? f.failure() : Optional.empty();
            FailureJson.print(cmd.getOut(), commandPath(cmd).strip(), url(parseResult),
                    typed.map(ConnectFailure::kind).orElse(ex instanceof LabFailure ? "usage" : "unexpected"),
                    typed.flatMap(ConnectFailure::specRule).orElse(null), line);
        }
        err.println("wslab: " + line);
        if (verboseMatched(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCode.USAGE_OR_CONNECTION;
    }

    /** The one line that describes {@code ex} to a person. */
    static String oneLine(Throwable ex) {
        if (ex instanceof LabFailure) {
            return firstLine(ex.getMessage());
        }
        if (ex instanceof ConnectException) {
            return "connection refused (" + firstLine(ex.getMessage()) + "): is a server listening there?";
        }
        if (ex instanceof UnknownHostException) {
            return "unknown host: " + firstLine(ex.getMessage());
        }
        if (ex instanceof NoRouteToHostException) {
            return "no route to host: " + firstLine(ex.getMessage());
        }
        if (ex instanceof SocketTimeoutException) {
            return "timed out: " + firstLine(ex.getMessage());
        }
        if (ex instanceof NoSuchFileException) {
            return "no such file: " + ex.getMessage();
        }
        if (ex instanceof AccessDeniedException) {
            return "cannot read " + ex.getMessage() + ": permission denied";
        }
        String message = ex.getMessage();
        String kind = ex.getClass().getSimpleName();
        return message == null || message.isBlank()
                ? "unexpected " + kind + " (run again with --verbose for the stack trace)"
                : kind + ": " + firstLine(message) + " (run again with --verbose for the stack trace)";
    }

    /**
     * picocli's message, worded like the lab's own ({@code --port: 'x' is not an int}): no
     * "Error: " or "Invalid value for option" prefix, an unknown command named as one.
     */
    private static String usageLine(ParameterException ex, String[] args) {
        String line = firstLine(ex.getMessage());
        if (line.startsWith("Error: ")) {
            line = line.substring("Error: ".length());
        }
        line = line.replaceFirst("^Invalid value for option '([^']+)': ", "$1: ")
                .replaceFirst("^Unknown options?: ", "unknown option ")
                .replaceFirst("^Missing required (parameter|option)s?: ", "missing ")
                .replaceFirst("^Unmatched arguments? from index \\d+: ", "unexpected argument ")
                .replaceFirst("^Unmatched argument at index \\d+: ", "unexpected argument ")
                .replaceFirst("'(-?\\d+)' is not an int", "'$1' is out of range (a whole number from "
                        + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")")
                .replaceFirst("'(-?\\d+)' is not a long", "'$1' is out of range (a whole number from "
                        + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")")
                .replace("' is not an int", "' is not a whole number")
                .replace("' is not a long", "' is not a whole number");
        CommandLine cmd = ex.getCommandLine();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "' (commands: "
                    + String.join(", ", cmd.getSubcommands().entrySet().stream()
                            .filter(c -> !c.getValue().getCommandSpec().usageMessage().hidden())
                            .map(java.util.Map.Entry::getKey).toList()) + ")";
        }
        return line;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static String commandPath(CommandLine cmd) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = cmd; c.getParent() != null; c = c.getParent()) {
            path.insert(0, c.getCommandName() + " ");
        }
        return path.toString();
    }

    private static boolean verboseMatched(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static boolean jsonMatched(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--json")) {
                return true;
            }
        }
        return false;
    }

    private static boolean jsonRequested(String[] args) {
        return java.util.Arrays.asList(args).contains("--json");
    }

    /** The URL (or FILE) argument given on the command line, from the command or a parent of it; null when none. */
    private static String url(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            for (var p : r.matchedPositionals()) {
                if (p.paramLabel().equals("URL") || p.paramLabel().startsWith("FILE")) {
                    Object value = p.getValue();
                    return String.valueOf(value).strip();
                }
            }
        }
        return null;
    }

    private static boolean verboseRequested(String[] args) {
        for (String arg : args) {
            if ("--verbose".equals(arg)) {
                return true;
            }
        }
        return false;
    }
}
