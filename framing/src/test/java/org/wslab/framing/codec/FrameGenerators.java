package org.wslab.framing.codec;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.wslab.testkit.ByteGens;

/** Generators of valid frames (shrinking to short payloads, FIN set, no RSV) for the codec suites. */
public final class FrameGenerators {
    private FrameGenerators() {}

    /** Any opcode defined by RFC 6455 §5.2. */
    public static Gen<Opcode> opcodes() {
        return Generate.enumValues(Opcode.class);
    }

    /** A frame obeying §5.5 (control: FIN, ≤125 bytes), any RSV bits, payload up to {@code max}. */
    public static Gen<Frame> frames(int max) {
        return opcodes().zip(booleans().all(), integers().between(0, 7), ByteGens.bytes(0, max),
                (op, fin, rsv, payload) -> {
                    if (op.isControl()) {
                        byte[] p = payload.length > 125 ? java.util.Arrays.copyOf(payload, 125) : payload;
                        return new Frame(true, rsv, op, false, 0, p);
                    }
                    return new Frame(fin, rsv, op, false, 0, payload);
                });
    }

    /** Frames whose payloads cross the 125/126 and 65535/65536 length-form boundaries. */
    public static Gen<Frame> boundaryFrames() {
        return Generate.pick(List.of(0, 1, 125, 126, 127, 65535, 65536, 70000))
                .map(n -> Frame.binary(new byte[n]));
    }

    /** Sequences of frames. */
    public static Gen<List<Frame>> frameLists(int maxFrames, int maxPayload) {
        return lists().of(frames(maxPayload)).ofSizeBetween(1, maxFrames);
    }
}
