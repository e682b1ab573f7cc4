package org.wslab.tutorials.chapters;

import static org.quicktheories.generators.SourceDSL.longs;

import java.util.function.ToLongFunction;
import org.wslab.testkit.Props;
import org.wslab.tutorials.live.ChapterFailure;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;
import org.wslab.tutorials.testing.PayloadLength;

/**
 * Chapter 7, "Testing the protocol": one property — every payload length RFC 6455 §5.2 allows
 * reads back as written — run during the tour against a decoder with a sign bug, whose shrunk
 * counterexample and seed QuickTheories reports are captured, and then against the fixed decoder,
 * which passes.
 */
public final class TestingTheProtocolRun implements ChapterRun {
    /** The largest length the property tries: past the 16-bit form into the 64-bit one. */
    static final long MAX_LENGTH = 1L << 20;

    @Override
    public void run(TourLab lab, Snippets snippets) throws Exception {
        String failure;
        try {
            lengthsReadBackAsWritten(PayloadLength::decodeBroken);
            throw new ChapterFailure("the property passed against the broken decoder: it should have found the bug");
        } catch (AssertionError e) {
            failure = e.getMessage().strip();
        }
        if (!failure.contains("Seed was") || !failure.contains("-Dwslab.seed=")) {
            throw new ChapterFailure("QuickTheories' report lacks its seed:\n" + failure);
        }
        long smallest = smallest(failure);
        if (smallest < 126 || smallest > 0xFFFF || (smallest & 0x80) == 0) {
            throw new ChapterFailure("the shrunk counterexample " + smallest + " is not a 16-bit length whose low "
                    + "byte has its top bit set, which is what the bug breaks");
        }
        snippets.write("ch07/broken.txt", failure + "\n");
        byte[] header = PayloadLength.encode(smallest);
        snippets.write("ch07/counterexample.txt", String.format(
                "length %d  encoded as  %s%nbroken decode  %d%nfixed decode   %d%n", smallest, hex(header),
                PayloadLength.decodeBroken(header), PayloadLength.decode(header)));

        lengthsReadBackAsWritten(PayloadLength::decode); // throws, and fails the chapter, if the fix is wrong
        snippets.write("ch07/fixed.txt", "the same property against PayloadLength::decode: "
                + Props.examples() + " lengths, every one read back as written\n");
        CheckingAServerRun.run(lab, snippets);
        CheckingOverHttp2Run.run(lab, snippets);
        CheckingAStompServerRun.run(lab, snippets);
        CheckingAClientRun.run(snippets);
    }

    // tag::property[]
    /** RFC 6455 §5.2: any payload length, encoded in its shortest form, decodes to itself. */
    static void lengthsReadBackAsWritten(ToLongFunction<byte[]> decoder) {
        Props.qt() // <1>
                .forAll(longs().between(0, MAX_LENGTH)) // <2>
                .check(length -> decoder.applyAsLong(PayloadLength.encode(length)) == length); // <3>
    }
    // end::property[]

    /** The value after QuickTheories' "Smallest found falsifying value(s) :-" line, e.g. {@code {128}}. */
    private static long smallest(String report) {
        int at = report.indexOf("Smallest found falsifying value(s) :-");
        if (at < 0) {
            throw new ChapterFailure("QuickTheories' report names no smallest falsifying value:\n" + report);
        }
        String rest = report.substring(at).lines().skip(1).findFirst().orElse("").strip();
        String digits = rest.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            throw new ChapterFailure("no number after the smallest falsifying value line:\n" + report);
        }
        return Long.parseLong(digits);
    }

    private static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            b.append(b.length() == 0 ? "" : " ").append(String.format("%02x", x & 0xFF));
        }
        return b.toString();
    }
}
