package org.wslab.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.wslab.conformance.CaseId;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.RunSummary;
import org.wslab.conformance.report.Baseline;
import org.wslab.conformance.serve.ClientCases;
import org.wslab.conformance.serve.ClientModeServer;
import org.wslab.conformance.serve.StompClientCases;
import org.wslab.lab.common.LabFailure;
import picocli.CommandLine.ParameterException;

/**
 * {@code wslab check --serve PORT}: the conformance checker turned round (Autobahn's
 * "fuzzingserver"). Listens on the loopback PORT, prints the URL to point an echo client at, plays
 * the next selected case against each client that connects (RFC 6455 frames sent unmasked, §5.1;
 * the client's must be masked) and judges it as {@code check URL} judges a server: one progress line
 * per case on stderr, then the same summary, reports, baseline and exit codes. The run ends when every
 * case was played, after {@code --serve-for}, or on Ctrl-C; cases left unplayed make it exit 1, and no
 * client at all within {@code --serve-for} is one line and exit 2 (as no server at URL is). With
 * {@code --suite stomp} the cases are STOMP's ({@link StompClientCases}) and the client a STOMP one.
 */
final class CheckServeMode {
    /** How long the run waits without {@code --serve-for}: in effect until every case was played or Ctrl-C. */
    static final Duration UNTIL_DONE = Duration.ofDays(365);

    private final CheckCommand options;
    /** Where the run listened (the port chosen when --serve is 0), for the no-client line. */
    private String listened;
    /** What the printed URL is for: an echo client, or a STOMP client with {@code --suite stomp}. */
    private String client;

    CheckServeMode(CheckCommand options) {
        this.options = options;
    }

    Integer call() throws IOException {
        PrintWriter out = options.spec.commandLine().getOut();
        if (options.url != null) {
            throw usage("URL and --serve are exclusive: check a server at URL, or serve clients on --serve PORT");
        }
        if (options.serve < 0 || options.serve > 65_535 || options.timeout.isZero() || options.timeout.isNegative()) {
            throw usage("out of range: --serve PORT is 0..65535 and --timeout above 0 (got " + options.serve + ", "
                    + options.timeout + ")");
        }
        boolean stomp = stompSuite();
        List<ConformanceCase> picked = stomp ? StompClientCases.select(options.selection())
                : ClientCases.select(options.selection());
        if (picked.isEmpty()) {
            throw usage("no client-mode " + (stomp ? "stomp" : "websocket") + " case matches --cases '" + options.cases
                    + "' --exclude '" + options.exclude + "' (ids look like " + (stomp ? "stompclient.1.1" : "framing.1.1.1 or "
                    + "client.11.1.1") + "; --serve 0 --list" + (stomp ? " --suite stomp" : "") + " shows them)");
        }
        client = stomp ? "a STOMP client" : "an echo client";
        if (options.list) {
            picked.forEach(c -> out.println(c.id() + "  " + c.title() + "  [" + c.rule().section() + "]"));
            out.flush();
            return ExitCode.OK;
        }
        Optional<ServeTlsOptions.Prepared> tls = tls();
        Baseline before = options.baseline == null ? null : options.readBaseline();
        RunSummary run = play(picked, out, tls);
        if (run.results().isEmpty() && StopSignal.exitCode(ExitCode.OK) == ExitCode.OK) {
            throw new LabFailure("no client connected to " + listened + " within --serve-for "
                    + options.serveFor + " (point " + client + " at the URL printed above)");
        }
        int code = options.conclude(run, before);
        int missing = picked.size() - run.results().size();
        if (missing > 0) {
            Set<CaseId> played = run.results().stream().map(CaseResult::id).collect(Collectors.toSet());
            out.println("check: " + missing + " of " + picked.size() + " cases were not played (no client came for them),"
                    + " e.g. " + picked.stream().filter(c -> !played.contains(c.id())).findFirst().orElseThrow().id());
            out.flush();
            code = ExitCode.CHECK_FAILED;
        }
        return StopSignal.exitCode(code);
    }

    private RunSummary play(List<ConformanceCase> picked, PrintWriter out, Optional<ServeTlsOptions.Prepared> tls)
            throws IOException {
        PrintWriter err = options.spec.commandLine().getErr();
        ClientModeServer.Settings plain = ClientModeServer.Settings.defaults().withCaseTimeout(options.timeout);
        ClientModeServer.Settings settings = tls.map(t -> plain.withTls(t.listener().context())).orElse(plain);
        ClientModeServer server;
        try {
            server = ClientModeServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.serve), picked,
                    settings, (r, done, total) -> {
                        synchronized (err) {
                            err.println("check: " + done + "/" + total + " " + r.id() + " " + r.verdict());
                            err.flush();
                        }
                    });
        } catch (IOException e) {
            throw new LabFailure("cannot listen on 127.0.0.1:" + options.serve + ": " + e.getMessage());
        }
        listened = server.uri().getHost() + ":" + server.uri().getPort();
        try (server; StopSignal.Registration stop = StopSignal.whileRunning(server::stop)) {
            tls.ifPresent(t -> {
                out.println("check: tls: certificate '" + t.listener().certificate().getSubjectX500Principal().getName()
                        + "' (" + t.source() + ")" + t.pem().map(p -> "; its PEM, for the client to trust: " + p).orElse(""));
            });
            out.println("check: serving " + picked.size() + " cases: point " + client + " at " + server.uri()
                    + " once per case (" + server.uri().resolve(ClientModeServer.CASE_PATH) + "ID plays one, "
                    + server.uri().resolve(ClientModeServer.LIST_PATH) + " lists them)");
            out.flush();
            return server.await(options.serveFor == null ? UNTIL_DONE : options.serveFor);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return server.summary();
        }
    }

    /**
     * The TLS of {@code --tls} (RFC 6455 §4.1 (5), the server's side): a self-signed certificate for
     * localhost whose PEM is written for the client to trust. The client-side TLS options belong
     * to checking a {@code wss://} server and are refused here.
     */
    private Optional<ServeTlsOptions.Prepared> tls() {
        if (options.tls.insecure || options.tls.ca != null || !options.tls.versions.isEmpty()) {
            throw usage("--insecure, --ca and --tls-version are for checking a wss:// server; with --serve, --tls "
                    + "makes the client connect over wss://");
        }
        if (!options.serveTls) {
            if (options.certOut != null) {
                throw usage("--cert-out applies to --tls, which is not given");
            }
            return Optional.empty();
        }
        return Optional.of(ServeTlsOptions.selfSigned(options.serve, options.certOut));
    }

    /**
     * Whether {@code --suite stomp} asks for the STOMP client cases: a client that CONNECTs,
     * SUBSCRIBEs, SENDs to its subscription and DISCONNECTs, once per case. There is no probe in
     * this direction — the client comes to us — so without {@code --suite} the cases are RFC 6455's.
     */
    private boolean stompSuite() {
        return options.suiteNamed().name().equals("stomp");
    }

    private ParameterException usage(String line) {
        return new ParameterException(options.spec.commandLine(), line);
    }
}
