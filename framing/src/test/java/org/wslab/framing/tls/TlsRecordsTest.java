package org.wslab.framing.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;

/** RFC 8446 §5.1: what a record's first three octets are; an HTTP message never starts like one. */
class TlsRecordsTest {
    // RFC 8446 §5.1: a record starts with a content type 20..23 and a legacy version 3.0..3.4, and only then
    @Test
    void aRecordHeaderIsRecognisedExactly() {
        Props.qt(2000).forAll(ByteGens.bytes(3, 16)).checkAssert(head -> {
            int type = head[0] & 0xFF;
            boolean expected = type >= 20 && type <= 23 && head[1] == 3 && (head[2] & 0xFF) <= 4;
            assertEquals(expected, TlsRecords.looksLikeTls(head, head.length));
        });
    }

    @Test
    void realHeadsAreToldApart() {
        byte[] alert = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x0a};
        assertTrue(TlsRecords.looksLikeTls(alert, alert.length));
        assertEquals(10, TlsRecords.alertDescription(alert, alert.length)); // unexpected_message
        byte[] http = "HTTP/1.1 400 Bad Request\r\n".getBytes(StandardCharsets.US_ASCII);
        assertFalse(TlsRecords.looksLikeTls(http, http.length));
        assertTrue(TlsRecords.looksLikeHttp(http, http.length));
        byte[] get = "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
        assertTrue(TlsRecords.looksLikeHttp(get, get.length));
        assertEquals("\\x15\\x03\\x03\\x00\\x02\\x02\\x0a", TlsRecords.quote(alert, alert.length));
    }
}
