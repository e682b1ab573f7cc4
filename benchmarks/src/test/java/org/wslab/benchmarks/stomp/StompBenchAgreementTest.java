package org.wslab.benchmarks.stomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.wslab.benchmarks.Agreement;
import org.wslab.stomp.codec.StompFrame;

/** Every frame of both STOMP suites sets up with all implementations agreeing; a wrong answer is caught. */
class StompBenchAgreementTest {

    @Test
    void decodersAgreeOnEveryFrame() {
        for (String name : StompFixtures.NAMES) {
            StompDecodeBench b = new StompDecodeBench();
            b.frame = name;
            b.agree();
            assertEquals(StompFixtures.frames(name).get(StompFixtures.frames(name).size() - 1), b.wslab(), name);
            assertEquals(StompFixtures.frames(name).size(), b.spring().size(), name);
        }
    }

    @Test
    void encodersAgreeOnEveryFrame() {
        for (String name : StompFixtures.NAMES) {
            StompEncodeBench b = new StompEncodeBench();
            b.frame = name;
            b.agree();
            byte[] wire = StompFixtures.wire(name);
            assertEquals(new String(wire, StandardCharsets.ISO_8859_1),
                    new String(StompEncodeBench.concat(b.ours()), StandardCharsets.ISO_8859_1), name);
        }
    }

    @Test
    void theFixturesMeanWhatTheirNamesSay() {
        assertEquals(200, StompFixtures.frames("message200").get(0).body().length);
        assertEquals(6, StompFixtures.frames("message200").get(0).headers().size());
        assertEquals(65536, StompFixtures.frames("send64k").get(0).body().length);
        assertEquals(100, StompFixtures.frames("batch100").size());
        assertEquals(100, StompFixtures.frames("batch100").stream().map(f -> f.header("message-id")).distinct().count());
    }

    @Test
    void aDecoderGivingAnotherHeaderValueIsCaught() {
        StompFrame expected = StompFixtures.frames("message200").get(0);
        byte[] wire = new String(StompFixtures.wire("message200"), StandardCharsets.ISO_8859_1)
                .replace("sub-0", "sub-1").getBytes(StandardCharsets.ISO_8859_1);
        List<Message<byte[]>> m = new StompDecoder().decode(java.nio.ByteBuffer.wrap(wire));
        assertThrows(Agreement.Disagreement.class, () -> StompDecodeBench.agree(expected, m.get(0)));
    }

    @Test
    void anEncoderWritingOtherOctetsIsCaught() {
        // Spring given the headers of batch100's second frame writes another message-id than ours for the first
        List<StompFrame> batch = StompFixtures.frames("batch100");
        byte[] ours = org.wslab.stomp.codec.StompEncoder.encode(batch.get(0), org.wslab.stomp.StompVersion.V1_2);
        byte[] theirs = new org.springframework.messaging.simp.stomp.StompEncoder()
                .encode(StompFixtures.springHeaders(batch.get(1)), batch.get(0).body());
        assertThrows(Agreement.Disagreement.class, () -> Agreement.sameBytes("spring", ours, theirs));
    }
}
