package org.wslab.stomp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompVersion;

/** What the encoder refuses to write (it never writes a frame that would decode differently). */
class StompEncoderChecksTest {
    private static StompRule refused(StompFrame f, StompVersion v) {
        return StompEncoder.check(f, v).orElseThrow(() -> new AssertionError("accepted " + f)).rule();
    }

    @Test
    void aNulInTheBodyNeedsContentLength() {
        // STOMP 1.2 "Header content-length": without it the body would end at the first NUL
        StompFrame f = StompFrame.of(StompCommand.SEND, "destination", "/queue/a").withBodyNoLength(new byte[] {'a', 0, 'b'});
        assertEquals(StompRule.CONTENT_LENGTH_MISMATCH, refused(f, StompVersion.V1_2));
        assertTrue(StompEncoder.check(f.withBody(new byte[] {'a', 0, 'b'}), StompVersion.V1_2).isEmpty());
    }

    @Test
    void onlySendMessageAndErrorCarryABody() {
        // STOMP 1.2 "STOMP Frames": other frames MUST NOT have a body
        StompFrame f = StompFrame.of(StompCommand.SUBSCRIBE, "id", "0", "destination", "/topic/a").withBodyNoLength(new byte[] {'x'});
        assertEquals(StompRule.BODY_NOT_ALLOWED, refused(f, StompVersion.V1_2));
    }

    @Test
    void valuesThatCannotBeWrittenInAVersionAreRefused() {
        // STOMP 1.0 has no escapes, and CONNECT is never escaped: a LF in a value cannot be written
        StompFrame lf = StompFrame.of(StompCommand.SEND, "destination", "/queue/a", "x", "two\nlines");
        assertEquals(StompRule.UNENCODABLE_HEADER, refused(lf, StompVersion.V1_0));
        assertTrue(StompEncoder.check(lf, StompVersion.V1_1).isEmpty(), "1.1 escapes \\n");
        assertEquals(StompRule.UNENCODABLE_HEADER,
                refused(StompFrame.of(StompCommand.CONNECT, "login", "a\nb"), StompVersion.V1_2));
        // a trailing CR: in 1.1 it is data (lines end with LF only) and goes out raw; 1.2 escapes it as \r;
        // in a CONNECT (never escaped, read before a version is agreed) it would look like CR LF: refused
        StompFrame cr = StompFrame.of(StompCommand.SEND, "destination", "/queue/a", "x", "ends\r");
        for (StompVersion v : new StompVersion[] {StompVersion.V1_1, StompVersion.V1_2}) {
            assertTrue(StompEncoder.check(cr, v).isEmpty(), v.toString());
            assertEquals(cr, Decoded.of(v, StompEncoder.encode(cr, v)).single(), v.toString());
        }
        assertEquals(StompRule.UNENCODABLE_HEADER,
                refused(StompFrame.of(StompCommand.CONNECT, "login", "me\r"), StompVersion.V1_2));
    }
}
