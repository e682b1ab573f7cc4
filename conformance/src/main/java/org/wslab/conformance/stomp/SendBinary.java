package org.wslab.conformance.stomp;

import java.io.IOException;
import java.util.Arrays;
import org.wslab.conformance.Finding;

/**
 * Sends one STOMP frame as a binary WebSocket message whatever its octets (STOMP 1.2 "STOMP Frames":
 * a frame is octets; RFC 6455 §5.6: octets that are not UTF-8 can only travel in a binary message):
 * its command and headers from a template ({@link StompRun}), then {@code body} as is, then the NUL.
 *
 * @param what what it sends, in words
 * @param head the command, headers and the blank line, as a template
 * @param body the body's octets, any values
 */
record SendBinary(String what, String head, byte[] body) implements Step.Sending {
    SendBinary {
        body = body.clone();
    }

    @Override
    public Finding run(StompRun run) throws IOException {
        byte[] start = run.wire(head);
        byte[] frame = Arrays.copyOf(start, start.length + body.length + 1);
        System.arraycopy(body, 0, frame, start.length, body.length);
        run.wire.sendBinary(frame);
        run.lastSentNanos = System.nanoTime();
        return null;
    }
}
