package org.wslab.tutorials.chapters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wslab.framing.codec.DecodeResult;
import org.wslab.framing.codec.DecoderSettings;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameDecoder;
import org.wslab.framing.codec.Role;

/**
 * The WebSocket frames (RFC 6455 §5.2) in the octets one side of a connection sent, as a relay
 * captured them: the opening handshake's HTTP head first, then frames until the octets run out.
 */
final class WireFrames {
    private WireFrames() {}

    /** The frames after the head in {@code wire}, sent by the peer of {@code reader}. */
    static List<Frame> of(byte[] wire, Role reader) {
        String text = new String(wire, StandardCharsets.ISO_8859_1);
        int head = text.indexOf("\r\n\r\n");
        List<Frame> frames = new ArrayList<>();
        if (head < 0) {
            return frames;
        }
        FrameDecoder decoder = new FrameDecoder(DecoderSettings.defaults(reader));
        ByteBuffer in = ByteBuffer.wrap(Arrays.copyOfRange(wire, head + 4, wire.length));
        for (DecodeResult r; (r = decoder.decode(in)) instanceof DecodeResult.Decoded d; ) {
            frames.add(d.frame());
        }
        return frames;
    }

    /** The opening handshake's head in {@code wire}, CRs dropped for the page. */
    static String head(byte[] wire) {
        String text = new String(wire, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        return (end < 0 ? text : text.substring(0, end + 4)).replace("\r", "");
    }
}
