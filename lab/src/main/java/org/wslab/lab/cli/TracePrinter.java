package org.wslab.lab.cli;

import java.io.PrintWriter;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.engine.ClientOpening;
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
    private final PrintWriter out;
    private int sent;
    private int received;

    TracePrinter(PrintWriter out) {
        this.out = out;
    }

    /** Prints the handshake heads from the event that ended the opening handshake. */
    void handshake(Event event) {
        Object details = event instanceof Event.HandshakeCompleted c ? c.details()
                : event instanceof Event.HandshakeFailed f ? f.details() : null;
        if (!(details instanceof ClientOpening.Details d)) {
            return;
        }
        block("→ opening handshake request (RFC 6455 §4.1)", HeadWriter.text(d.handshake().request()));
        if (d.response() != null) {
            block("← opening handshake response (RFC 6455 §4.2.2)", HeadWriter.text(d.response()));
        }
        out.flush();
    }

    private void block(String title, String head) {
        out.println(title);
        for (String line : head.split("\r\n")) {
            out.println("    " + line);
        }
    }

    @Override
    public void onFrame(Direction direction, Frame frame) {
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
