package org.wslab.framing.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.wslab.framing.codec.DecodeResult;
import org.wslab.framing.codec.DecoderSettings;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameDecoder;
import org.wslab.framing.codec.Role;
import org.wslab.handshake.deflate.DeflateParameters;

/** Helpers for engine tests: open connections, drain output, decode what an engine sent. */
final class EngineHarness {
    private EngineHarness() {}

    static EngineSettings settings() {
        SplittableRandom keys = new SplittableRandom(7);
        return EngineSettings.defaults().withMaskKeys(keys::nextInt);
    }

    static Connection server() {
        return Connection.open(Role.SERVER, Optional.empty(), settings(), 0);
    }

    static Connection server(EngineSettings s, Optional<DeflateParameters> deflate) {
        return Connection.open(Role.SERVER, deflate, s, 0);
    }

    static byte[] drain(Connection c) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (ByteBuffer b : c.takeOutput()) {
            byte[] a = new byte[b.remaining()];
            b.get(a);
            out.writeBytes(a);
        }
        return out.toByteArray();
    }

    /** The frames in {@code wire} as the peer of {@code sender} decodes them (any RSV allowed). */
    static List<Frame> framesSentBy(Role sender, byte[] wire) {
        FrameDecoder d = new FrameDecoder(DecoderSettings.defaults(sender.peer()).withAllowedRsv(7)
                .withMaxFramePayload(DecoderSettings.HARD_MAX_FRAME));
        ByteBuffer in = ByteBuffer.wrap(wire);
        List<Frame> frames = new ArrayList<>();
        DecodeResult r;
        while ((r = d.decode(in)) instanceof DecodeResult.Decoded f) {
            frames.add(f.frame().withoutMask());
        }
        if (r instanceof DecodeResult.Failed f) {
            throw new AssertionError(f.error().toString());
        }
        return frames;
    }

    /** Moves bytes from {@code from} to {@code to} until neither has output; returns {@code to}'s events. */
    static List<Event> pump(Connection from, Connection to) {
        List<Event> events = new ArrayList<>();
        byte[] bytes = drain(from);
        if (bytes.length > 0) {
            events.addAll(to.receive(ByteBuffer.wrap(bytes), 0));
        }
        return events;
    }
}
