package org.wslab.conformance.stomp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wslab.conformance.Finding;
import org.wslab.conformance.Verdict;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.WebSocketPayload;

/**
 * The next frame the server sends (heart-beats skipped) is {@code command} with these headers
 * and body; it is kept under {@code capture} for later templates.
 *
 * @param command the command
 * @param headers what its headers must be
 * @param body    the body as a template, or null for any
 * @param octets  the body's exact octets, or null for any (a body no text template says: not UTF-8)
 * @param capture the name it is kept under, or null
 * @param ifError the verdict when an ERROR comes instead (e.g. UNIMPLEMENTED for a version the server lacks)
 * @param skipping commands passed over before it (e.g. a MESSAGE a NACK may bring back before its RECEIPT)
 */
public record Expect(StompCommand command, List<HeaderCheck> headers, String body, byte[] octets, String capture,
                     Verdict ifError, List<StompCommand> skipping) implements Step {
    public Expect {
        headers = List.copyOf(headers);
        skipping = List.copyOf(skipping);
        octets = octets == null ? null : octets.clone();
    }

    /** {@code command} with these headers, any body. */
    public static Expect frame(StompCommand command, HeaderCheck... headers) {
        return new Expect(command, List.of(headers), null, null, null, Verdict.FAILED, List.of());
    }

    /** This expectation, the frame kept as {@code name}. */
    public Expect as(String name) {
        return new Expect(command, headers, body, octets, name, ifError, skipping);
    }

    /** This expectation with a body (a template). */
    public Expect body(String template) {
        return new Expect(command, headers, template, octets, capture, ifError, skipping);
    }

    /** This expectation with a body of exactly {@code exact} (STOMP 1.2 "Header content-length": any octets). */
    public Expect octets(byte[] exact) {
        return new Expect(command, headers, body, exact, capture, ifError, skipping);
    }

    /** This expectation, an ERROR instead judged {@code v}. */
    public Expect orError(Verdict v) {
        return new Expect(command, headers, body, octets, capture, v, skipping);
    }

    /** This expectation, frames of {@code command} before it passed over. */
    public Expect skipping(StompCommand other) {
        List<StompCommand> more = new ArrayList<>(skipping);
        more.add(other);
        return new Expect(command, headers, body, octets, capture, ifError, more);
    }

    @Override
    public String describe() {
        return command + (headers.isEmpty() ? "" : " " + String.join(", ", headers.stream().map(HeaderCheck::toString).toList()))
                + (body == null ? "" : " body " + HeaderCheck.quote(body))
                + (octets == null ? "" : " body of the " + octets.length + " octets sent");
    }

    @Override
    public Finding run(StompRun run) throws IOException {
        while (true) {
            StompEvent e = run.next();
            if (e instanceof StompEvent.Beat) {
                continue;
            }
            if (!(e instanceof StompEvent.Frame fr)) {
                return new Finding(Verdict.FAILED, seen(run) + "expected " + command + ", got " + describe(e));
            }
            StompFrame f = fr.frame();
            if (f.command() != command && skipping.contains(f.command())) {
                run.seen.add("(passed over " + brief(f) + ")");
                continue;
            }
            if (f.command() != command) {
                Verdict v = f.command() == StompCommand.ERROR ? ifError : Verdict.FAILED;
                return new Finding(v, seen(run) + "expected " + command + ", got " + describe(e));
            }
            return accept(f, run);
        }
    }

    /** Judges {@code f}, already known to be {@link #command}: null (and kept) when it passes. */
    Finding accept(StompFrame f, StompRun run) {
        Finding worst = null;
        for (HeaderCheck h : headers) {
            Finding bad = h.judge(f, run);
            if (bad != null && (worst == null || bad.verdict().compareTo(worst.verdict()) > 0)) {
                worst = bad;
            }
        }
        if (body != null && !run.value(body).equals(f.bodyText())) {
            worst = new Finding(Verdict.FAILED, f.command() + " body is " + HeaderCheck.quote(f.bodyText())
                    + ", expected " + HeaderCheck.quote(run.value(body)));
        }
        int at = octets == null ? -1 : Arrays.mismatch(octets, f.body());
        if (at >= 0) {
            worst = new Finding(Verdict.FAILED, f.command() + " body of " + f.body().length + " octets differs from the "
                    + octets.length + " expected at octet " + at + ": " + octetAt(f.body(), at) + " for " + octetAt(octets, at));
        }
        if (worst != null) {
            return new Finding(worst.verdict(), seen(run) + worst.observed());
        }
        run.capture(capture, f);
        run.seen.add(brief(f));
        return null;
    }

    private static String octetAt(byte[] b, int at) {
        return at < b.length ? String.format("0x%02x", b[at] & 0xFF) : "its end";
    }

    static String seen(StompRun run) {
        return run.seen.isEmpty() ? "" : String.join("; ", run.seen) + "; then ";
    }

    /** A frame in one line: command, headers, body size. */
    static String brief(StompFrame f) {
        StringBuilder b = new StringBuilder(f.command().name());
        f.headers().forEach(h -> b.append(' ').append(h.name()).append(':').append(HeaderCheck.quote(h.value()).replace("\"", "")));
        if (f.body().length > 0 && !WebSocketPayload.isText(f.body())) {
            b.append(" body of ").append(f.body().length).append(" octets, not UTF-8");
        } else if (f.body().length > 0) {
            b.append(" body ").append(HeaderCheck.quote(f.bodyText().length() > 80 ? f.bodyText().substring(0, 80) + "…" : f.bodyText()));
        }
        return b.toString();
    }

    /** What an event was, in words. */
    static String describe(StompEvent e) {
        if (e instanceof StompEvent.Frame f) {
            return brief(f.frame());
        }
        if (e instanceof StompEvent.Closed c) {
            return "the connection closed: " + c.how();
        }
        if (e instanceof StompEvent.Broken b) {
            return b.why();
        }
        return e instanceof StompEvent.Beat ? "a heart-beat" : "nothing before the case's timeout";
    }
}
