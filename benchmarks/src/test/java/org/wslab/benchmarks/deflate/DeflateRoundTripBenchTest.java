package org.wslab.benchmarks.deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.wslab.benchmarks.Agreement;

/** The deflate suite's set-up agrees for every kind and size; its check and facts make sense. */
class DeflateRoundTripBenchTest {
    @ParameterizedTest
    @CsvSource({"text,1024", "text,65536", "json,1024", "json,65536", "binary,1024", "binary,65536"})
    void everyImplementationRoundTrips(String kind, int size) {
        DeflateRoundTripBench b = new DeflateRoundTripBench();
        b.kind = kind;
        b.size = size;
        b.agree();
        try {
            assertEquals(size, b.wslab());
            assertEquals(size, b.jetty());
            assertEquals(size, b.netty());
            assertEquals(size, b.jdk());
        } finally {
            b.close();
        }
    }

    @Test
    void factsAreCompressionRatios() {
        Map<String, Double> text = DeflateRoundTripBench.facts(Map.of("kind", "text", "size", "1024"));
        Map<String, Double> binary = DeflateRoundTripBench.facts(Map.of("kind", "binary", "size", "1024"));
        assertEquals(java.util.Set.of("wslab", "jetty", "netty", "jdk"), text.keySet());
        text.forEach((who, r) -> assertTrue(r > 0 && r < 0.7, who + " compresses text to " + r));
        binary.forEach((who, r) -> assertTrue(r >= 1.0, who + " cannot shrink random octets: " + r));
    }

    @Test
    void aCorruptedInflationIsADisagreement() {
        try (JdkRoundTrip jdk = new JdkRoundTrip(1024)) {
            byte[] message = DeflateInputs.of("text", 1024, 1);
            jdk.roundTrip(message);
            byte[] wrong = message.clone();
            wrong[10] ^= 1;
            assertThrows(Agreement.Disagreement.class, () -> Agreement.sameBytes("jdk", wrong, jdk.inflated()));
        }
    }
}
