package org.wslab.lab.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;

/** What a peer sent, shown on one safe line (ECMA-48: no control reaches the terminal). */
class WireTextTest {

    @Test
    void controlsAndOctetsThatAreNotUtf8AreEscaped() {
        byte[] bytes = {0x00, (byte) 0xFF, 'o', 'k', 0x1B, '[', '2', 'J', (byte) 0xC3, (byte) 0xA9, '\r', '\n'};
        assertEquals("\\x00\\xffok\\x1b[2Jé\\x0d\\x0a", WireText.quote(bytes, 64));
        assertEquals("\\x00\\xff…", WireText.quote(bytes, 2));
        assertEquals("tab\tstays, \\x7f and \\x9b do not", WireText.safe("tab\tstays, \u007f and \u009b do not"));
    }

    @Test
    void anHtmlErrorPageIsShownAsItsText() {
        String page = "<html>\n<head><title>Error 404</title><style>p{}</style></head>\n<body><h2>HTTP ERROR 404</h2>"
                + "\n<p>Not Found</p></body></html>";
        assertEquals("Error 404 HTTP ERROR 404 Not Found", WireText.bodyText(page));
        assertEquals("too many connections, bye", WireText.bodyText("  too many\r\nconnections,   bye\n"));
    }

    @Test
    void anyOctetsQuoteToOneLineWithoutControls() {
        // ECMA-48 §5: C0 (0x00-0x1F), DEL and C1 (0x80-0x9F) never reach the terminal; nothing is lost
        // silently: every octet is shown, as itself or as \xnn (the cut, if any, says so with an ellipsis)
        Props.qt().forAll(ByteGens.bytes(0, 200)).checkAssert(bytes -> {
            String line = WireText.quote(bytes, 256);
            line.chars().forEach(c -> assertTrue(c >= 0x20 && c != 0x7F && (c < 0x80 || c > 0x9F) || c == '\t',
                    () -> "control " + c + " in " + line));
            String plain = new String(bytes, StandardCharsets.ISO_8859_1);
            if (plain.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                assertEquals(plain, line); // printable ASCII comes through unchanged
            }
        });
    }
}
