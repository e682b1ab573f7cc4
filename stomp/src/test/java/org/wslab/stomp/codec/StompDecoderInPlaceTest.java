package org.wslab.stomp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompVersion;

/**
 * The decoder reads a payload where it lies and copies a body once: what it hands out or keeps
 * must never alias the caller's array, which a transport reuses for its next read.
 */
class StompDecoderInPlaceTest {
    private static final String SIZED = "SEND\ndestination:/queue/a\ncontent-length:5\n\nhe\0lo\0";
    private static final String OPEN = "SEND\ndestination:/queue/a\n\nhello\0";

    private static byte[] wire(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // a frame read in place keeps its body after the caller overwrites the payload
    @Test
    void aFrameReadInPlaceOwnsItsBody() {
        for (String frame : List.of(SIZED, OPEN)) {
            byte[] payload = wire(frame + frame);
            List<StompFrame> out = new ArrayList<>();
            StompDecoder d = new StompDecoder(StompVersion.V1_2, StompLimits.DEFAULT);
            assertTrue(d.feed(payload, 0, payload.length, out::add).isEmpty());
            Arrays.fill(payload, (byte) 'x');
            assertEquals(2, out.size());
            byte[] expected = frame == SIZED ? wire("he\0lo") : wire("hello");
            assertArrayEquals(expected, out.get(0).body());
            assertArrayEquals(expected, out.get(1).body());
            assertEquals("/queue/a", out.get(1).header("destination"));
        }
    }

    // STOMP 1.2 "Header content-length": the body is filled octet by octet across payloads, each reused
    @Test
    void anyPrefixKeptFromAReusedPayloadDecodesTheSameFrame() {
        for (String frame : List.of(SIZED, OPEN, "\r\n" + SIZED)) {
            byte[] whole = wire(frame);
            for (int cut = 0; cut <= whole.length; cut++) {
                byte[] reused = new byte[whole.length];
                List<StompFrame> out = new ArrayList<>();
                StompDecoder d = new StompDecoder(StompVersion.V1_2, StompLimits.DEFAULT);
                System.arraycopy(whole, 0, reused, 0, cut);
                assertTrue(d.feed(reused, 0, cut, out::add).isEmpty());
                Arrays.fill(reused, (byte) 'x');
                for (int i = cut; i < whole.length; i++) { // the rest one octet at a time, in the same array
                    reused[0] = whole[i];
                    assertTrue(d.feed(reused, 0, 1, out::add).isEmpty(), frame + " cut at " + cut);
                    reused[0] = 'x';
                }
                assertEquals(1, out.size(), frame + " cut at " + cut);
                assertEquals(Decoded.of(StompVersion.V1_2, whole).single(), out.get(0), frame + " cut at " + cut);
                assertTrue(d.isIdle());
            }
        }
    }
}
