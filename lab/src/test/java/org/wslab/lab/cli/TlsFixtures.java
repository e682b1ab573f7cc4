package org.wslab.lab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.wslab.framing.tls.SelfSignedCertificate;
import org.wslab.framing.tls.TlsContexts;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.lab.server.TestTls;

/**
 * TLS peers for the client commands' {@code wss://} tests (RFC 6455 §4.1 (5), RFC 8446): the lab
 * server on Jetty with a TLS listener, certificates that are expired or name another host (RFC
 * 5280 §4.1.2.5, RFC 6125 §6), and raw sockets that misbehave the ways a wrong URL does: a plain
 * HTTP server, a server that hangs up mid-handshake, a TLS server limited to TLS 1.2.
 */
final class TlsFixtures {
    private TlsFixtures() {
    }

    /** A certificate for 127.0.0.1 and localhost that expired yesterday. */
    static SelfSignedCertificate expired() {
        Instant now = Instant.now();
        return SelfSignedCertificate.generate("localhost", List.of("localhost"), List.of("127.0.0.1"),
                now.minus(30, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
    }

    /** A valid certificate naming only {@code other.example}. */
    static SelfSignedCertificate otherHost() {
        Instant now = Instant.now();
        return SelfSignedCertificate.generate("other.example", List.of("other.example"), List.of(),
                now.minus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS));
    }

    /** The lab server on Jetty, plain and TLS ({@code cert}) listeners on free ports. */
    static LabServer jetty(SelfSignedCertificate cert) throws Exception {
        return server(Engine.JETTY, cert);
    }

    /** The lab server on {@code engine}, plain and TLS ({@code cert}) listeners on free ports. */
    static LabServer server(Engine engine, SelfSignedCertificate cert) throws Exception {
        return LabServers.start(engine, LabServerConfig.defaults().withAddress("127.0.0.1", 0)
                .withTls(TestTls.listener(cert)), EndpointRegistry.defaults());
    }

    /** {@code wss://127.0.0.1:tlsPort/path} of {@code server}. */
    static String wss(LabServer server, String path) {
        return "wss://127.0.0.1:" + server.tlsPort().orElseThrow() + path;
    }

    /** A socket server that runs {@code each} on every connection, one at a time, until closed. */
    static final class Peer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        Peer(ServerSocket socket, Consumer<Socket> each) {
            this.socket = socket;
            this.thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        each.accept(s);
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "tls-fixture");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5_000);
        }
    }

    /** Answers anything with {@code HTTP/1.1 400 Bad Request}: a plain HTTP server. */
    static Peer plainHttp() throws IOException {
        return new Peer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), s -> {
            try {
                s.getInputStream().read(new byte[4096]);
                OutputStream out = s.getOutputStream();
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException ignored) {
                // the client hung up first
            }
        });
    }

    /**
     * Reads the first octets of the ClientHello (RFC 8446 §5.1), waits a moment and closes: a peer
     * that ends the connection mid-handshake.
     */
    static Peer hangsUp() throws IOException {
        return new Peer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), s -> {
            try {
                s.getInputStream().read(new byte[5]);
                Thread.sleep(200);
            } catch (IOException ignored) {
                // closing anyway
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** A TLS server presenting {@code cert} that speaks only {@code versions}. */
    static Peer tlsOnly(SelfSignedCertificate cert, String... versions) throws IOException {
        SSLServerSocket server = (SSLServerSocket) TlsContexts.server(cert).getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setEnabledProtocols(versions);
        return new Peer(server, s -> {
            try {
                ((SSLSocket) s).startHandshake();
                s.getInputStream().read(new byte[4096]);
            } catch (IOException ignored) {
                // the client's handshake failed: the point of the test
            }
        });
    }
}
