package org.wslab.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A benchmark that ends without a result is a failure, named with the reason its fork gave. */
class ProgressFormatTest {
    @Test
    void aDisagreementIsNamedAsTheReason() {
        var shown = new ByteArrayOutputStream();
        var format = new ProgressFormat(new PrintStream(shown, true, StandardCharsets.UTF_8), 2);
        format.start("MaskingBench.jetty size=16");
        format.println("<failure>");
        format.println("");
        format.println("org.wslab.benchmarks.Agreement$Disagreement: jetty differs from wslab at octet 3 of 16");
        format.println("\tat org.wslab.benchmarks.Agreement.sameBytes(Agreement.java:28)");
        format.start("MaskingBench.wslab size=16");
        format.print("fork output without a newline");
        format.endRun(List.of());
        List<String> failures = format.failures();
        assertEquals(2, failures.size(), failures.toString());
        assertEquals("MaskingBench.jetty size=16: org.wslab.benchmarks.Agreement$Disagreement: jetty differs from wslab "
                + "at octet 3 of 16", failures.get(0));
        assertEquals("MaskingBench.wslab size=16: fork output without a newline", failures.get(1));
        String progress = shown.toString(StandardCharsets.UTF_8);
        assertTrue(progress.startsWith("[1/2] MaskingBench.jetty size=16 … FAILED"), progress);
        assertTrue(progress.contains("[2/2] MaskingBench.wslab size=16 … FAILED"), progress);
    }
}
