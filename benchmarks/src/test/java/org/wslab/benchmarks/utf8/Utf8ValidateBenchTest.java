package org.wslab.benchmarks.utf8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.wslab.benchmarks.Agreement;

/** The UTF-8 suite's set-up agrees for every input, and its check catches a wrong verdict. */
class Utf8ValidateBenchTest {
    private static Utf8ValidateBench bench(String input) {
        Utf8ValidateBench b = new Utf8ValidateBench();
        b.size = 65536;
        b.input = input;
        return b;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ascii", "mixed", "cjk", "invalidAtEnd"})
    void everyInputAgrees(String input) {
        Utf8ValidateBench b = bench(input);
        b.agree();
        assertEquals(65536, b.text.length);
    }

    @Test
    void inputsAreWhatTheirNamesSay() {
        String cjk = new String(Utf8Inputs.of("cjk", 65536), StandardCharsets.UTF_8);
        long threeOctet = cjk.chars().filter(c -> c >= 0x800).count();
        assertEquals(true, threeOctet * 3 > 65536 / 2, "mostly 3-octet code points");
        byte[] ascii = Utf8Inputs.of("ascii", 65536);
        for (byte x : ascii) {
            assertEquals(0, x & 0x80);
        }
        String mixed = new String(Utf8Inputs.of("mixed", 65536), StandardCharsets.UTF_8);
        assertEquals(true, mixed.codePoints().anyMatch(c -> c > 0xFFFF), "some emoji");
    }

    @Test
    void aWrongVerdictIsADisagreement() {
        Utf8ValidateBench b = bench("mixed");
        b.agree();
        b.text[100] = (byte) 0xC0; // an overlong lead: now invalid, but "mixed" expects valid
        assertFalse(b.wslab());
        assertThrows(Agreement.Disagreement.class, () -> Agreement.same("wslab", true, b.wslab()));
    }
}
