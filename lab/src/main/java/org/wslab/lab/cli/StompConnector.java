package org.wslab.lab.cli;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.wslab.framing.tls.ClientTls;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.common.JettyWss;
import org.wslab.lab.report.JsonReport;
import org.wslab.lab.report.TlsReport;
import org.wslab.lab.common.DurationText;
import org.wslab.lab.common.LabFailure;
import org.wslab.lab.stomp.client.StompMessagePrinter;
import org.wslab.lab.stomp.client.StompTracePrinter;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.client.StompConnection;
import org.wslab.stomp.jetty.StompWebSocketClient;
import org.wslab.stomp.jetty.StompWireTap;
import org.wslab.stomp.session.ClientConnectOptions;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.client.StompErrorException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * One {@code wslab stomp} connection: opens it (WebSocket handshake, CONNECT → CONNECTED), waits
 * on its futures under the command's timeout, and turns what can go wrong into the lab's exit
 * codes — an ERROR frame from the server (STOMP 1.2 "ERROR") is printed and exits 1 naming its
 * rule; no connection, a refused handshake, a timeout or a dropped connection is one line, exit 2.
 */
final class StompConnector implements AutoCloseable {
    private final CommandSpec spec;
    private final StompClientOptions options;
    private final StompTracePrinter trace;
    private final StompWebSocketClient client;
    private final URI uri;
    private final JettyWss wss;
    private StompConnection connection;

    StompConnector(CommandSpec spec, String url, StompClientOptions options) throws Exception {
        this.spec = spec;
        this.options = options;
        WebSocketUri parsed = HandshakeCommand.parseUrl(url); // one line naming RFC 6455 §3 for a malformed URL
        this.uri = URI.create(url.strip());
        Optional<ClientTls> tls = options.tls.forUri(parsed, spec);
        PrintWriter out = spec.commandLine().getOut();
        this.trace = options.trace ? new StompTracePrinter(out) : null;
        this.wss = JettyWss.start(tls);
        this.client = new StompWebSocketClient(wss.client(), true, StompLimits.DEFAULT, trace == null ? StompWireTap.NONE : trace);
    }

    /** Connects; throws {@link ServerError} for an ERROR instead of CONNECTED, a {@link LabFailure} or I/O exception otherwise. */
    StompConnection connect() {
        return connect(false);
    }

    /**
     * Connects, then for {@code wss://} prints what TLS agreed (RFC 8446 §4): the {@code --trace}
     * banner, a {@code tls:} line, or with {@code json} an {@code {"event":"tls","tls":…}} line.
     */
    StompConnection connect(boolean json) {
        ClientConnectOptions connect = ClientConnectOptions.DEFAULT.withHost(uri.getHost()).withHeartBeat(heartBeat());
        try {
            connection = await(client.connect(uri, connect), "CONNECTED");
        } catch (RuntimeException e) {
            if (trace != null) {
                trace.failed();
            }
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        wss.tls().ifPresent(t -> {
            if (trace != null) {
                out.println(TlsReport.traceLine(t));
            } else if (json) {
                ObjectNode line = JsonReport.object();
                line.put("event", "tls"); // as the subscriber's other event lines
                line.set("tls", TlsReport.json(t));
                out.println(line.toString());
            } else {
                out.println(TlsReport.line(t));
            }
            out.flush();
        });
        if (trace != null) {
            trace.connected(connection.client().version());
        }
        return connection;
    }

    private HeartBeat heartBeat() {
        String[] parts = options.heartBeat.split(",", -1);
        try {
            if (parts.length == 2) {
                return new HeartBeat(Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "--heart-beat must be CX,CY in milliseconds (e.g. 10000,10000), not '"
                + options.heartBeat + "'");
    }

    /** Waits for {@code future} under the reply timeout; {@code what} names it in a timeout line. */
    <T> T await(CompletableFuture<T> future, String what) {
        return await(future, what, options.replyTimeout());
    }

    /** Waits for {@code future} at most {@code wait}. */
    <T> T await(CompletableFuture<T> future, String what, Duration wait) {
        try {
            return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LabFailure("timed out after " + DurationText.format(wait) + " waiting for " + what
                    + " from " + uri + " (--timeout waits longer)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabFailure("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), what);
        }
    }

    /** What a failed future means for the command: a {@link ServerError}, or a one-line exit-2 failure. */
    private static int port(java.net.URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    RuntimeException failure(Throwable cause, String what) {
        Optional<LabFailure> tls = JettyWss.tlsFailure(cause, uri.getHost(), port(uri));
        if (tls.isPresent()) {
            return tls.get();
        }
        if (cause instanceof StompErrorException s && s.error() != null) {
            return new ServerError(s.error());
        }
        if (cause instanceof StompErrorException s) {
            return new LabFailure("the STOMP connection to " + uri + " ended while waiting for " + what + ": "
                    + (s.violation() != null ? s.violation().toString() : s.getMessage()), s);
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return LabFailure.refused(uri.getHost() + ":" + port(uri), cause);
            }
            if (t instanceof UnknownHostException) {
                return LabFailure.unknownHost(uri.getHost(), cause);
            }
            if (t instanceof NoRouteToHostException) {
                return new LabFailure(ErrorReporting.oneLine(t) + " (" + uri + ")", cause);
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UpgradeException u && u.getResponseStatusCode() > 0) {
                return new LabFailure("the WebSocket handshake with " + uri + " was refused: HTTP "
                        + u.getResponseStatusCode() + " (RFC 6455 §4.1: a server accepts only with 101; is this a "
                        + "STOMP endpoint such as /websocket/app?)", cause);
            }
        }
        String message = cause == null ? "unknown failure" : cause.getMessage();
        return new LabFailure("cannot connect to " + uri + ": " + (message == null ? cause.getClass().getSimpleName() : message), cause);
    }

    /** Prints an ERROR frame (stdout, as text) and its rule (one stderr line); the exit code is {@link ExitCode#CHECK_FAILED}. */
    int report(ServerError error) {
        return report(error, false);
    }

    /** Prints an ERROR frame (stdout, as text or as a JSON line) and its rule (one stderr line). */
    int report(ServerError error, boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(StompMessagePrinter.json(error.frame()));
        } else {
            out.print(StompMessagePrinter.text(error.frame()));
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("wslab: the server sent ERROR: " + error.frame().header("message", "(no message header)"));
        err.flush();
        return ExitCode.CHECK_FAILED;
    }

    /** Sends DISCONNECT and waits for its RECEIPT (STOMP 1.2 "DISCONNECT"): an ERROR instead still counts. */
    void disconnect() {
        if (connection != null) {
            await(connection.client().disconnect(), "the RECEIPT of DISCONNECT");
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
        wss.stop();
    }

    /** The server answered with an ERROR frame. */
    static final class ServerError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient StompFrame frame;

        ServerError(StompFrame frame) {
            super("ERROR: " + frame.header("message", ""));
            this.frame = frame;
        }

        StompFrame frame() {
            return frame;
        }
    }
}
