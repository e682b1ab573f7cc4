package org.wslab.framing.engine;

import java.util.Optional;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.ProtocolError;

/**
 * The closing half of a {@link Connection} (RFC 6455 §7): which close frame to queue and which
 * {@link Event.Closed} to report when we start the closing handshake, when the peer's close
 * arrives, when a rule is broken, and when the connection ends without one.
 *
 * <ul>
 *   <li>§7.1.2 <em>Start</em>: send a close with our code (none for 1005).</li>
 *   <li>§5.5.1: answer a received close with one echoing its code, unless ours is already sent;
 *       report the peer's code (1005 for an empty body, §7.1.5) as a clean close.</li>
 *   <li>§7.1.7 <em>Fail</em>: send a close with the rule's code when we still may and the code
 *       may go on the wire (§7.4.1), report it with the rule; after that nothing is sent.</li>
 *   <li>§7.1.5: a connection ending without a closing handshake is 1006, never sent.</li>
 * </ul>
 */
final class ClosingHandshake {
    private final OutboundFrames out;

    ClosingHandshake(OutboundFrames out) {
        this.out = out;
    }

    /** §7.1.2: queues our close frame ({@code code} 1005 sends an empty body). */
    void start(int code, String reason) {
        out.control(Opcode.CLOSE, new CloseBody(code, reason).toPayload());
    }

    /**
     * §5.5.1: the peer's close frame arrived; {@code replyDue} when we have not sent ours yet.
     * An invalid body (one byte, a code that may not be sent, a reason that is not UTF-8) fails
     * the connection instead.
     */
    Event.Closed received(byte[] payload, boolean replyDue) {
        CloseBody.Parsed parsed = CloseBody.parse(payload);
        if (parsed instanceof CloseBody.Parsed.Invalid bad) {
            return fail(bad.error(), replyDue);
        }
        CloseBody body = ((CloseBody.Parsed.Valid) parsed).body();
        if (replyDue) {
            start(body.code(), "");   // echo the status code received
        }
        return new Event.Closed(body.code(), body.reason(), true, Optional.empty());
    }

    /** §7.1.7 _Fail the WebSocket Connection_; {@code maySend} while our close is not yet sent. */
    Event.Closed fail(ProtocolError error, boolean maySend) {
        int code = error.closeCode().code();
        if (maySend && CloseCode.validOnWire(code)) {
            start(code, error.reason());
        }
        return new Event.Closed(code, error.reason(), false, Optional.of(error));
    }

    /** §7.1.5: the connection ended without a closing handshake (1006, local only). */
    static Event.Closed abnormal(String why) {
        return new Event.Closed(CloseCode.ABNORMAL_CLOSURE.code(), why, false, Optional.empty());
    }
}
