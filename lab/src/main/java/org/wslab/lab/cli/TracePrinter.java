package org.wslab.lab.cli;

import java.io.PrintWriter;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameEncoder;
import java.util.Optional;
import org.wslab.framing.engine.HandshakeExchange;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.FrameListener;
import org.wslab.framing.trace.FrameTrace;
import org.wslab.handshake.http.HeadWriter;

/**
 * {@code --trace} of a client on our engine: the opening handshake's request and response heads
 * (RFC 6455 §4.1, §4.2.2), then every frame both ways as {@link FrameTrace}'s annotated hex
 * (§5.2) — {@code →} client to server, with the real masking keys (§5.3), {@code ←} server to
 * client.
 */
final class TracePrinter implements FrameListener {
    /** Frames held before the handshake heads are printed, at most; more are printed as they come. */
    static final int HELD_FRAMES = 64;

    private final PrintWriter out;
    private final java.util.List<Runnable> held = new java.util.ArrayList<>();
    private boolean holding;
    private int sent;
    private int received;

    TracePrinter(PrintWriter out) {
        this(out, false);
    }

    /**
     * With {@code holdUntilHandshake}, frames that arrive before {@link #handshake} was called (the
     * transport reads on) are printed after the heads, so the trace reads in wire order.
     */
    TracePrinter(PrintWriter out, boolean holdUntilHandshake) {
        this.out = out;
        this.holding = holdUntilHandshake;
    }

    /** Prints the handshake heads from the event that ended the opening handshake, then any frames held. */
    synchronized void handshake(Event event) {
        heads(event);
        holding = false;
        held.forEach(Runnable::run);
        held.clear();
        out.flush();
    }

    /**
     * A frame our engine could not accept is never decoded, so no frame line shows it: this line says
     * which rule it broke and the close code the engine failed the connection with (RFC 6455 §7.1.7).
     */
    synchronized void violation(Event.Closed closed) {
        closed.error().ifPresent(e -> {
            out.println("← server frame " + (received + 1) + ": not accepted, it breaks " + e.violation().name()
                    + " (" + e.violation().section() + "): " + e.detail() + "; our engine fails the connection with "
                    + closed.code());
            out.flush();
        });
    }

    private void heads(Event event) {
        if (event instanceof Event.HandshakeCompleted c && c.exchange() instanceof HandshakeExchange.Client d) {
            heads(d.handshake(), Optional.of(d.response()));
        } else if (event instanceof Event.HandshakeFailed f) {
            if (f.failure() instanceof HandshakeFailure.ResponseRejected d) {
                heads(d.handshake(), Optional.of(d.response()));
            } else if (f.failure() instanceof HandshakeFailure.ResponseUnreadable d) {
                heads(d.handshake(), Optional.empty());
            }
        }
    }

    private void heads(ClientHandshake request, Optional<ResponseHead> response) {
        block("→ opening handshake request (RFC 6455 §4.1)", HeadWriter.text(request.request()));
        response.ifPresent(r -> block("← opening handshake response (RFC 6455 §4.2.2)", HeadWriter.text(r)));
        out.flush();
    }

    private void block(String title, String head) {
        out.println(title);
        for (String line : head.split("\r\n")) {
            out.println("    " + line);
        }
    }

    @Override
    public synchronized void onFrame(Direction direction, Frame frame) {
        if (holding && held.size() < HELD_FRAMES) {
            held.add(() -> print(direction, frame));
            return;
        }
        print(direction, frame);
    }

    private void print(Direction direction, Frame frame) {
        boolean outgoing = direction == Direction.SENT;
        int n = outgoing ? ++sent : ++received;
        long wire = FrameEncoder.headerLength(frame.length(), frame.masked()) + (long) frame.length();
        out.println((outgoing ? "→ client frame " : "← server frame ") + n + ": " + frame.opcode()
                + (frame.fin() ? "" : " (not final)") + (frame.rsv1() ? " compressed" : "")
                + (frame.masked() ? " masked" : "") + ", " + wire + " bytes on the wire");
        for (String line : FrameTrace.render(frame).split("\n")) {
            out.println("    " + line);
        }
        out.flush();
    }
}
