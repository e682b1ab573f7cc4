package org.wslab.lab.server.jetty.updates;

import java.util.Objects;

/**
 * One server-side update: its sequence number (1, 2, 3, … in publication order, the SSE event
 * {@code id}, WHATWG HTML "Server-sent events") and its one line of text.
 *
 * @param seq  the position in the feed, from 1
 * @param data the text, without CR or LF
 */
public record Update(long seq, String data) {
    public Update {
        Objects.requireNonNull(data, "data");
        if (seq < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1: " + seq);
        }
    }

    /** The update as a line of the polling endpoints' body: {@code seq SP data LF}. */
    public String line() {
        return seq + " " + data + "\n";
    }

    /** The update as one WebSocket text message (RFC 6455 §5.6): {@code seq SP data}. */
    public String message() {
        return seq + " " + data;
    }

    /** The update as one server-sent event: {@code id: seq LF data: data LF LF}. */
    public String event() {
        return "id: " + seq + "\ndata: " + data + "\n\n";
    }
}
