package org.wslab.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Runner;
import org.wslab.conformance.RunSummary;
import org.wslab.conformance.Selection;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.report.Baseline;
import org.wslab.conformance.report.HtmlReport;
import org.wslab.conformance.report.JUnitXmlReport;
import org.wslab.conformance.report.JsonResults;
import org.wslab.framing.tls.ClientTls;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.client.HandshakeSocket;
import org.wslab.lab.common.ConnectFailures;
import org.wslab.lab.common.LabFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wslab check URL}: plays the conformance catalogue (RFC 6455 §5 framing, §5.5 control
 * frames, §5.6/§8.1 UTF-8, §7 closing; or, for a STOMP endpoint, STOMP 1.0-1.2 over WebSocket,
 * see {@link CheckSuite}) against a server at the byte level and reports a verdict
 * per case — OK, NON_STRICT, INFORMATIONAL, UNIMPLEMENTED, FAILED — with the rule each case tests.
 * Progress on stderr, a summary by category on stdout, reports on request; exit 0 when nothing
 * FAILED (with {@code --baseline}: when no verdict changed).
 */
@Command(name = "check", header = "Check a WebSocket server against RFC 6455 (or a STOMP endpoint against STOMP), case by case.",
        description = "Plays each conformance case against URL (a ws:// endpoint that echoes text and binary "
                + "messages, e.g. the lab's /websocket/echo), byte by byte: it sends what a well-behaved client "
                + "would and what it never would (bad RSV bits, reserved opcodes, broken UTF-8 split across "
                + "fragments, oversized control frames, bad close codes), and judges each answer by the rule "
                + "it cites. The h2.* cases then open WebSocket over HTTP/2 (RFC 8441) on the same host and port, "
                + "h2c with prior knowledge; a server without it is UNIMPLEMENTED there. A server that selects a STOMP sub-protocol (e.g. the lab's /websocket/app) gets the "
                + "STOMP cases instead: negotiation, escaping, content-length, heart-beats, receipts, acks, "
                + "transactions, errors and limits.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no case FAILED (with --baseline: no verdict differs from the baseline's)",
            "  1  a case FAILED (or, with --baseline, a verdict changed): each is listed with its rule",
            "  2  a bad option or URL, no server at URL, or an unreadable baseline: one line on stderr",
            "With --serve PORT the roles turn: clients are judged, the same verdicts and exit codes.",
            "Streams: the summary on stdout, progress on stderr."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    TlsOptions tls;

    @Option(names = "--tls", description = "With --serve: speak TLS on PORT, so clients connect to wss://127.0.0.1:PORT/;"
            + " the certificate is self-signed for localhost, 127.0.0.1 and ::1, its PEM written (see --cert-out).")
    boolean serveTls;

    @Option(names = "--cert-out", paramLabel = "FILE", description = "With --serve --tls: where to write the certificate's"
            + " PEM for the client to trust (default: cert.pem in a fresh temporary directory wslab-tls-*).")
    Path certOut;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", description = "The server, ws://HOST:PORT/PATH.")
    String url;

    @Option(names = "--cases", paramLabel = "GLOBS", defaultValue = "",
            description = "Run only these cases: comma-separated globs, e.g. 'framing.*,close.7.1.*' (default: all).")
    String cases;

    @Option(names = "--exclude", paramLabel = "GLOBS", defaultValue = "",
            description = "Leave out these cases, e.g. 'close.7.13.*'.")
    String exclude;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "The longest a case waits for the server (default: ${DEFAULT-VALUE}); a silent server costs it per case.")
    Duration timeout;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Cases in flight at once, 1.." + Runner.Settings.MAX_PARALLELISM + " (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write DIR/index.html (filterable, one page per case with its wire log), DIR/results.json and DIR/junit.xml.")
    Path report;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "A results.json of an earlier run: fail only on cases whose verdict changed.")
    Path baseline;

    @Option(names = "--list", description = "List the selected cases with their rules and exit, without connecting.")
    boolean list;

    @Option(names = "--details", description = "Describe every case that was not OK (expected and observed), not only the FAILED ones.")
    boolean details;

    @Option(names = "--suite", paramLabel = CheckSuite.NAMES,
            description = "The cases to play: websocket (RFC 6455, RFC 7692 and RFC 8441, for an echo endpoint) or stomp (STOMP 1.0-1.2 over "
                    + "WebSocket). Default: stomp when the server selects a STOMP sub-protocol offered in a probe "
                    + "handshake, else websocket (with --list: websocket).")
    String suite;

    @Option(names = "--serve", paramLabel = "PORT", description = "Check a client instead: listen on PORT (0 picks one) and play"
            + " a case against each echo client (with --suite stomp: STOMP client) that connects to ws://127.0.0.1:PORT/"
            + " (or /case/ID; /cases lists them).")
    Integer serve;

    @Option(names = "--serve-for", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --serve: stop after this long even if cases are left (default: when every case was played, or Ctrl-C).")
    Duration serveFor;

    @Override
    public Integer call() throws IOException {
        if (serve != null) {
            return new CheckServeMode(this).call();
        }
        if (serveTls || certOut != null) {
            throw new ParameterException(spec.commandLine(), (serveTls ? "--tls" : "--cert-out") + " applies to --serve"
                    + " (checking clients); to check a TLS server, give its wss:// URL");
        }
        PrintWriter out = spec.commandLine().getOut();
        Selection selection = selection();
        if (list) {
            picked(suiteNamed(), selection).forEach(c -> out.println(c.id() + "  " + c.title() + "  [" + c.rule().section() + "]"));
            out.flush();
            return ExitCode.OK;
        }
        if (url == null) {
            throw new ParameterException(spec.commandLine(), "URL is missing (e.g. ws://127.0.0.1:8080/websocket/echo; or --serve PORT to check clients)");
        }
        if (parallel < 1 || parallel > Runner.Settings.MAX_PARALLELISM || timeout.isZero() || timeout.isNegative()) {
            throw new ParameterException(spec.commandLine(), "out of range: --parallel is 1.."
                    + Runner.Settings.MAX_PARALLELISM + " and --timeout above 0 (got " + parallel + ", " + timeout + ")");
        }
        WebSocketUri uri = HandshakeCommand.parseUrl(url);
        Optional<ClientTls> clientTls = tls.forUri(uri, spec);
        Baseline before = baseline == null ? null : readBaseline();
        URI target = URI.create(uri.toString());
        reachable(uri, clientTls);
        CheckSuite chosen = suite != null ? suiteNamed() : CheckSuite.probe(target, timeout, clientTls);
        List<ConformanceCase> picked = picked(chosen, selection);
        out.println(chosen.line(picked.size()));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        RunSummary run = new Runner(new Runner.Settings(timeout, parallel, clientTls)).run(target, picked, (r, done, total) -> {
            synchronized (err) {
                err.println("check: " + done + "/" + total + " " + r.id() + " " + r.verdict());
                err.flush();
            }
        });
        return conclude(run, before);
    }

    /** Prints the summary, writes the reports and compares with the baseline: the exit code. */
    int conclude(RunSummary run, Baseline before) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        summary(out, run);
        if (report != null) {
            Files.createDirectories(report);
            JsonResults.write(run, report.resolve("results.json"));
            JUnitXmlReport.write(run, report.resolve("junit.xml"));
            out.println("report: " + HtmlReport.write(run, report).toAbsolutePath().normalize()
                    + " (and results.json, junit.xml beside it)");
        }
        int code = run.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        if (before != null) {
            List<Baseline.Change> changes = before.changes(run);
            out.println("baseline: " + before.size() + " cases, " + changes.size() + " changed");
            changes.forEach(c -> out.println("  " + c.line()));
            code = changes.isEmpty() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
        out.flush();
        return code;
    }

    /** The suite {@code --suite} names (websocket without it). */
    CheckSuite suiteNamed() {
        return CheckSuite.named(suite).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--suite is " + CheckSuite.NAMES + ", not '" + suite + "'"));
    }

    /** The cases of {@code chosen} the selection picks; none is a usage error. */
    private List<ConformanceCase> picked(CheckSuite chosen, Selection selection) {
        List<ConformanceCase> picked = chosen.catalogue().select(selection);
        if (picked.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no " + chosen.name() + " case matches --cases '" + cases
                    + "' --exclude '" + exclude + "' (ids look like framing.1.1.1 or stomp.1.1; --list [--suite stomp] shows them)");
        }
        return picked;
    }

    Selection selection() {
        try {
            Selection in = Selection.parse(cases);
            Selection out = Selection.parse(exclude);
            List<String> excludes = new java.util.ArrayList<>(in.excludes());
            excludes.addAll(out.includes());
            excludes.addAll(out.excludes());
            return new Selection(in.includes(), excludes);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--cases/--exclude: " + e.getMessage());
        }
    }

    Baseline readBaseline() {
        try {
            return Baseline.read(baseline);
        } catch (IOException e) {
            throw new LabFailure("cannot use the baseline: " + (e instanceof java.nio.file.NoSuchFileException
                    ? baseline + " does not exist" : e.getMessage()));
        }
    }

    /**
     * One connect first (with its TLS handshake for {@code wss://}), so a server that is not there,
     * or whose certificate is not trusted, is one line, not a FAILED per case.
     */
    private static void reachable(WebSocketUri uri, Optional<ClientTls> clientTls) {
        if (clientTls.isPresent()) {
            HandshakeSocket.connect(new HandshakeSocket.Address(uri.host(), uri.port()), Duration.ofSeconds(5), clientTls).close();
            return;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.host(), uri.port()), 5_000);
        } catch (IOException e) {
            throw new LabFailure(ConnectFailures.io(e, uri.host(), uri.port(), "connecting", Duration.ofSeconds(5), 0).line());
        }
    }

    private void summary(PrintWriter out, RunSummary run) {
        Map<String, Map<Verdict, Integer>> byCategory = new TreeMap<>();
        for (CaseResult r : run.results()) {
            byCategory.computeIfAbsent(r.conformanceCase().category(), k -> new java.util.EnumMap<>(Verdict.class))
                    .merge(r.verdict(), 1, Integer::sum);
        }
        out.printf("%-15s", "category");
        for (Verdict v : Verdict.values()) {
            out.printf(" %13s", v);
        }
        out.println();
        byCategory.forEach((category, counts) -> {
            out.printf("%-15s", category);
            for (Verdict v : Verdict.values()) {
                out.printf(" %13d", counts.getOrDefault(v, 0));
            }
            out.println();
        });
        for (CaseResult r : run.results()) {
            if (r.verdict() == Verdict.FAILED || (details && r.verdict() != Verdict.OK)) {
                out.println();
                out.println(r.describe());
            }
        }
        out.println();
        out.println(run.line());
    }
}
