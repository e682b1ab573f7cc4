package org.wslab.lab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.wslab.framing.engine.FrameListener;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.common.ConnectFailure;
import org.wslab.lab.common.ConnectFailures;
import org.wslab.lab.common.LabFailure;
import org.wslab.lab.report.JsonReport;
import org.wslab.lab.report.TlsReport;
import org.wslab.lab.stomp.client.StompMessagePrinter;
import org.wslab.lab.stomp.client.StompTracePrinter;
import org.wslab.lab.stomp.client.StompWebSocket;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.client.StompClient;
import org.wslab.stomp.client.StompErrorException;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.jetty.StompWireTap;
import org.wslab.stomp.session.ClientConnectOptions;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One {@code wslab stomp} connection on our own engine ({@link StompWebSocket}): opens it
 * (RFC 6455 §4.1 handshake, then STOMP 1.2 "Connecting": CONNECT → CONNECTED), waits on its futures
 * under the command's timeout, and turns what went wrong into the lab's one failure vocabulary — an
 * ERROR frame from the server (STOMP 1.2 "ERROR") is a {@link ServerError}, printed and exit 1; every
 * other failure is a {@link LabFailure} carrying its {@link ConnectFailure} (exit 2): the opening's
 * typed failure, the WebSocket's close, or the STOMP rule the server broke.
 */
final class StompConnector implements AutoCloseable {
    /** How long the closing handshake may take once the command is done (it has printed what it did by then). */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(1);
    private final CommandSpec spec;
    private final StompClientOptions options;
    private final boolean json;
    private final WebSocketUri uri;
    private final Optional<ClientTls> tls;
    private final StompTracePrinter trace;
    private final TracePrinter frames;
    private final PrintWriter traceOut;
    private StompWebSocket socket;
    private Long openedNanos;
    private Long connectedNanos;

    /** A connector for {@code url}; with {@code json} the traces go to stderr so stdout stays JSON. */
    StompConnector(CommandSpec spec, String url, StompClientOptions options, boolean json) {
        this.spec = spec;
        this.options = options;
        this.json = json;
        this.uri = HandshakeCommand.parseUrl(url); // one line naming RFC 6455 §3 for a malformed URL
        this.tls = options.tls.forUri(uri, spec);
        this.traceOut = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        this.trace = options.trace ? new StompTracePrinter(traceOut) : null;
        this.frames = options.traceWebSocket ? new TracePrinter(traceOut) : null;
    }

    /** {@code host:port} of the URL, as failures name it. */
    String where() {
        return ConnectFailures.where(uri);
    }

    /**
     * Opens the WebSocket and the STOMP session; returns the client once CONNECTED came. Prints the
     * TLS line on stderr, and with {@code announce} the {@code connected to} line too — or, with
     * {@code statusAsJson}, both as event lines on stdout.
     */
    StompClient connect(boolean announce, boolean statusAsJson) {
        long start = System.nanoTime();
        ClientConnectOptions connect = ClientConnectOptions.DEFAULT.withHost(uri.host())
                .withHeartBeat(options.heartBeat(spec)).withLogin(options.login, options.passcode);
        try {
            socket = StompWebSocket.open(new StompWebSocket.Settings(uri, tls,
                    frames == null ? FrameListener.NONE : frames, trace == null ? StompWireTap.NONE : trace,
                    StompLimits.DEFAULT, options.replyTimeout()), e -> {
                        if (frames != null) {
                            frames.handshake(e);
                        }
                    });
            openedNanos = System.nanoTime() - start;
            await(socket.connect(connect), "CONNECTED from");
            connectedNanos = System.nanoTime() - start - openedNanos;
        } catch (RuntimeException e) {
            if (trace != null) {
                trace.failed();
            }
            throw e;
        }
        StompClient client = socket.client();
        if (trace != null) {
            trace.connected(client.version());
        }
        status(announce, statusAsJson);
        return client;
    }

    private void status(boolean announce, boolean statusAsJson) {
        long[] beats = socket.client().heartBeatMillis();
        String sub = socket.subProtocol().orElse(null);
        if (statusAsJson) {
            socket.tls().ifPresent(t -> {
                ObjectNode line = JsonReport.object().put("event", "tls");
                line.set("tls", TlsReport.json(t));
                println(spec.commandLine().getOut(), line.toString());
            });
            ObjectNode line = JsonReport.object().put("event", "connected").put("url", uri.toString())
                    .put("version", socket.client().version().text()).put("subProtocol", sub);
            line.putObject("heartBeat").put("sendMs", beats[0]).put("expectMs", beats[1]);
            println(spec.commandLine().getOut(), line.toString());
        } else {
            PrintWriter err = spec.commandLine().getErr();
            socket.tls().ifPresent(t -> {
                if (trace != null) {
                    println(traceOut, TlsReport.traceLine(t)); // where the trace is
                } else if (!json) {
                    println(err, TlsReport.line(t));
                }
            });
            if (announce && !json) {
                println(err, "connected to " + uri + ": STOMP " + socket.client().version().text() + " (sub-protocol "
                    + (sub == null ? "none" : sub) + "), heart-beat " + beats[0] + "," + beats[1] + " ms");
            }
        }
    }

    private static void println(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }

    /** What TLS agreed, under {@code wss://}. */
    Optional<TlsFacts> tlsFacts() {
        return socket == null ? Optional.empty() : socket.tls();
    }

    /** The STOMP version CONNECTED named (STOMP 1.2 "Protocol Negotiation"), once connected. */
    Optional<String> version() {
        return connectedNanos == null ? Optional.empty() : Optional.of(socket.client().version().text());
    }

    /** The sub-protocol the server selected. */
    Optional<String> subProtocol() {
        return socket == null ? Optional.empty() : socket.subProtocol();
    }

    /** The WebSocket handshake's duration, TCP connect and TLS included; null before it ended. */
    Double openMillis() {
        return openedNanos == null ? null : openedNanos / 1e6;
    }

    /** CONNECT to CONNECTED; null before CONNECTED. */
    Double connectedMillis() {
        return connectedNanos == null ? null : connectedNanos / 1e6;
    }

    /** Waits for {@code future} under the reply timeout; {@code what} names it ("the RECEIPT of SEND from"). */
    <T> T await(CompletableFuture<T> future, String what) {
        return await(future, what, options.replyTimeout());
    }

    /** Waits for {@code future} at most {@code wait}; a call refused at once is a usage failure naming the rule. */
    <T> T await(CompletableFuture<T> future, String what, Duration wait) {
        Optional<StompViolation> refused = StompErrorException.refusal(future);
        if (refused.isPresent()) {
            StompViolation v = refused.get();
            throw new LabFailure("cannot send that under STOMP " + v.version().text() + ": " + v.rule() + " ("
                    + v.citation() + "): " + v.detail());
        }
        try {
            return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LabFailure(new ConnectFailure.TimedOut(what, where(), wait, -1), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabFailure("interrupted while waiting for " + what + " " + where(), e);
        } catch (ExecutionException e) {
            throw failure(overtaken(e.getCause(), wait));
        }
    }

    /**
     * A call refused because the session had just ended ({@code NOT_CONNECTED}: an ERROR or a close
     * from the server overtook it) is reported as what ended it, which the client posts once the
     * transport is down (STOMP 1.2 "ERROR": the server closes after it) — waited for at most
     * {@code wait}; any other failure is itself.
     */
    private Throwable overtaken(Throwable cause, Duration wait) {
        if (socket == null || !(cause instanceof StompErrorException s) || s.error() != null || s.violation() == null
                || s.violation().rule() != StompRule.NOT_CONNECTED) {
            return cause;
        }
        try {
            socket.client().closed().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return new StompErrorException("closed", null, null); // a plain end: failure() says how it closed
        } catch (ExecutionException ended) {
            return ended.getCause();
        } catch (TimeoutException stillOpen) {
            return cause; // not ended by the server: the refusal itself is the failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cause;
        }
    }

    /** What a failed future means: a {@link ServerError} for an ERROR frame, else one line of the failure vocabulary. */
    RuntimeException failure(Throwable cause) {
        if (!(cause instanceof StompErrorException s)) {
            return new LabFailure(socket != null ? socket.ending() : new ConnectFailure.ClosedEarly(where(), 0), cause);
        }
        if (s.error() != null) {
            return new ServerError(s.error());
        }
        StompViolation v = s.violation();
        if (socket != null && socket.echoedConnect()) {
            return new LabFailure(new ConnectFailure.Violation(where(), StompRule.WRONG_DIRECTION,
                    "the server sent our own CONNECT frame back: this looks like an echo endpoint, not STOMP (the lab's "
                            + "STOMP endpoint is /websocket/app)", Optional.empty()), s);
        }
        if (v == null || v.rule() == StompRule.CONNECTION_ENDED) {
            return new LabFailure(socket != null ? socket.ending() : new ConnectFailure.ClosedEarly(where(), 0), s);
        }
        return new LabFailure(new ConnectFailure.Violation(where(), v.rule(), v.detail(), Optional.empty()), s);
    }

    /** Prints an ERROR frame (stdout, as text or as a JSON event line) and its message (one stderr line). */
    int report(ServerError error, boolean jsonLine) {
        PrintWriter out = spec.commandLine().getOut();
        if (jsonLine) {
            out.println(StompMessagePrinter.errorEvent(error.frame()));
        } else if (!json) {
            out.print(StompMessagePrinter.text(error.frame()));
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("wslab: the server sent ERROR: " + error.frame().header("message", "(no message header)"));
        err.flush();
        return ExitCode.CHECK_FAILED;
    }

    /**
     * Sends DISCONNECT and waits for its RECEIPT (STOMP 1.2 "DISCONNECT"), at most {@code wait}. If the server
     * already ended the session — an ERROR that overtook us — that ERROR is what is reported, not the refused
     * DISCONNECT.
     */
    void disconnect(Duration wait) {
        if (socket != null) {
            awaitDisconnect(socket.client().disconnect(), wait);
        }
    }

    /**
     * Waits at most {@code wait} for the RECEIPT of a DISCONNECT already sent; the client then starts the
     * closing handshake (1000), which {@link #close()} lets finish.
     */
    void awaitDisconnect(CompletableFuture<StompFrame> receipt, Duration wait) {
        await(receipt, "the RECEIPT of DISCONNECT from", wait);
    }

    /** Lets a closing handshake under way finish (at most {@link #CLOSE_WAIT}), then ends the connection. */
    @Override
    public void close() {
        if (socket != null) {
            socket.awaitEnd(CLOSE_WAIT);
            socket.shutdown();
        }
    }

    /** The server answered with an ERROR frame (STOMP 1.2 "ERROR"). */
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
