package org.wslab.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A baseline is a results.json or a clear refusal naming what is wrong with the file; the HTML
 * report escapes whatever a server sent, so a hostile reason cannot inject markup into the page.
 */
class BaselineAndHtmlTest {
    @Test
    void aFileThatIsNotAResultsJsonIsRefusedSayingWhy(@TempDir Path dir) throws Exception {
        Path notJson = dir.resolve("a.json");
        Files.writeString(notJson, "{oops");
        assertTrue(assertThrows(IOException.class, () -> Baseline.read(notJson)).getMessage().contains("is not JSON"));
        Path noCases = dir.resolve("b.json");
        Files.writeString(noCases, "{\"x\":1}");
        assertTrue(assertThrows(IOException.class, () -> Baseline.read(noCases)).getMessage().contains("no \"cases\" array"));
        Path badVerdict = dir.resolve("c.json");
        Files.writeString(badVerdict, "{\"cases\":[{\"id\":\"framing.1.1.1\",\"verdict\":\"MAYBE\"}]}");
        assertTrue(assertThrows(IOException.class, () -> Baseline.read(badVerdict)).getMessage().contains("unknown verdict MAYBE"));
        Path good = dir.resolve("d.json");
        Files.writeString(good, "{\"cases\":[{\"id\":\"framing.1.1.1\",\"verdict\":\"OK\"}]}");
        assertEquals(1, Baseline.read(good).size());
    }

    @Test
    void theHtmlEscapesWhatAServerSent() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; \uFFFD", HtmlReport.esc("<script>alert('x')</script> & \u0001"));
    }
}
