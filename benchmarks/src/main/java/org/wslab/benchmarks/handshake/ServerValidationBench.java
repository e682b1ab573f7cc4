package org.wslab.benchmarks.handshake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.wslab.benchmarks.Agreement;
import org.wslab.benchmarks.Measures;
import org.wslab.handshake.AcceptKey;
import org.wslab.handshake.ServerDecision;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;
import org.wslab.handshake.SubprotocolPolicy;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.RequestHeadParser;

/**
 * The server's half of the opening handshake once the head is parsed (RFC 6455 §4.2.1–4.2.2):
 * check every request rule, compute {@code Sec-WebSocket-Accept}, choose a STOMP sub-protocol,
 * negotiate permessage-deflate (RFC 7692 §5–7) and write the 101 response's bytes.
 *
 * <p>Only {@code wslab} is measured. The comparable Jetty 12 code,
 * {@code RFC6455Handshaker.upgradeRequest} with its {@code RFC6455Negotiation}, takes Jetty's
 * server {@code Request}, {@code Response} and {@code Callback}, reads the request from a live
 * {@code ConnectionMetaData}/{@code HttpChannel} and writes the 101 through the connection: it
 * is not reachable without running a server, and a benchmark that did would time the server, not
 * the validation. Netty's {@code WebSocketServerHandshaker13} likewise answers on a
 * {@code Channel} pipeline with its HTTP encoder. The end-to-end suite compares the whole upgrade.
 */
@Measures(suite = "Handshake", title = "validate a request and build the 101 response", spec = "RFC 6455 §4.2.1–4.2.2")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ServerValidationBench {
    @Param({"notes", "browser"})
    public String request;

    private final ServerHandshake server = new ServerHandshake(ServerPolicy.defaults()
            .withSubprotocols(SubprotocolPolicy.SERVER_PREFERENCE, "v12.stomp", "v11.stomp", "v10.stomp"));
    /** The parsed request; package-private so the test can swap in another. */
    RequestHead head;

    /** A 101 with the accept value of the JDK's own SHA-1 and Base64, v12.stomp and permessage-deflate. */
    @Setup
    public void agree() throws NoSuchAlgorithmException {
        ParseResult<RequestHead> parsed = RequestHeadParser.parse(HandshakeRequests.of(request));
        Agreement.require(parsed instanceof ParseResult.Parsed<RequestHead>, "the request does not parse: " + parsed);
        head = ((ParseResult.Parsed<RequestHead>) parsed).head();
        check();
    }

    /** The checks of {@link #agree()} on the current {@link #head}. */
    void check() throws NoSuchAlgorithmException {
        ServerDecision d = server.respond(head);
        Agreement.require(d instanceof ServerDecision.Accept, "refused: " + d);
        ServerDecision.Accept a = (ServerDecision.Accept) d;
        String key = head.headers().first("Sec-WebSocket-Key").orElseThrow();
        byte[] digest = MessageDigest.getInstance("SHA-1")
                .digest((key + AcceptKey.GUID).getBytes(StandardCharsets.US_ASCII));
        Agreement.same("Sec-WebSocket-Accept", Base64.getEncoder().encodeToString(digest),
                a.response().headers().first("Sec-WebSocket-Accept").orElse(""));
        Agreement.same("sub-protocol", "v12.stomp", a.subprotocol().orElse(""));
        Agreement.require(a.deflateParameters().isPresent(), "permessage-deflate was not accepted");
        String text = new String(wslab(), StandardCharsets.ISO_8859_1);
        Agreement.require(text.startsWith("HTTP/1.1 101 ") && text.endsWith("\r\n\r\n"), "not a 101 head: " + text);
    }

    @Benchmark
    public byte[] wslab() {
        return server.respond(head).bytes();
    }
}
