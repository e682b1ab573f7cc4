package org.wslab.stomp.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.StompViolation;

/** Test helper: everything a decoder produced from a list of WebSocket messages. */
record Decoded(List<StompFrame> frames, int heartBeats, Optional<StompViolation> violation) {

    static Decoded of(StompVersion version, StompLimits limits, List<byte[]> messages) {
        return of(new StompDecoder(version, limits), messages, i -> { });
    }

    /** What {@code decoder} makes of {@code messages}; {@code before} is told each message's index before it is fed. */
    static Decoded of(StompDecoder decoder, List<byte[]> messages, IntConsumer before) {
        List<StompFrame> frames = new ArrayList<>();
        int[] beats = {0};
        StompFrameSink sink = new StompFrameSink() {
            @Override
            public void onFrame(StompFrame frame) {
                frames.add(frame);
            }

            @Override
            public void onHeartBeat() {
                beats[0]++;
            }
        };
        Optional<StompViolation> v = Optional.empty();
        for (int i = 0; i < messages.size(); i++) {
            before.accept(i);
            byte[] m = messages.get(i);
            v = decoder.feed(m, 0, m.length, sink);
            if (v.isPresent()) {
                break;
            }
        }
        return new Decoded(frames, beats[0], v);
    }

    static Decoded of(StompVersion version, String wire) {
        return of(version, StompLimits.DEFAULT, List.of(wire.getBytes(StandardCharsets.UTF_8)));
    }

    static Decoded of(StompVersion version, byte[] wire) {
        return of(version, StompLimits.DEFAULT, List.of(wire));
    }

    StompFrame single() {
        if (violation.isPresent() || frames.size() != 1) {
            throw new AssertionError("expected one frame, got " + frames + " " + violation);
        }
        return frames.get(0);
    }
}
