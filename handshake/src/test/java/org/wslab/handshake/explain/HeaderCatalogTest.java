package org.wslab.handshake.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.handshake.http.Headers;

/**
 * A response's fields are read as what they are in that response: in a 101, {@code Connection}
 * must hold "Upgrade" (RFC 6455 §4.2.2 (5.3)); in a refusal it only says whether TCP stays open
 * (RFC 9110 §7.6.1), and {@code Upgrade} with a 426 names the protocols on offer (RFC 9110 §15.5.22).
 */
class HeaderCatalogTest {
    private static final Headers FIELDS = Headers.of("Connection", "close", "Upgrade", "websocket",
            "Sec-WebSocket-Version", "13");

    @Test
    void inA101ConnectionIsTheRequiredUpgradeToken() {
        HeaderAnnotation connection = HeaderCatalog.response(101, FIELDS).get(0);
        assertEquals(HeaderRole.REQUIRED, connection.role());
        assertEquals("RFC 6455 §4.2.2 (5.3)", connection.section());
    }

    @Test
    void inARefusalConnectionIsHopByHopAndUpgradeNamesTheOffer() {
        List<HeaderAnnotation> notes = HeaderCatalog.response(426, FIELDS);
        assertEquals(HeaderRole.UNRELATED, notes.get(0).role());
        assertEquals("RFC 9110 §7.6.1", notes.get(0).section());
        assertEquals("RFC 9110 §15.5.22", notes.get(1).section());
        assertEquals("RFC 6455 §4.4", notes.get(2).section(), "the versions a 426 lists are read as before");
    }
}
