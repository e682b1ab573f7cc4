package org.wslab.benchmarks.stomp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.wslab.benchmarks.Agreement;
import org.wslab.benchmarks.Measures;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.codec.StompDecoder;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompFrameSink;
import org.wslab.stomp.codec.StompHeader;
import org.wslab.stomp.codec.StompLimits;

/**
 * Decoding STOMP frames from one WebSocket message's payload (STOMP 1.2 "STOMP Frames", "Value
 * Encoding", "Header content-length"); the frames are {@link StompFixtures}'. Ours is
 * {@link StompDecoder} fed the payload as a {@link ByteBuffer} the way our server session feeds
 * it, one decoder reused for the connection's life; Spring's is
 * {@code org.springframework.messaging.simp.stomp.StompDecoder.decode(ByteBuffer)}, the call
 * Spring's {@code StompSubProtocolHandler} makes per WebSocket message, one decoder reused. Both
 * produce what their broker consumes: our {@link StompFrame}s, Spring's {@code Message<byte[]>}s
 * with their header accessors. The buffer is rewound in every invocation, the same for both.
 */
@Measures(suite = "STOMP", title = "decode a frame", spec = "STOMP 1.2 \"STOMP Frames\"")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StompDecodeBench {
    @Param({"connect", "message200", "send64k", "batch100"})
    public String frame;

    private ByteBuffer input;
    private StompDecoder ours;
    private org.springframework.messaging.simp.stomp.StompDecoder theirs;
    private final LastFrame sink = new LastFrame();

    /** Keeps the last frame and counts them, so nothing a decoder produces is dead. */
    static final class LastFrame implements StompFrameSink {
        StompFrame last;
        int count;

        @Override
        public void onFrame(StompFrame f) {
            last = f;
            count++;
        }
    }

    /** Both decoders give the fixture's frames: same command, headers in order, body octets. */
    @Setup
    public void agree() {
        input = ByteBuffer.wrap(StompFixtures.wire(frame));
        ours = new StompDecoder(StompVersion.V1_2, StompLimits.DEFAULT);
        theirs = new org.springframework.messaging.simp.stomp.StompDecoder();
        List<StompFrame> expected = StompFixtures.frames(frame);
        List<StompFrame> decoded = new ArrayList<>();
        input.rewind();
        ours.feed(input, new StompFrameSink() {
            @Override
            public void onFrame(StompFrame f) {
                decoded.add(f);
            }
        }).ifPresent(v -> Agreement.require(false, "wslab fails: " + v));
        Agreement.same("wslab", expected, decoded);
        input.rewind();
        List<Message<byte[]>> messages = theirs.decode(input);
        Agreement.same("spring", expected.size(), messages.size());
        for (int i = 0; i < messages.size(); i++) {
            agree(expected.get(i), messages.get(i));
        }
        Agreement.require(ours.isIdle(), "wslab decoder not idle after the input");
    }

    /** Spring's message {@code m} is the frame {@code f}: command, header names and values in order, body. */
    static void agree(StompFrame f, Message<byte[]> m) {
        StompHeaderAccessor accessor = StompHeaderAccessor.wrap(m);
        Agreement.same("spring command", f.command().name(), String.valueOf(accessor.getCommand()));
        List<String> ourHeaders = new ArrayList<>();
        for (StompHeader h : f.headers()) {
            ourHeaders.add(h.name() + ":" + h.value());
        }
        List<String> theirHeaders = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : accessor.toNativeHeaderMap().entrySet()) {
            for (String v : e.getValue()) {
                String value = e.getKey().equals("passcode") ? accessor.getPasscode() : v;
                theirHeaders.add(e.getKey() + ":" + value);
            }
        }
        Agreement.same("spring headers", ourHeaders, theirHeaders);
        Agreement.require(Arrays.equals(f.body(), m.getPayload()), "spring body differs from wslab's");
    }

    @Benchmark
    public StompFrame wslab() {
        input.rewind();
        ours.feed(input, sink);
        return sink.last;
    }

    @Benchmark
    public List<Message<byte[]>> spring() {
        input.rewind();
        return theirs.decode(input);
    }
}
