package org.wslab.lab.server.watch;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.engine.OpeningRule;
import org.wslab.framing.trace.FrameTrace;
import org.wslab.handshake.spec.SpecRule;

/**
 * The wording of {@code serve --log} and {@code --trace}, one place for both engines:
 * <pre>
 * #12 127.0.0.1:51544 GET /websocket/app → 101 (sub-protocol v12.stomp, permessage-deflate)
 * #13 127.0.0.1:51545 GET /websocket/echo → 403 ORIGIN_ALLOWED (RFC 6455 §4.2.2 (4): …)
 * #12 closed 1000 (normal closure) after 3.2 s, 5 messages in / 5 out
 * #12 → client frame 1: TEXT masked, 11 bytes on the wire
 * #12     81                FIN=1 RSV=000 opcode=0x1 (TEXT)
 * </pre>
 * {@code →} is client to server, {@code ←} server to client, as in the client's {@code --trace}.
 */
public final class WatchLines {
    /** Payload bytes a frame dump shows before it is cut. */
    public static final int TRACE_PAYLOAD_BYTES = 64;

    private WatchLines() {
    }

    /** {@code 127.0.0.1:51544}, {@code [::1]:51544}, or {@code ?} when unknown. */
    public static String address(InetSocketAddress remote) {
        if (remote == null) {
            return "?";
        }
        String host = remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        return (remote.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + remote.getPort();
    }

    /** The 101 line. */
    static String accepted(long id, String remote, String request, Optional<String> subprotocol, List<String> extensions) {
        StringBuilder agreed = new StringBuilder();
        subprotocol.ifPresent(p -> agreed.append("sub-protocol ").append(p));
        for (String e : extensions) {
            agreed.append(agreed.length() == 0 ? "" : ", ").append(e);
        }
        return "#" + id + " " + remote + " " + request + " → 101" + (agreed.length() == 0 ? "" : " (" + agreed + ")");
    }

    /** A refusal or plain answer naming its rule. */
    static String answered(long id, String remote, String request, int status, SpecRule rule, String detail) {
        return "#" + id + " " + remote + " " + request + " → " + status + " " + rule.name() + " (" + cite(rule, detail) + ")";
    }

    /** An answer whose rule the engine does not say (Jetty's own refusals): the status and its reason, honestly. */
    static String answeredUnnamed(long id, String remote, String request, int status, String reason, String engine) {
        return "#" + id + " " + remote + " " + request + " → " + status + " " + reason + " (" + engine
                + "'s own answer; it names no rule)";
    }

    /** The handshake ended with no answer (timeout, the peer left, TLS failed). */
    static String ended(long id, String remote, SpecRule rule, String detail) {
        return "#" + id + " " + remote + " ended before a handshake: " + rule.name() + " (" + cite(rule, detail) + ")";
    }

    /** The 503 of a connection over the limit, before any request was read. */
    static String overLimit(long id, String remote, int limit) {
        return "#" + id + " " + remote + " → 503 " + OpeningRule.MAX_CONNECTIONS.name() + " ("
                + cite(OpeningRule.MAX_CONNECTIONS, "at most " + limit + (limit == 1 ? " connection" : " connections")
                + " at once") + ")";
    }

    /** The end of an open connection: its close code (RFC 6455 §7.1.5), how long it lasted, messages each way. */
    static String closed(long id, int code, String reason, long nanos, long in, long out) {
        String meaning = CloseCode.describe(code).substring(Integer.toString(code).length()).strip();
        return "#" + id + " closed " + code + " (" + meaning + (reason.isEmpty() ? "" : ": " + reason) + ") after "
                + seconds(nanos) + ", " + in + (in == 1 ? " message" : " messages") + " in / " + out + " out";
    }

    /** One frame as a header line and its annotated dump (payload cut at {@link #TRACE_PAYLOAD_BYTES}), each line prefixed. */
    static String frame(long id, boolean fromClient, int n, Frame frame) {
        long wire = FrameEncoder.headerLength(frame.length(), frame.masked()) + (long) frame.length();
        StringBuilder b = new StringBuilder();
        b.append('#').append(id).append(fromClient ? " → client frame " : " ← server frame ").append(n).append(": ")
                .append(frame.opcode()).append(frame.fin() ? "" : " (not final)").append(frame.rsv1() ? " compressed" : "")
                .append(frame.masked() ? " masked" : "").append(", ").append(wire).append(" bytes on the wire");
        for (String line : FrameTrace.render(frame, TRACE_PAYLOAD_BYTES).split("\n")) {
            b.append("\n#").append(id).append("     ").append(line);
        }
        int cut = frame.length() - TRACE_PAYLOAD_BYTES;
        if (cut > 0) {
            b.append("\n#").append(id).append("     … ").append(cut).append(" bytes more");
        }
        return b.toString();
    }

    private static String cite(SpecRule rule, String detail) {
        return detail == null || detail.isEmpty() ? rule.section() + " — " + rule.statement() : rule.section() + ": " + detail;
    }

    /** {@code 3.2 s}: tenths of a second, enough for a human watching. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", Math.max(0, nanos) / 1e9);
    }
}
