package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wslab.framing.tls.SelfSignedCertificate;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabServer;

/**
 * {@code wslab check wss://…}: the same byte-level cases inside TLS (RFC 6455 §4.1 (5), RFC 8446)
 * against the lab's TLS listener on each engine, trusted with {@code --ca}; the STOMP suite found
 * by its probe over TLS too; a certificate nobody trusts is one line and exit 2, not a FAILED per
 * case; {@code --insecure} checks with a loud warning; TLS options on a {@code ws://} URL are a
 * usage error.
 */
class CheckTlsTest {
    private static final SelfSignedCertificate CERT = SelfSignedCertificate.forLocalhost();
    /** Framing, reserved bits, opcodes, close codes and the key's handshake rules: what TLS might disturb. */
    private static final String CASES = "framing.*,rsv.*,opcodes.*,close.7.1.*,handshake.0.1.*,limits.9.3.1";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theCasesPassInsideTlsOnBothEngines(Engine engine, @TempDir Path dir) throws Exception {
        try (LabServer server = TlsFixtures.server(engine, CERT)) {
            String ca = CERT.writePem(dir.resolve("cert.pem")).toString();
            CliRun run = CliRun.of("check", "--ca", ca, "--cases", CASES, "--parallel", "4",
                    TlsFixtures.wss(server, "/websocket/echo"));
            assertEquals(ExitCode.OK, run.exitCode(), run.toString());
            assertTrue(run.out().contains("FAILED 0") && run.out().contains("suite: websocket"), run.out());
            CliRun stomp = CliRun.of("check", "--ca", ca, "--cases", "stomp.1.*", TlsFixtures.wss(server, "/websocket/app"));
            assertEquals(ExitCode.OK, stomp.exitCode(), stomp.toString());
            assertTrue(stomp.out().contains("suite: stomp") && stomp.out().contains("selected sub-protocol"), stomp.out());
        }
    }

    /**
     * RFC 8441 inside TLS: h2 by ALPN (RFC 9113 §3.2) on the Jetty engine's TLS port, every h2 case OK;
     * our engine's TLS agrees HTTP/1.1 only, so every h2 case is UNIMPLEMENTED, saying so.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void theHttp2CasesRideAlpnH2OnJettyOnly(Engine engine, @TempDir Path dir) throws Exception {
        try (LabServer server = TlsFixtures.server(engine, CERT)) {
            String ca = CERT.writePem(dir.resolve("cert.pem")).toString();
            CliRun run = CliRun.of("check", "--ca", ca, "--cases", "h2.*", "--details", "--report",
                    dir.resolve("report").toString(), TlsFixtures.wss(server, "/websocket/echo"));
            assertEquals(ExitCode.OK, run.exitCode(), run.toString());
            boolean jetty = engine == Engine.JETTY;
            assertTrue(run.out().contains(jetty ? "OK 18," : "UNIMPLEMENTED 18,"), run.out());
            assertTrue(jetty || run.out().contains("no h2 by ALPN"), run.out());
            if (jetty) { // RFC 8441 §5: the CONNECT of a wss:// WebSocket names the scheme https
                String page = Files.readString(dir.resolve("report/cases/h2.8441.5.7.html"));
                assertTrue(page.contains(":scheme: https") && !page.contains(":scheme: http\n"), page);
            }
        }
    }

    @Test
    void anUntrustedCertificateIsOneLineNotAFailurePerCase() throws Exception {
        try (LabServer server = TlsFixtures.jetty(CERT)) {
            CliRun run = CliRun.of("check", "--cases", "framing.*", TlsFixtures.wss(server, "/websocket/echo"));
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(run.err().contains("certificate is not trusted") && run.err().contains("--ca FILE"), run.err());

            CliRun insecure = CliRun.of("check", "--insecure", "--cases", "framing.1.1.*", TlsFixtures.wss(server, "/websocket/echo"));
            assertEquals(ExitCode.OK, insecure.exitCode(), insecure.toString());
            assertTrue(insecure.err().contains("WARNING --insecure"), insecure.err());
        }
    }

    @Test
    void tlsOptionsOnAPlainUrlAreAUsageError(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "");
        CliRun.of("check", "--ca", ca.toString(), "ws://127.0.0.1:1/").assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        CliRun.of("check", "--insecure", "ws://127.0.0.1:1/").assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
    }
}
