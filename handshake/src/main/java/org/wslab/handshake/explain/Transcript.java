package org.wslab.handshake.explain;

import java.util.Arrays;
import java.util.Objects;

/**
 * A recorded handshake in the notes' format: the request head, one empty line, the response head
 * (e.g. copied from browser dev tools). Line ends may be CRLF (as on the wire) or LF only (as
 * pasted into files); RFC 9112 §2.2 lets a recipient accept a lone LF, and the parsers do.
 *
 * @param request  the request's bytes up to and including the empty line
 * @param response the rest: the response head, its final empty line added by {@link #read} if the
 *                 file ended without it
 */
public record Transcript(byte[] request, byte[] response) {
    public Transcript {
        request = request.clone();
        response = response.clone();
    }

    /** The outcome of splitting a file into the request and response heads (RFC 9112 §2.1 messages). */
    public sealed interface Reading {
        /** Split into the two messages. */
        record Split(Transcript transcript) implements Reading {}

        /** No request / empty line / response structure found. */
        record Invalid(String detail) implements Reading {
            public Invalid {
                Objects.requireNonNull(detail, "detail");
            }
        }
    }

    /** Splits a file at the first empty line after the first non-empty one. */
    public static Reading read(byte[] file) {
        int i = 0;
        while (i < file.length && (file[i] == '\r' || file[i] == '\n')) {
            i++;
        }
        if (i == file.length) {
            return new Reading.Invalid("the file holds no request");
        }
        for (int j = i; j < file.length; j++) {
            if (file[j] != '\n') {
                continue;
            }
            int end = -1;
            if (j + 1 < file.length && file[j + 1] == '\n') {
                end = j + 2;
            } else if (j + 2 < file.length && file[j + 1] == '\r' && file[j + 2] == '\n') {
                end = j + 3;
            }
            if (end < 0) {
                continue;
            }
            int rest = end;
            while (rest < file.length && (file[rest] == '\r' || file[rest] == '\n')) {
                rest++;
            }
            if (rest == file.length) {
                return new Reading.Invalid("no response after the request's empty line");
            }
            boolean crlf = file[end - 2] == '\r';
            return new Reading.Split(new Transcript(Arrays.copyOfRange(file, 0, end),
                    completed(Arrays.copyOfRange(file, rest, file.length), crlf)));
        }
        return new Reading.Invalid("no empty line between request and response");
    }

    /**
     * The response with its head's final empty line, in the file's line-end style: its trailing line
     * ends are found by one backward scan (a regex here took quadratic time on long runs of them).
     */
    private static byte[] completed(byte[] response, boolean crlf) {
        int end = response.length;
        while (end > 0 && (response[end - 1] == '\r' || response[end - 1] == '\n')) {
            end--;
        }
        if (end > 0 && Character.isWhitespace((char) (response[end - 1] & 0xFF))) {
            return response; // trailing spaces or tabs: leave the bytes as they are for the parser to judge
        }
        byte[] eol = crlf ? new byte[] {'\r', '\n', '\r', '\n'} : new byte[] {'\n', '\n'};
        byte[] out = Arrays.copyOf(response, end + eol.length);
        System.arraycopy(eol, 0, out, end, eol.length);
        return out;
    }

    @Override
    public byte[] request() {
        return request.clone();
    }

    @Override
    public byte[] response() {
        return response.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transcript t && Arrays.equals(t.request, request) && Arrays.equals(t.response, response);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(request) + Arrays.hashCode(response);
    }

    @Override
    public String toString() {
        return "Transcript[request=" + request.length + " bytes, response=" + response.length + " bytes]";
    }
}
