package org.wslab.benchmarks.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.annotations.Param;
import org.wslab.benchmarks.Agreement;

/** Every parameter combination's set-up runs and the implementations agree (RFC 6455 §5.2). */
class FrameBenchTest {
    private static String[] values(Class<?> bench, String field) throws NoSuchFieldException {
        return bench.getField(field).getAnnotation(Param.class).value();
    }

    @TestFactory
    Stream<DynamicTest> decodeAgreesForEveryRoleAndSize() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String role : values(FrameDecodeBench.class, "role")) {
            for (String size : values(FrameDecodeBench.class, "size")) {
                tests.add(DynamicTest.dynamicTest(role + " " + size, () -> {
                    FrameDecodeBench b = new FrameDecodeBench();
                    b.role = role;
                    b.size = Integer.parseInt(size);
                    b.agree();
                    assertEquals(b.size, b.wslab().len);
                    assertEquals(1, b.netty());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> streamDecodeAgreesForEverySize() throws Exception {
        return Stream.of(values(FrameStreamDecodeBench.class, "size")).map(size -> DynamicTest.dynamicTest(size, () -> {
            FrameStreamDecodeBench b = new FrameStreamDecodeBench();
            b.size = Integer.parseInt(size);
            b.agree();
            assertEquals(FrameStreamDecodeBench.FRAMES, b.wslab());
            assertEquals(FrameStreamDecodeBench.FRAMES, b.netty());
        }));
    }

    @TestFactory
    Stream<DynamicTest> encodeAgreesForEveryRoleAndSize() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String role : values(FrameEncodeBench.class, "role")) {
            for (String size : values(FrameEncodeBench.class, "size")) {
                tests.add(DynamicTest.dynamicTest(role + " " + size, () -> {
                    FrameEncodeBench b = new FrameEncodeBench();
                    b.role = role;
                    b.size = Integer.parseInt(size);
                    b.agree();
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void aJettyFrameLeftMaskedIsCaught() throws Exception {
        // Jetty unmasks in place: its second parse of the same input gives the masked octets,
        // which the decode check must refuse
        FrameDecodeBench b = new FrameDecodeBench();
        b.role = "server";
        b.size = 125;
        b.agree();
        byte[] ours = b.wslab().payload();
        b.jetty();
        byte[] secondParse = FrameDecodeBench.octets(b.jetty().getPayload());
        assertThrows(Agreement.Disagreement.class, () -> Agreement.sameBytes("jetty", ours, secondParse));
    }

    @Test
    void anUnrestoredJettyPayloadIsCaught() throws Exception {
        // Generator moves the payload's position: without the restore its second frame is empty
        FrameEncodeBench b = new FrameEncodeBench();
        b.role = "client";
        b.size = 125;
        b.agree();
        ByteBuffer first = b.jetty();
        assertEquals(2 + 4 + 125, first.remaining());
        byte[] expected = new byte[first.remaining()];
        first.get(first.position(), expected);
        assertThrows(Agreement.Disagreement.class, () -> Agreement.sameBytes("jetty", expected, new byte[6]));
    }
}
