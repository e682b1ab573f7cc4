package org.wslab.conformance.report;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.RunSummary;
import org.wslab.conformance.Verdict;

/**
 * A run as JUnit XML (the {@code <testsuite>} format CI servers read, as Maven Surefire writes
 * it): one {@code <testcase>} per case, classname {@code conformance.<category>}; a FAILED case
 * carries a {@code <failure>} with the rule, expected and observed text and the wire log in its
 * body; an UNIMPLEMENTED one is {@code <skipped>}; every other verdict is in {@code <system-out>}.
 */
public final class JUnitXmlReport {
    private JUnitXmlReport() {}

    /** The run as JUnit XML text. */
    public static String text(RunSummary run) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "wslab conformance " + run.target());
            x.writeAttribute("tests", String.valueOf(run.results().size()));
            x.writeAttribute("failures", String.valueOf(run.with(Verdict.FAILED).size()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", String.valueOf(run.with(Verdict.UNIMPLEMENTED).size()));
            x.writeAttribute("time", seconds(run.elapsed().toNanos()));
            for (CaseResult r : run.results()) {
                x.writeCharacters("\n  ");
                testcase(x, r);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return out.toString();
    }

    /** Writes the run to {@code file} (UTF-8). */
    public static void write(RunSummary run, Path file) throws IOException {
        Files.writeString(file, text(run));
    }

    private static void testcase(XMLStreamWriter x, CaseResult r) throws XMLStreamException {
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "conformance." + r.conformanceCase().category());
        x.writeAttribute("name", r.id() + " " + r.conformanceCase().title());
        x.writeAttribute("time", seconds(r.duration().toNanos()));
        String detail = r.describe();
        if (r.verdict() == Verdict.FAILED) {
            x.writeStartElement("failure");
            x.writeAttribute("message", xml(r.conformanceCase().rule() + " — " + r.observed()));
            x.writeAttribute("type", "FAILED");
            x.writeCharacters(xml(detail + r.wireLog().map(w -> "\nwire:\n" + w.render()).orElse("")));
            x.writeEndElement();
        } else if (r.verdict() == Verdict.UNIMPLEMENTED) {
            x.writeStartElement("skipped");
            x.writeAttribute("message", xml(r.observed()));
            x.writeEndElement();
        } else {
            x.writeStartElement("system-out");
            x.writeCharacters(xml(detail));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    /** {@code s} without the characters XML 1.0 cannot carry (controls other than tab, CR, LF), each shown as U+FFFD. */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                || c == 0xFFFE || c == 0xFFFF ? 0xFFFD : c));
        return b.toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
