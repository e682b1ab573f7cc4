package org.wslab.conformance.peer;

import java.util.ArrayList;
import java.util.List;

/**
 * Every byte a {@link RawPeer} wrote and read, with timestamps, plus each frame labelled after
 * RFC 6455 §5.2 by framing's {@code FrameTrace}: the evidence behind a verdict. Written by one
 * thread (the case's), read after it.
 */
public final class WireLog {
    /** Raw bytes shown per event when rendered (all are kept). */
    public static final int RENDERED_BYTES = 48;

    private final long start = System.nanoTime();
    private final List<WireEvent> events = new ArrayList<>();
    private long bytesSent;
    private long bytesReceived;
    private boolean muted;

    synchronized void sent(byte[] bytes) {
        bytesSent += bytes.length;
        if (!muted) {
            add(WireEvent.Direction.SENT, bytes, "");
        }
    }

    synchronized void received(byte[] bytes) {
        bytesReceived += bytes.length;
        if (!muted) {
            add(WireEvent.Direction.RECEIVED, bytes, "");
        }
    }

    /**
     * Stops (or resumes) keeping bytes and frames, counting them only: a case of a thousand large
     * messages keeps its notes and its verdict's evidence, not a hundred megabytes. Notes are kept.
     */
    public synchronized void mute(boolean on) {
        if (on != muted) {
            add(WireEvent.Direction.NOTE, new byte[0], on ? "wire log muted (bytes counted, not kept)"
                    : "wire log resumed: " + bytesSent + " bytes written, " + bytesReceived + " read so far");
        }
        muted = on;
    }

    /** Whether bytes and frames are only counted ({@link #mute}). */
    public synchronized boolean muted() {
        return muted;
    }

    void sentFrame(String trace) {
        add(WireEvent.Direction.SENT_FRAME, new byte[0], trace);
    }

    void receivedFrame(String trace) {
        add(WireEvent.Direction.RECEIVED_FRAME, new byte[0], trace);
    }

    /** Records a note, e.g. what the case is about to do. */
    public synchronized void note(String text) {
        add(WireEvent.Direction.NOTE, new byte[0], text);
    }

    private synchronized void add(WireEvent.Direction d, byte[] bytes, String text) {
        events.add(new WireEvent(System.nanoTime() - start, d, bytes, text));
    }

    /** The events so far, in order. */
    public synchronized List<WireEvent> events() {
        return List.copyOf(events);
    }

    /** Octets written to the server. */
    public synchronized long bytesSent() {
        return bytesSent;
    }

    /** Octets read from the server. */
    public synchronized long bytesReceived() {
        return bytesReceived;
    }

    /** The log as text: one timestamped line per event, frame dumps indented under it. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (WireEvent e : events()) {
            out.append(String.format("%9.3f ms  ", e.atNanos() / 1e6));
            switch (e.direction()) {
                case SENT -> out.append("→ wrote ").append(hex(e.bytes())).append('\n');
                case RECEIVED -> out.append("← read ").append(hex(e.bytes())).append('\n');
                case SENT_FRAME -> out.append("→ frame\n").append(indent(e.text()));
                case RECEIVED_FRAME -> out.append("← frame\n").append(indent(e.text()));
                case NOTE -> {
                    int nl = e.text().indexOf('\n');
                    out.append("· ").append(nl < 0 ? e.text() : e.text().substring(0, nl)).append('\n');
                    if (nl >= 0) {
                        out.append(indent(e.text().substring(nl + 1))); // a request or response head, a field per line
                    }
                }
            }
        }
        return out.toString();
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder().append(b.length).append(b.length == 1 ? " byte:" : " bytes:");
        for (int i = 0; i < Math.min(b.length, RENDERED_BYTES); i++) {
            s.append(String.format(" %02x", b[i] & 0xFF));
        }
        return b.length > RENDERED_BYTES ? s.append(" …").toString() : s.toString();
    }

    private static String indent(String dump) {
        StringBuilder s = new StringBuilder();
        for (String line : dump.split("\n")) {
            s.append("               ").append(line).append('\n');
        }
        return s.toString();
    }
}
