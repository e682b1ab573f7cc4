package org.wslab.conformance.http2;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.wslab.conformance.Action;
import org.wslab.conformance.Dial;
import org.wslab.conformance.Expectation;
import org.wslab.conformance.Finding;
import org.wslab.conformance.FrameScript;
import org.wslab.conformance.Script;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.peer.H2Connect;
import org.wslab.conformance.peer.H2Response;
import org.wslab.conformance.peer.H2Session;
import org.wslab.conformance.peer.H2Stream;

/**
 * A case of WebSocket over HTTP/2 (RFC 8441), played on an HTTP/2 connection ({@link Dial#http2()}) to
 * the target's host and port. A server that speaks no HTTP/2 there, or whose SETTINGS do not enable the
 * extended CONNECT (§3), has not implemented RFC 8441 — an optional extension — so every such case is
 * {@link Verdict#UNIMPLEMENTED} there, with the reason; otherwise {@link #play} runs the case's own steps.
 *
 * @param sends   what the case sends, in words
 * @param expects what a conforming server does, in words
 * @param play    the case's steps on the connection
 */
public record ExtendedConnectScript(String sends, String expects, Play play) implements Script {
    /** The steps of one case on an HTTP/2 connection whose server enabled the extended CONNECT. */
    @FunctionalInterface
    public interface Play {
        Finding play(H2Session session, long deadlineNanos) throws IOException, InterruptedException;
    }

    /** The steps of one case on WebSocket streams already accepted with a 2xx. */
    @FunctionalInterface
    public interface OnStreams {
        Finding play(List<H2Stream> streams, long deadlineNanos) throws IOException, InterruptedException;
    }

    public ExtendedConnectScript {
        Objects.requireNonNull(sends, "sends");
        Objects.requireNonNull(expects, "expects");
        Objects.requireNonNull(play, "play");
    }

    @Override
    public Finding play(Dial dial, Duration timeout, long deadlineNanos) throws IOException, InterruptedException {
        H2Session session;
        try {
            session = dial.http2();
        } catch (H2Session.NotHttp2 e) {
            return new Finding(Verdict.UNIMPLEMENTED, e.getMessage());
        }
        Integer value = session.settings().get(H2Session.ENABLE_CONNECT_PROTOCOL);
        if (value != null && value != 0 && value != 1) {
            return new Finding(Verdict.FAILED, "SETTINGS_ENABLE_CONNECT_PROTOCOL = " + value
                    + " (RFC 8441 §3: any value other than 0 or 1 is a PROTOCOL_ERROR)");
        }
        if (!session.connectProtocolEnabled()) {
            return new Finding(Verdict.UNIMPLEMENTED, "the server speaks HTTP/2 but its SETTINGS " + H2Session.named(session.settings())
                    + " do not enable the extended CONNECT (SETTINGS_ENABLE_CONNECT_PROTOCOL = 1, RFC 8441 §3):"
                    + " no WebSocket over HTTP/2 here");
        }
        return play.play(session, deadlineNanos);
    }

    /**
     * A case of RFC 6455 frames over an HTTP/2 stream: the extended CONNECT of RFC 8441 §5 to the
     * target's path, then {@code actions} on the stream as on a TCP connection, judged by
     * {@code expectation} as {@link FrameScript} judges it.
     */
    public static ExtendedConnectScript frames(List<Action> actions, Expectation expectation) {
        FrameScript frames = new FrameScript(actions, expectation);
        return onWebSockets(1, "the extended CONNECT (RFC 8441 §5), then on the stream: " + frames.sends(),
                frames.expects(), (streams, deadline) -> frames.playFrames(streams.get(0), deadline));
    }

    /**
     * A case that opens {@code count} WebSockets on the connection with the extended CONNECT of RFC 8441 §5,
     * one stream each, and plays {@code play} on them once every one was accepted; FAILED as
     * {@link #refusal} says when one was not.
     */
    public static ExtendedConnectScript onWebSockets(int count, String sends, String expects, OnStreams play) {
        return new ExtendedConnectScript(sends, expects, (session, deadline) -> {
            List<H2Stream> streams = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                H2Stream s = session.connect(websocket(session), left(deadline));
                Finding refused = refusal(s);
                if (refused != null) {
                    return refused;
                }
                streams.add(s);
            }
            return play.play(streams, deadline);
        });
    }

    /** The extended CONNECT a WebSocket client sends to the session's URL (RFC 8441 §5, §5.1). */
    public static H2Connect websocket(H2Session session) {
        return H2Connect.websocket(session.uri().resourceName(), H2Connect.VERSION_13);
    }

    /** FAILED when the server did not answer {@code stream}'s CONNECT with a 2xx (RFC 8441 §5); null when it did. */
    static Finding refusal(H2Stream stream) {
        if (stream.response().isEmpty()) {
            return new Finding(Verdict.FAILED, "no response to the extended CONNECT (RFC 8441 §5)");
        }
        H2Response r = stream.response().get();
        if (!r.accepted()) {
            return new Finding(Verdict.FAILED, "the extended CONNECT with :protocol websocket and sec-websocket-version 13"
                    + " was answered " + r.status() + ", not 200 (RFC 8441 §5: a server that supports it MUST process"
                    + " it as a WebSocket handshake)");
        }
        return null;
    }

    /** The time left until {@code deadlineNanos}, at least a millisecond. */
    public static Duration left(long deadlineNanos) {
        return Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
    }
}
