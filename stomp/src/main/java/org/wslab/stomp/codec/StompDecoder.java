package org.wslab.stomp.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.StompViolation;

/**
 * Incremental STOMP frame decoder (STOMP 1.2 "STOMP Frames", "Augmented BNF"). Bytes may arrive
 * in any pieces: a frame split across WebSocket messages, several frames in one message, EOL
 * heart-beats between frames, from text or binary messages alike.
 *
 * <p>Line ends: 1.2's grammar has {@code EOL = [CR] LF}; 1.0 and 1.1 end lines with LF only. A
 * header line's CR before LF is therefore stripped only in 1.2 (in 1.0/1.1 it is part of the value,
 * a valid frame's meaning). Elsewhere a CR before LF is tolerated in every version because the strict
 * 1.0/1.1 reading would be an error anyway, so no valid frame changes meaning: the command line
 * ({@code CONNECT\r} is no command, and CONNECT arrives before a version is agreed), the blank line
 * ending the headers (a lone {@code \r} line has no colon), and a CR LF heart-beat between frames.
 * Values are unescaped per version and never
 * trimmed; a {@code content-length} (first entry wins) gives the body length in octets and the
 * octet after must be NUL; otherwise the body ends at the first NUL. Malformed input and
 * crossed {@link StompLimits} end in a {@link StompViolation}; the decoder then stays failed.
 *
 * <p>Memory is bounded by the limits: only the current line or body is buffered. Not thread-safe.
 *
 * <p>A body is copied once on the way in (STOMP over WebSocket reads the payload's octets in
 * place): while nothing is buffered the decoder reads the caller's array directly and keeps only
 * an unfinished element's tail; a body with {@code content-length} goes straight into an array of
 * that exact size, which becomes the frame's body; a body ending at its NUL is copied out of the
 * payload once. Only what cannot be read in place is copied into the decoder's own buffer: the
 * tail of a line split across payloads, a body without {@code content-length} split across
 * payloads (then copied out of that buffer as well), and a buffer without an accessible array.
 */
public final class StompDecoder {
    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private enum State { BETWEEN, COMMAND, HEADERS, BODY }

    private final StompLimits limits;
    private final HeaderText text = new HeaderText();
    /** Header lines repeated from earlier frames, or null for the reference path that decodes every line. */
    private final HeaderLineCache repeated;
    private final ArrayList<StompHeader> headers = new ArrayList<>();
    private StompVersion version;
    /** What {@link #process} reads: the caller's array in place, or the tail of an unfinished element. */
    private final DecoderInput in;
    private State state = State.BETWEEN;
    private StompCommand command;
    private int bodyLength;
    /** The body being filled when {@code content-length} gave its size (STOMP 1.2 "Header content-length"). */
    private byte[] body;
    private int filled;
    private StompViolation failure;

    /** A decoder applying {@code version}'s rules and {@code limits}. */
    public StompDecoder(StompVersion version, StompLimits limits) {
        this(version, limits, true);
    }

    /** With {@code rememberLines} false every header line is decoded afresh: the reference the cache is tested against. */
    StompDecoder(StompVersion version, StompLimits limits, boolean rememberLines) {
        this.version = version;
        this.limits = limits;
        this.in = new DecoderInput(limits);
        this.repeated = rememberLines ? new HeaderLineCache() : null;
    }

    /** Switches rules after version negotiation (STOMP 1.2 "Protocol Negotiation"). */
    public void version(StompVersion negotiated) {
        if (negotiated != version && repeated != null) {
            repeated.clear();
        }
        this.version = negotiated;
    }

    /** The rules in force. */
    public StompVersion version() {
        return version;
    }

    /** The violation that stopped this decoder, if any. */
    public Optional<StompViolation> failure() {
        return Optional.ofNullable(failure);
    }

    /** True when no partial frame is buffered. */
    public boolean isIdle() {
        return state == State.BETWEEN && in.isEmpty();
    }

    /** Feeds a WebSocket message's payload (text or binary), consuming the buffer. */
    public Optional<StompViolation> feed(ByteBuffer data, StompFrameSink sink) {
        if (data.hasArray()) {
            Optional<StompViolation> r = feed(data.array(), data.arrayOffset() + data.position(), data.remaining(), sink);
            data.position(data.limit());
            return r;
        }
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        return feed(copy, 0, copy.length, sink);
    }

    /** Feeds bytes; frames and heart-beats go to {@code sink}; returns the violation, if any. */
    public Optional<StompViolation> feed(byte[] data, int off, int len, StompFrameSink sink) {
        if (off < 0 || len < 0 || off + len > data.length) {
            throw new IndexOutOfBoundsException("bad slice");
        }
        if (failure == null) {
            failure = in.feed(data, off, len, this, sink);
        }
        return failure();
    }

    /**
     * How many of the next octets complete the element that is buffered: through the next LF for a
     * line or a pending CR, through the NUL for a body without {@code content-length} — so that
     * what follows is read in place again.
     */
    int elementEnd(byte[] data, int off, int len) {
        return switch (state) {
            case BETWEEN -> 1;
            case COMMAND, HEADERS -> terminatedAt(data, off, len, LF);
            case BODY -> bodyLength < 0 ? terminatedAt(data, off, len, (byte) 0) : len;
        };
    }

    private static int terminatedAt(byte[] data, int off, int len, byte terminator) {
        int at = ByteScan.indexOf(data, off, off + len, terminator);
        return at < 0 ? len : at - off + 1;
    }

    /** Consumes all complete elements; returns a violation or null when it needs more bytes. */
    StompViolation process(StompFrameSink sink) {
        while (true) {
            switch (state) {
                case BETWEEN -> {
                    while (in.start < in.end && (in.buf[in.start] == LF || in.buf[in.start] == CR)) {
                        if (in.buf[in.start] == CR) {
                            if (in.start + 1 == in.end) {
                                return null;
                            }
                            if (in.buf[in.start + 1] != LF) {
                                return violation(StompRule.BARE_CARRIAGE_RETURN, "CR not followed by LF between frames");
                            }
                            in.start++;
                        }
                        in.start++;
                        sink.onHeartBeat();
                    }
                    if (in.start == in.end) {
                        return null;
                    }
                    state = State.COMMAND;
                    in.scan = in.start;
                }
                case COMMAND, HEADERS -> {
                    int lf = ByteScan.indexOf(in.buf, in.scan, in.end, LF);
                    if (lf < 0) {
                        in.scan = in.end;
                        if (in.end - in.start > limits.maxLineLength() + 1) {
                            return violation(StompRule.LINE_TOO_LONG, "line longer than " + limits.maxLineLength() + " octets");
                        }
                        return null;
                    }
                    StompViolation v = state == State.COMMAND ? commandLine(lf) : headerLine(lf);
                    if (v != null) {
                        return v;
                    }
                    in.start = lf + 1;
                    in.scan = in.start;
                }
                case BODY -> {
                    StompViolation v = body(sink);
                    if (v != null || state == State.BODY) {
                        return v;
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private StompViolation commandLine(int lf) {
        int lineEnd = lf > in.start && in.buf[lf - 1] == CR ? lf - 1 : lf;
        if (lineEnd - in.start > limits.maxLineLength()) {
            return violation(StompRule.LINE_TOO_LONG, "command line longer than " + limits.maxLineLength() + " octets");
        }
        command = StompCommand.lookup(in.buf, in.start, lineEnd);
        if (command == null) {
            return violation(StompRule.UNKNOWN_COMMAND, "command " + HeaderText.preview(in.buf, in.start, lineEnd));
        }
        headers.clear();
        state = State.HEADERS;
        return null;
    }

    private StompViolation headerLine(int lf) {
        int lineEnd = lf > in.start && in.buf[lf - 1] == CR && version.acceptsCrLf() ? lf - 1 : lf;
        if (lineEnd - in.start > limits.maxLineLength()) {
            return violation(StompRule.LINE_TOO_LONG, "header line longer than " + limits.maxLineLength() + " octets");
        }
        if (lf == in.start || (lf == in.start + 1 && in.buf[in.start] == CR)) {
            return endOfHeaders();
        }
        int position = headers.size();
        StompHeader same = repeated == null ? null : repeated.find(command, position, in.buf, in.start, lineEnd);
        if (same != null) { // decoded from these octets before, so it has its colon
            if (position >= limits.maxHeaders()) {
                return violation(StompRule.TOO_MANY_HEADERS, "more than " + limits.maxHeaders() + " headers");
            }
            headers.add(same);
            return null;
        }
        int colon = ByteScan.indexOf(in.buf, in.start, lineEnd, (byte) ':');
        if (colon < 0) {
            return violation(StompRule.HEADER_WITHOUT_COLON, "header line " + HeaderText.preview(in.buf, in.start, lineEnd));
        }
        if (headers.size() >= limits.maxHeaders()) {
            return violation(StompRule.TOO_MANY_HEADERS, "more than " + limits.maxHeaders() + " headers");
        }
        boolean unescape = version.escapes() && command.escapesHeaders();
        StompViolation v = text.header(in.buf, in.start, colon, lineEnd, unescape, version, headers).orElse(null);
        if (v == null && repeated != null) {
            repeated.remember(command, position, in.buf, in.start, lineEnd, headers.get(position));
        }
        return v;
    }

    private StompViolation endOfHeaders() {
        long n = ContentLength.of(headers);
        if (n == ContentLength.NOT_A_NUMBER) {
            return violation(StompRule.CONTENT_LENGTH_NOT_A_NUMBER, "content-length \"" + HeaderText.clip(ContentLength.text(headers)) + "\"");
        }
        if (n > limits.maxBodySize()) {
            return violation(StompRule.BODY_TOO_LARGE, "content-length " + n + " over " + limits.maxBodySize());
        }
        if (n > 0 && !command.allowsBody()) {
            return violation(StompRule.BODY_NOT_ALLOWED, command + " with content-length " + n);
        }
        bodyLength = (int) n;
        filled = 0;
        state = State.BODY;
        return null;
    }

    private StompViolation body(StompFrameSink sink) {
        if (bodyLength >= 0) {
            return sizedBody(sink);
        }
        int bodyEnd = ByteScan.indexOf(in.buf, in.scan, in.end, (byte) 0);
        if (bodyEnd < 0) {
            in.scan = in.end;
            if (in.end - in.start > limits.maxBodySize()) {
                return violation(StompRule.BODY_TOO_LARGE, "body over " + limits.maxBodySize() + " octets");
            }
            return null;
        }
        if (bodyEnd - in.start > limits.maxBodySize()) {
            return violation(StompRule.BODY_TOO_LARGE, "body over " + limits.maxBodySize() + " octets");
        }
        if (bodyEnd > in.start && !command.allowsBody()) {
            return violation(StompRule.BODY_NOT_ALLOWED, command + " with a " + (bodyEnd - in.start) + "-octet body");
        }
        StompFrame frame = new StompFrame(command, headers, Arrays.copyOfRange(in.buf, in.start, bodyEnd));
        in.start = bodyEnd + 1;
        return frameDone(frame, sink);
    }

    /**
     * A body of {@code content-length} octets: copied out in one piece when it is all there (an
     * array the JIT may leave unzeroed), else filled into its own array as it comes; then the NUL.
     */
    private StompViolation sizedBody(StompFrameSink sink) {
        int n = Math.min(bodyLength - filled, in.end - in.start);
        if (filled == 0 && n == bodyLength) {
            body = Arrays.copyOfRange(in.buf, in.start, in.start + n);
        } else {
            if (filled == 0) {
                body = new byte[bodyLength];
            }
            System.arraycopy(in.buf, in.start, body, filled, n);
        }
        filled += n;
        in.start += n;
        in.scan = in.start;
        if (filled < bodyLength || in.start == in.end) {
            return null;
        }
        if (in.buf[in.start] != 0) {
            return violation(StompRule.CONTENT_LENGTH_MISMATCH,
                    "octet after content-length " + bodyLength + " is " + HeaderText.printable(in.buf[in.start]) + ", not NUL");
        }
        StompFrame frame = new StompFrame(command, headers, body);
        body = null;
        in.start++;
        return frameDone(frame, sink);
    }

    private StompViolation frameDone(StompFrame frame, StompFrameSink sink) {
        in.scan = in.start;
        state = State.BETWEEN;
        sink.onFrame(frame);
        return null;
    }

    StompViolation violation(StompRule rule, String detail) {
        return new StompViolation(rule, version, detail);
    }
}
