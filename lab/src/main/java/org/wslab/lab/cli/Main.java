package org.wslab.lab.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code wslab}: the lab's command line. Subcommands: {@code serve}, {@code handshake},
 * {@code explain}, {@code echo}, {@code stomp}. Conventions (DESIGN.md): {@code --help} everywhere, {@code --json} for machine
 * output, exit 0 all good / 1 a check failed / 2 a usage or connection error, one line on stderr
 * for an error and the stack trace only with {@code --verbose}.
 *
 * <p>Tests and embedders call {@link #commandLine(PrintWriter, PrintWriter)} and
 * {@code execute(args)}; {@link #main} is the same with the process's streams.
 */
@Command(
        name = "wslab",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = "A lab for WebSocket (RFC 6455, RFC 7692) and STOMP over WebSocket.",
        subcommands = {ServeCommand.class, HandshakeCommand.class, ExplainCommand.class, EchoCommand.class,
                StompCli.class, CheckCommand.class, LoadCommand.class, DriveCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "The launcher also runs: bench — the JMH benchmarks against Jetty, Netty and Spring, "
                + "and their report (./wslab bench --help); tour — the book, its examples run live (./wslab tour --help)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all good",
            "1:a check failed (the output names the rule and its section)",
            "2:a usage or connection error (one line on stderr; --verbose adds the stack trace)"
        })
public final class Main implements Runnable {

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On an error, print the stack trace after the one-line message.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is missing");
    }

    /**
     * The configured command line writing to {@code out} and {@code err}, control characters escaped
     * ({@link ControlEscapingWriter}); run it with {@code execute(args)}.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        ErrorReporting errors = new ErrorReporting();
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(new ControlEscapingWriter(out), true));
        cmd.setErr(new PrintWriter(new ControlEscapingWriter(err), true));
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    /** Runs the lab with the process's streams (UTF-8) and exits with the command's code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        StopSignal.install();
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
