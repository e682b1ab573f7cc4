package org.wslab.conformance.peer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.wslab.framing.codec.Role;

/**
 * A case's frames turned into writes: each masked with a fresh key (RFC 6455 §5.3) where it asks for a
 * mask — in the server role {@link WireFrame#mirrored() mirrored} (§5.1) — labelled in the
 * {@link WireLog}, and cut as its {@link Chop} says. The carrier (a TCP socket, an HTTP/2 stream's DATA
 * frames) does the writing.
 */
final class FrameWrites {
    /** One write on the carrier. */
    interface Write {
        void write(byte[] bytes) throws IOException;
    }

    private FrameWrites() {}

    static void send(List<WireFrame> frames, Chop chop, Role role, Random maskKeys, WireLog log, Write out)
            throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (WireFrame asked : frames) {
            WireFrame f = role == Role.CLIENT ? asked : asked.mirrored();
            int key = maskKeys.nextInt();
            byte[] wire = f.encode(key);
            if (!log.muted()) {
                log.sentFrame(f.trace(key));
            }
            if (chop.writeBytes() == -1) {
                out.write(wire);
            } else {
                batch.write(wire);
            }
        }
        byte[] all = batch.toByteArray();
        if (chop.writeBytes() == 0) {
            out.write(all);
        } else if (chop.writeBytes() > 0) {
            for (int i = 0; i < all.length; i += chop.writeBytes()) {
                out.write(Arrays.copyOfRange(all, i, Math.min(all.length, i + chop.writeBytes())));
            }
        }
    }
}
