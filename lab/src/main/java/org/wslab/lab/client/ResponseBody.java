package org.wslab.lab.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.wslab.handshake.http.ResponseHead;

/**
 * The start of a response's body (RFC 9112 §6.3), read after a head other than 101 so a refusal
 * can be shown with what the server said (our engine names the rule there). Bounded: at most
 * {@link #MAX_BYTES}, and only within the command's deadline; a chunked body is kept as sent.
 *
 * @param bytes    the octets read, at most {@link #MAX_BYTES}
 * @param framing  how the head delimits the body
 * @param declared the Content-Length, when the head gives one
 * @param complete whether the whole body was read
 */
public record ResponseBody(byte[] bytes, Framing framing, Optional<Long> declared, boolean complete) {
    /** Most octets of a body read and kept. */
    public static final int MAX_BYTES = 4 * 1024;

    public ResponseBody {
        bytes = bytes.clone();
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(declared, "declared");
    }

    /** How the end of a body is found (RFC 9112 §6.3). */
    public enum Framing {
        /** No body: 1xx, 204, 304 (RFC 9112 §6.3 (1)). */
        NONE,
        /** Content-Length octets (§6.3 (6)). */
        LENGTH,
        /** Transfer-Encoding: chunked, ending with the last chunk (§7.1). */
        CHUNKED,
        /** Until the server closes (§6.3 (8)). */
        UNTIL_CLOSE
    }

    /** An empty body of a head that has none. */
    public static ResponseBody none() {
        return new ResponseBody(new byte[0], Framing.NONE, Optional.empty(), true);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The body as UTF-8 text (malformed octets replaced), for JSON. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** How {@code head} delimits its body. */
    static Framing framing(ResponseHead head) {
        int s = head.status();
        if (s < 200 || s == 204 || s == 304) {
            return Framing.NONE;
        }
        if (head.headers().tokens("Transfer-Encoding").stream().map(t -> t.toLowerCase(Locale.ROOT))
                .anyMatch("chunked"::equals)) {
            return Framing.CHUNKED;
        }
        return length(head).isPresent() ? Framing.LENGTH : Framing.UNTIL_CLOSE;
    }

    /** The one valid Content-Length of {@code head}, if it has one (RFC 9110 §8.6). */
    static Optional<Long> length(ResponseHead head) {
        var values = head.headers().all("Content-Length");
        if (values.size() != 1 || values.get(0).isEmpty() || values.get(0).length() > 18
                || !values.get(0).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(values.get(0)));
    }

    /**
     * Reads the body of {@code head} from {@code socket}, {@code first} being the octets that came
     * with the head; stops at its end, at {@link #MAX_BYTES}, when the server closes, or at the deadline.
     */
    static ResponseBody read(HandshakeSocket socket, ResponseHead head, byte[] first) {
        Framing framing = framing(head);
        if (framing == Framing.NONE) {
            return none();
        }
        Optional<Long> declared = length(head);
        long want = framing == Framing.LENGTH ? Math.min(declared.orElseThrow(), MAX_BYTES) : MAX_BYTES;
        Collected collected = new Collected(framing, want);
        HandshakeSocket.Ending ending = HandshakeSocket.Ending.SINK_DONE;
        if (!collected.accept(first, 0, first.length)) {
            ending = socket.read(collected, (int) want + 16).ending();
        }
        byte[] bytes = Arrays.copyOf(collected.buffer, collected.size);
        boolean complete = switch (framing) {
            case LENGTH -> bytes.length == declared.orElseThrow();
            case CHUNKED -> collected.lastChunkSeen();
            default -> ending == HandshakeSocket.Ending.PEER_CLOSED;
        };
        return new ResponseBody(bytes, framing, declared, complete);
    }

    /** Collects octets up to {@code want}; for chunked, until the last chunk ({@code 0 CRLF CRLF}, no trailers) is seen. */
    private static final class Collected implements ResponseSink {
        private final Framing framing;
        private final byte[] buffer;
        private int size;

        Collected(Framing framing, long want) {
            this.framing = framing;
            this.buffer = new byte[(int) want];
        }

        @Override
        public boolean accept(byte[] data, int off, int len) {
            int take = Math.min(len, buffer.length - size);
            System.arraycopy(data, off, buffer, size, take);
            size += take;
            return size >= buffer.length || framing == Framing.CHUNKED && lastChunkSeen();
        }

        boolean lastChunkSeen() {
            byte[] end = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            if (size < end.length) {
                return false;
            }
            for (int i = 0; i < end.length; i++) {
                if (buffer[size - end.length + i] != end[i]) {
                    return false;
                }
            }
            return size == end.length || buffer[size - end.length - 1] == '\n';
        }
    }
}
