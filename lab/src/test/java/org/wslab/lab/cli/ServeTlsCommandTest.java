package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wslab.framing.tls.CertificateText;
import org.wslab.framing.tls.ClientTrust;
import org.wslab.framing.tls.SelfSignedCertificate;
import org.wslab.framing.tls.TlsContexts;
import org.wslab.framing.tls.TrustMaterial;
import org.wslab.lab.server.TestTls;

/**
 * {@code wslab serve --tls} in-process on both engines (RFC 6455 §10.6 over TLS, RFC 8446): the banner
 * of a generated certificate (its PEM, fingerprint and the command to try), a PKCS#12 key store, and
 * every bad TLS option or key store as one line with exit 2. The clients are the JDK's own HTTP and
 * WebSocket clients, trusting only what the banner points at.
 */
class ServeTlsCommandTest {
    private static final Pattern WSS_ECHO = Pattern.compile("wss://127\\.0\\.0\\.1:(\\d+)/websocket/echo");
    private static final Pattern PEM = Pattern.compile("tls: PEM written to (\\S+)");
    private static final Pattern FINGERPRINT = Pattern.compile("tls: SHA-256 fingerprint ([0-9A-F:]{95})");

    @TempDir
    Path dir;

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), pattern + " in:\n" + text);
        return m.group(1);
    }

    /** Sends {@code text} to the echo at {@code wss} with the JDK's WebSocket client and returns the echo. */
    private static String jdkEcho(URI wss, SSLContext trust, String text) throws Exception {
        CompletableFuture<String> echoed = new CompletableFuture<>();
        StringBuilder parts = new StringBuilder();
        WebSocket ws = HttpClient.newBuilder().sslContext(trust).build().newWebSocketBuilder()
                .buildAsync(wss, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        parts.append(data);
                        if (last) {
                            echoed.complete(parts.toString());
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        ws.sendText(text, true).get(10, TimeUnit.SECONDS);
        String back = echoed.get(10, TimeUnit.SECONDS);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        return back;
    }

    // no key store: a certificate is generated, its PEM written; the banner's fingerprint is the
    // PEM's, the try line is exact, and a client trusting only that PEM gets the index and an echo
    @ParameterizedTest
    @ValueSource(strings = {"jetty", "wslab"})
    void aGeneratedCertificateIsPrintedWithItsPemAndTheCommandToTry(String engine) throws Exception {
        try (RunningServe serve = new RunningServe("--engine", engine, "--tls", "--tls-port", "0")) {
            String out = serve.out();
            int tlsPort = Integer.parseInt(find(WSS_ECHO, out));
            Path pem = Path.of(find(PEM, out));
            assertTrue(out.contains(" engine listening on http://127.0.0.1:" + serve.port() + "/ and https://127.0.0.1:"
                    + tlsPort + "/"), out);
            assertTrue(out.contains("  wss://127.0.0.1:" + tlsPort + "/websocket/app "), out);
            assertTrue(out.contains("tls: try ./wslab echo --ca " + pem + " wss://127.0.0.1:" + tlsPort
                    + "/websocket/echo\n".replace("\n", System.lineSeparator())), out);
            assertTrue(pem.getFileName().toString().equals("cert.pem")
                    && pem.getParent().getFileName().toString().startsWith("wslab-tls-"), pem.toString());
            ClientTrust.Anchors trust = (ClientTrust.Anchors) TrustMaterial.caFile(pem, new char[0]);
            X509Certificate served = (X509Certificate) trust.anchors().getCertificate(trust.anchors().aliases().nextElement());
            assertEquals(CertificateText.sha256(served), find(FINGERPRINT, out));

            SSLContext client = TlsContexts.client(trust);
            assertEquals("over TLS", jdkEcho(URI.create("wss://127.0.0.1:" + tlsPort + "/websocket/echo"), client, "over TLS"));
            HttpResponse<String> index = HttpClient.newBuilder().sslContext(client).build().send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + tlsPort + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("wss://127.0.0.1:" + tlsPort + "/websocket/echo"), index.body());
            assertEquals(ExitCode.OK, serve.stop());
            assertEquals("", serve.data(), "nothing on stdout without --log");
        }
    }

    @Test
    void certOutWritesThePemWhereAsked() throws Exception {
        Path pem = dir.resolve("served.pem");
        try (RunningServe serve = new RunningServe("--tls", "--tls-port", "0", "--cert-out", pem.toString())) {
            assertEquals(pem.toAbsolutePath().toString(), find(PEM, serve.out()));
            assertTrue(Files.readString(pem).startsWith("-----BEGIN CERTIFICATE-----"));
            assertEquals(ExitCode.OK, serve.stop());
        }
    }

    // a PKCS#12 (RFC 7292) or JKS key store written to a file: its certificate is the one presented
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"jetty, PKCS12", "wslab, PKCS12", "wslab, JKS"})
    void aKeyStoreFileIsServed(String engine, String type) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.forLocalhost();
        Path store = dir.resolve("server." + type.toLowerCase(java.util.Locale.ROOT));
        char[] password = "s3cret".toCharArray();
        KeyStore keys = KeyStore.getInstance(type);
        keys.load(null, null);
        keys.setKeyEntry("server", certificate.privateKey(), password,
                new java.security.cert.Certificate[] {certificate.certificate()});
        try (OutputStream file = Files.newOutputStream(store)) {
            keys.store(file, password);
        }
        try (RunningServe serve = new RunningServe("--engine", engine, "--tls", "--tls-port", "0",
                "--keystore", store.toString(), "--keystore-password", "s3cret")) {
            String out = serve.out();
            assertTrue(out.contains("tls: key store " + store.toAbsolutePath() + ": certificate "), out);
            assertEquals(certificate.sha256Fingerprint(), find(FINGERPRINT, out));
            assertTrue(!out.contains("PEM written"), out);
            int tlsPort = Integer.parseInt(find(WSS_ECHO, out));
            SSLContext client = TestTls.clientContext(certificate.certificate());
            assertEquals("keyed", jdkEcho(URI.create("wss://127.0.0.1:" + tlsPort + "/websocket/echo"), client, "keyed"));
            assertEquals(ExitCode.OK, serve.stop());
        }
    }

    // TlsSetupException's one line for each key store that cannot be used
    @Test
    void keyStoresThatCannotBeUsedAreOneLine() throws Exception {
        Path store = dir.resolve("server.p12");
        try (OutputStream file = Files.newOutputStream(store)) {
            SelfSignedCertificate.forLocalhost().keyStore("right".toCharArray()).store(file, "right".toCharArray());
        }
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a key store\n");
        KeyStore certOnly = KeyStore.getInstance("PKCS12");
        certOnly.load(null, null);
        certOnly.setCertificateEntry("ca", SelfSignedCertificate.forLocalhost().certificate());
        Path noKey = dir.resolve("trust.p12");
        try (OutputStream file = Files.newOutputStream(noKey)) {
            certOnly.store(file, "pw".toCharArray());
        }
        String[][] cases = {
            {dir.resolve("missing.p12").toString(), "x", "does not exist"},
            {store.toString(), "wrong", "wrong password"},
            {text.toString(), "x", "not a PKCS#12 or JKS store"},
            {noKey.toString(), "pw", "holds no key entry"},
        };
        for (String[] c : cases) {
            CliRun run = CliRun.of("serve", "--port", "0", "--tls", "--tls-port", "0", "--keystore", c[0],
                    "--keystore-password", c[1]);
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(run.err().contains(c[2]) && run.err().contains(c[0]), run.toString());
            assertTrue(run.out().isEmpty(), run.toString());
        }
    }

    @Test
    void tlsOptionsThatDoNotGoTogetherAreUsageErrors() {
        for (String[] args : new String[][] {
            {"serve", "--port", "0", "--tls-port", "0"},
            {"serve", "--port", "0", "--keystore", "server.p12"},
            {"serve", "--port", "0", "--cert-out", "cert.pem"},
            {"serve", "--port", "0", "--tls", "--keystore-password", "pw"},
            {"serve", "--port", "0", "--tls", "--keystore", "server.p12", "--cert-out", "cert.pem"},
            {"serve", "--port", "0", "--tls", "--tls-port", "65536"},
            {"serve", "--port", "9443", "--tls", "--tls-port", "9443"},
        }) {
            CliRun run = CliRun.of(args);
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(run.out().isEmpty(), run.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "wslab"})
    void aTlsPortInUseIsOneLine(String engine) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("serve", "--engine", engine, "--port", "0", "--tls",
                    "--tls-port", String.valueOf(taken.getLocalPort()));
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(run.err().contains("cannot listen on") && run.err().contains(":" + taken.getLocalPort()),
                    run.err());
        }
    }
}
