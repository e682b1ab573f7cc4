package org.wslab.lab.stomp.client;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.wslab.stomp.codec.StompTrace;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.jetty.StompWireTap;

/**
 * {@code wslab stomp --trace}: every WebSocket message of the connection, both ways, rendered by
 * {@link StompTrace} ({@code >>>} sent, {@code <<<} received; NUL as {@code ^@}, line ends as
 * {@code ^J} / {@code ^M}). It opens with the banner naming the WebSocket sub-protocol and the
 * STOMP version, which are agreed separately (RFC 6455 §4.2.2 vs STOMP 1.2 "Protocol
 * Negotiation"): the lines before CONNECTED are held until the version is known, then follow it.
 * Called on I/O threads; each message is printed whole.
 */
public final class StompTracePrinter implements StompWireTap {
    private final PrintWriter out;
    private final List<String> held = new ArrayList<>();
    private String subProtocol;
    private boolean bannerShown;

    /** A tap printing to {@code out}. */
    public StompTracePrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void opened(String connectionId, String agreed) {
        subProtocol = agreed;
    }

    @Override
    public void inbound(String connectionId, byte[] octets) {
        show(StompTrace.render("<<< ", octets));
    }

    @Override
    public void outbound(String connectionId, byte[] octets) {
        show(StompTrace.render(">>> ", octets));
    }

    /** CONNECTED arrived with {@code version}: prints the banner, then the lines held so far. */
    public synchronized void connected(StompVersion version) {
        banner(version);
    }

    /** The connection failed before CONNECTED: prints what was seen, under a banner without a version. */
    public synchronized void failed() {
        banner(null);
    }

    private void banner(StompVersion version) {
        if (bannerShown) {
            return;
        }
        bannerShown = true;
        out.println(StompTrace.banner(subProtocol, version));
        for (String lines : held) {
            print(lines);
        }
        held.clear();
        out.flush();
    }

    private synchronized void show(String rendered) {
        if (bannerShown) {
            print(rendered);
            out.flush();
        } else {
            held.add(rendered);
        }
    }

    private void print(String rendered) {
        if (rendered.endsWith("\n")) {
            out.print(rendered);
        } else {
            out.println(rendered);
        }
    }
}
