package org.wslab.conformance.stomp;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.wslab.conformance.Finding;
import org.wslab.conformance.Verdict;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;

/**
 * The server refuses what was just sent: an ERROR frame, then it closes the connection (STOMP
 * 1.2 "ERROR": the server "MUST then close the connection just after sending the ERROR frame").
 * To tell a refusal from a server that went on, the step first sends a probe ({@code DISCONNECT}
 * with {@code receipt:wslab-probe}) unless told not to: a RECEIPT (or any other frame) before an
 * ERROR means the server took the frame, judged {@code ifIgnored}.
 *
 * <p>Judged: ERROR then close is OK (NON_STRICT when the ERROR does not {@code mention} what it
 * should, or misses a SHOULD header); a close without ERROR is NON_STRICT (the ERROR frame is a
 * MAY, closing is what matters); an ERROR after which the server stays open or sends more is FAILED.
 *
 * @param mention   a regular expression the ERROR's {@code message} header or body should contain (case-insensitive), or null
 * @param headers   what the ERROR's headers should be (their own verdicts)
 * @param probe     whether to send the probe first
 * @param ifIgnored the verdict for a server that went on
 */
record ExpectError(String mention, List<HeaderCheck> headers, boolean probe, Verdict ifIgnored) implements Step {
    /** The probe: a DISCONNECT asking for a receipt, valid in every version. */
    static final String PROBE = "DISCONNECT\nreceipt:wslab-probe\n\n\0";

    ExpectError {
        headers = List.copyOf(headers);
    }

    @Override
    public String describe() {
        return "ERROR" + (mention == null ? "" : " naming /" + mention + "/")
                + (headers.isEmpty() ? "" : " with " + String.join(", ", headers.stream().map(HeaderCheck::toString).toList()))
                + ", then the server closes the connection";
    }

    @Override
    public Finding run(StompRun run) throws IOException {
        if (probe) {
            run.wire.note("probe: does the server go on after that frame?");
            run.send(List.of(PROBE));
        }
        while (true) {
            StompEvent e = run.next();
            if (e instanceof StompEvent.Beat) {
                continue;
            }
            if (e instanceof StompEvent.Frame fr && fr.frame().command() == StompCommand.ERROR) {
                return afterError(run, fr.frame());
            }
            if (e instanceof StompEvent.Frame fr) {
                return new Finding(ifIgnored, "no ERROR: the server went on and sent " + Expect.brief(fr.frame()));
            }
            if (e instanceof StompEvent.Closed c) {
                return new Finding(Verdict.NON_STRICT, "the server closed the connection without an ERROR frame: " + c.how());
            }
            return new Finding(Verdict.FAILED, "expected an ERROR frame, got " + Expect.describe(e));
        }
    }

    private Finding afterError(StompRun run, StompFrame error) throws IOException {
        Finding worst = null;
        String text = error.header("message", "") + "\n" + error.bodyText();
        if (mention != null && !Pattern.compile(mention, Pattern.CASE_INSENSITIVE).matcher(text).find()) {
            worst = new Finding(Verdict.NON_STRICT, "the ERROR does not name /" + mention + "/: " + Expect.brief(error));
        }
        for (HeaderCheck h : headers) {
            Finding bad = h.judge(error, run);
            if (bad != null && (worst == null || bad.verdict().compareTo(worst.verdict()) > 0)) {
                worst = bad;
            }
        }
        while (true) {
            StompEvent e = run.next();
            if (e instanceof StompEvent.Beat) {
                continue;
            }
            if (e instanceof StompEvent.Closed c) {
                String done = Expect.brief(error) + "; then " + c.how();
                return worst == null ? new Finding(Verdict.OK, done) : new Finding(worst.verdict(), worst.observed() + "; then " + c.how());
            }
            if (e instanceof StompEvent.Silence) {
                return new Finding(Verdict.FAILED, Expect.brief(error) + "; but the connection stayed open until the case's "
                        + "timeout (STOMP 1.2 \"ERROR\": the server MUST close the connection just after an ERROR)");
            }
            return new Finding(Verdict.FAILED, Expect.brief(error) + "; then, instead of closing, " + Expect.describe(e)
                    + " (STOMP 1.2 \"ERROR\": the server MUST close the connection just after an ERROR)");
        }
    }
}
