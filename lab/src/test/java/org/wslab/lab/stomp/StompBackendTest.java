package org.wslab.lab.stomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code --relay HOST:PORT} parsing: the forms a person types, and each malformed one refused with a line. */
class StompBackendTest {

    @Test
    void hostAndPortForms() {
        assertEquals(new StompBackend.Relay("127.0.0.1", 61613), StompBackend.Relay.parse("127.0.0.1:61613"));
        assertEquals(new StompBackend.Relay("broker.example", 1), StompBackend.Relay.parse(" broker.example:1 "));
        StompBackend.Relay v6 = StompBackend.Relay.parse("[::1]:61613");
        assertEquals("::1", v6.host());
        assertEquals("[::1]:61613", v6.address());
    }

    @Test
    void malformedFormsAreRefused() {
        for (String bad : new String[] {"", "localhost", ":61613", "host:", "host:port", "host:0", "host:65536", "::1:61613"}) {
            assertThrows(IllegalArgumentException.class, () -> StompBackend.Relay.parse(bad), bad);
        }
    }
}
