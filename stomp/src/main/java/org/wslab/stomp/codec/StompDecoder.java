package org.wslab.stomp.codec;

import org.wslab.stomp.StompVersion;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import org.wslab.stomp.StompRule;
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
 */
public final class StompDecoder {
    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private enum State { BETWEEN, COMMAND, HEADERS, BODY }

    private final StompLimits limits;
    private final HeaderText text = new HeaderText();
    private final ArrayList<StompHeader> headers = new ArrayList<>();
    private final int capacityCap;
    private StompVersion version;
    private byte[] buf = new byte[1024];
    private int start;
    private int end;
    private int scan;
    private State state = State.BETWEEN;
    private StompCommand command;
    private int bodyLength;
    private StompViolation failure;

    /** A decoder applying {@code version}'s rules and {@code limits}. */
    public StompDecoder(StompVersion version, StompLimits limits) {
        this.version = version;
        this.limits = limits;
        this.capacityCap = Math.max(limits.maxLineLength() + 2, limits.maxBodySize() + 1) + 8;
    }

    /** Switches rules after version negotiation (STOMP 1.2 "Protocol Negotiation"). */
    public void version(StompVersion negotiated) {
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
        return state == State.BETWEEN && start == end;
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
        while (failure == null) {
            StompViolation v = process(sink);
            if (v != null) {
                failure = v;
                break;
            }
            if (len == 0) {
                break;
            }
            compact();
            if (end == buf.length) {
                if (buf.length >= capacityCap) { // unreachable while the limits hold; a guard, not a hang
                    failure = violation(StompRule.BODY_TOO_LARGE, "frame exceeds the decoder's buffer of " + capacityCap);
                    break;
                }
                buf = Arrays.copyOf(buf, Math.min(Math.max(buf.length * 2, 16), capacityCap));
            }
            int n = Math.min(buf.length - end, len);
            System.arraycopy(data, off, buf, end, n);
            end += n;
            off += n;
            len -= n;
        }
        return failure();
    }

    private void compact() {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            scan -= start;
            start = 0;
        }
    }

    /** Consumes all complete elements; returns a violation or null when it needs more bytes. */
    private StompViolation process(StompFrameSink sink) {
        while (true) {
            switch (state) {
                case BETWEEN -> {
                    while (start < end && (buf[start] == LF || buf[start] == CR)) {
                        if (buf[start] == CR) {
                            if (start + 1 == end) {
                                return null;
                            }
                            if (buf[start + 1] != LF) {
                                return violation(StompRule.BARE_CARRIAGE_RETURN, "CR not followed by LF between frames");
                            }
                            start++;
                        }
                        start++;
                        sink.onHeartBeat();
                    }
                    if (start == end) {
                        return null;
                    }
                    state = State.COMMAND;
                    scan = start;
                }
                case COMMAND, HEADERS -> {
                    int lf = ByteScan.indexOf(buf, scan, end, LF);
                    if (lf < 0) {
                        scan = end;
                        if (end - start > limits.maxLineLength() + 1) {
                            return violation(StompRule.LINE_TOO_LONG, "line longer than " + limits.maxLineLength() + " octets");
                        }
                        return null;
                    }
                    StompViolation v = state == State.COMMAND ? commandLine(lf) : headerLine(lf);
                    if (v != null) {
                        return v;
                    }
                    start = lf + 1;
                    scan = start;
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
        int lineEnd = lf > start && buf[lf - 1] == CR ? lf - 1 : lf;
        if (lineEnd - start > limits.maxLineLength()) {
            return violation(StompRule.LINE_TOO_LONG, "command line longer than " + limits.maxLineLength() + " octets");
        }
        command = StompCommand.lookup(buf, start, lineEnd);
        if (command == null) {
            return violation(StompRule.UNKNOWN_COMMAND, "command " + preview(start, lineEnd));
        }
        headers.clear();
        state = State.HEADERS;
        return null;
    }

    private StompViolation headerLine(int lf) {
        int lineEnd = lf > start && buf[lf - 1] == CR && version.acceptsCrLf() ? lf - 1 : lf;
        if (lineEnd - start > limits.maxLineLength()) {
            return violation(StompRule.LINE_TOO_LONG, "header line longer than " + limits.maxLineLength() + " octets");
        }
        if (lf == start || (lf == start + 1 && buf[start] == CR)) {
            return endOfHeaders();
        }
        int colon = ByteScan.indexOf(buf, start, lineEnd, (byte) ':');
        if (colon < 0) {
            return violation(StompRule.HEADER_WITHOUT_COLON, "header line " + preview(start, lineEnd));
        }
        if (headers.size() >= limits.maxHeaders()) {
            return violation(StompRule.TOO_MANY_HEADERS, "more than " + limits.maxHeaders() + " headers");
        }
        boolean unescape = version.escapes() && command.escapesHeaders();
        String name = text.decode(buf, start, colon, unescape, version);
        String value = name == null ? null : text.decode(buf, colon + 1, lineEnd, unescape, version);
        if (value == null) {
            return text.error;
        }
        headers.add(new StompHeader(name, value));
        return null;
    }

    private StompViolation endOfHeaders() {
        bodyLength = -1;
        for (StompHeader h : headers) {
            if (h.name().equals("content-length")) {
                String v = h.value();
                if (v.isEmpty() || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return violation(StompRule.CONTENT_LENGTH_NOT_A_NUMBER, "content-length \"" + clip(v) + "\"");
                }
                long n = v.length() > 12 ? Long.MAX_VALUE : Long.parseLong(v);
                if (n > limits.maxBodySize()) {
                    return violation(StompRule.BODY_TOO_LARGE, "content-length " + n + " over " + limits.maxBodySize());
                }
                bodyLength = (int) n;
                if (bodyLength > 0 && !command.allowsBody()) {
                    return violation(StompRule.BODY_NOT_ALLOWED, command + " with content-length " + n);
                }
                break;
            }
        }
        state = State.BODY;
        return null;
    }

    private StompViolation body(StompFrameSink sink) {
        int bodyEnd;
        if (bodyLength >= 0) {
            if (end - start < bodyLength + 1) {
                return null;
            }
            bodyEnd = start + bodyLength;
            if (buf[bodyEnd] != 0) {
                return violation(StompRule.CONTENT_LENGTH_MISMATCH,
                        "octet after content-length " + bodyLength + " is " + HeaderText.printable(buf[bodyEnd]) + ", not NUL");
            }
        } else {
            bodyEnd = ByteScan.indexOf(buf, scan, end, (byte) 0);
            if (bodyEnd < 0) {
                scan = end;
                if (end - start > limits.maxBodySize()) {
                    return violation(StompRule.BODY_TOO_LARGE, "body over " + limits.maxBodySize() + " octets");
                }
                return null;
            }
            if (bodyEnd - start > limits.maxBodySize()) {
                return violation(StompRule.BODY_TOO_LARGE, "body over " + limits.maxBodySize() + " octets");
            }
            if (bodyEnd > start && !command.allowsBody()) {
                return violation(StompRule.BODY_NOT_ALLOWED, command + " with a " + (bodyEnd - start) + "-octet body");
            }
        }
        byte[] body = Arrays.copyOfRange(buf, start, bodyEnd);
        StompFrame frame = new StompFrame(command, headers, body);
        start = bodyEnd + 1;
        scan = start;
        state = State.BETWEEN;
        sink.onFrame(frame);
        return null;
    }

    private StompViolation violation(StompRule rule, String detail) {
        return new StompViolation(rule, version, detail);
    }

    private String preview(int from, int to) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = from; i < Math.min(to, from + 40); i++) {
            byte b = buf[i];
            sb.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : HeaderText.printable(b));
        }
        return sb.append(to - from > 40 ? "…\"" : "\"").toString();
    }

    private static String clip(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
