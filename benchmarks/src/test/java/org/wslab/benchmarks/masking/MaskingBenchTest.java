package org.wslab.benchmarks.masking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.annotations.Param;
import org.wslab.benchmarks.Agreement;
import org.wslab.framing.codec.Masking;

/** Every size's set-up runs and all implementations unmask alike (RFC 6455 §5.3). */
class MaskingBenchTest {
    @TestFactory
    java.util.stream.Stream<DynamicTest> everySizeAgrees() throws Exception {
        String[] sizes = MaskingBench.class.getField("size").getAnnotation(Param.class).value();
        // 256 MiB is skipped here (memory and time in mvn test); the benchmark's own set-up checks it
        return Arrays.stream(sizes).filter(s -> Integer.parseInt(s) <= 16 * 1024 * 1024)
                .map(s -> DynamicTest.dynamicTest("size=" + s, () -> {
                    MaskingBench b = new MaskingBench();
                    b.size = Integer.parseInt(s);
                    b.agree();
                }));
    }

    @Test
    void aPayloadLeftMaskedIsCaught() throws Exception {
        // after the set-up the payload is masked; wslab unmasks it, Jetty's demask then masks it
        // again — an answer the check must refuse — and once more gives the unmasked octets back
        MaskingBench b = new MaskingBench();
        b.size = 125;
        b.agree();
        byte[] unmasked = b.wslab().clone();
        ByteBuffer wrong = b.jetty().getPayload();
        byte[] remasked = new byte[wrong.remaining()];
        wrong.get(wrong.position(), remasked);
        assertThrows(Agreement.Disagreement.class, () -> Agreement.sameBytes("jetty", unmasked, remasked));
        ByteBuffer right = b.jetty().getPayload();
        byte[] again = new byte[right.remaining()];
        right.get(right.position(), again);
        Agreement.sameBytes("jetty", unmasked, again);
        byte[] expected = remasked.clone();
        Masking.applyByteLoop(expected, 0, expected.length, MaskingBench.KEY, 0);
        assertArrayEquals(unmasked, expected);
    }
}
