package org.wslab.conformance.stomp;

import java.io.IOException;
import java.util.List;
import org.wslab.conformance.Finding;
import org.wslab.conformance.Verdict;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;

/**
 * Heart-beats after CONNECTED (STOMP 1.2 "Heart-beating"), judged against the intervals the
 * server's CONNECTED {@code heart-beat: sx,sy} and the client's {@code cx,cy} agree by the MAX
 * rule: the server sends at least every {@code max(sx, cy)} ms, and may consider the client dead
 * only after a window of at least {@code max(cx, sy)} ms without data. A server whose interval is
 * too long to watch in the case's time is UNIMPLEMENTED here, saying so (give the case a longer
 * timeout, or the server shorter heart-beats); nothing is judged on a guess.
 *
 * <p>Slack for scheduling and the network: a gap of up to {@code n + n/2 + 250} ms counts as
 * "every n ms"; a drop counts as early only before {@code 0.8 n}.
 *
 * @param kind    what is watched
 * @param promise the client's {@code cx} (what it promised to send) or {@code cy} (what it wants)
 * @param every   for {@link Kind#CLIENT_BEATS}, how often the case sends an EOL
 */
record HeartBeatStep(Kind kind, long promise, long every) implements Step {
    /** What is watched. */
    enum Kind {
        /** The server sends data at least every {@code max(sx, cy)} ms; {@code promise} is cy. */
        SERVER_BEATS,
        /** A client beating every {@code every} ms (under its promised cx) is not dropped; {@code promise} is cx. */
        CLIENT_BEATS,
        /** A silent client is dropped, not before {@code max(cx, sy)} ms; {@code promise} is cx. */
        SILENT_CLIENT
    }

    /** Time kept back from the case's deadline for the end of the step. */
    private static final long MARGIN_MS = 200;

    @Override
    public String describe() {
        return switch (kind) {
            case SERVER_BEATS -> "data from the server at least every max(sx, " + promise + ") ms";
            case CLIENT_BEATS -> "the server keeps a client open that sends an EOL every " + every + " ms (it promised " + promise + ")";
            case SILENT_CLIENT -> "the server drops a client that promised beats every " + promise + " ms and sends none, "
                    + "not before max(" + promise + ", sy) ms";
        };
    }

    @Override
    public boolean sends() {
        return kind == Kind.CLIENT_BEATS;
    }

    @Override
    public Finding run(StompRun run) throws IOException {
        StompFrame connected = run.captured("connected");
        String header = connected == null ? null : connected.header("heart-beat");
        long[] server = parse(header);
        if (server == null) {
            return new Finding(Verdict.FAILED, "CONNECTED heart-beat " + HeaderCheck.quote(header) + " is not two whole numbers");
        }
        long theirs = kind == Kind.SERVER_BEATS ? server[0] : server[1];
        if (theirs == 0) {
            return new Finding(Verdict.UNIMPLEMENTED, "CONNECTED heart-beat:" + header + ": the server "
                    + (kind == Kind.SERVER_BEATS ? "sends" : "wants") + " no heart-beats");
        }
        long n = Math.max(theirs, promise);
        long left = (run.deadlineNanos - System.nanoTime()) / 1_000_000 - MARGIN_MS;
        long allowed = n + n / 2 + 250;
        long needs = switch (kind) {
            case SERVER_BEATS -> 2 * allowed;
            case CLIENT_BEATS -> 3 * every;
            case SILENT_CLIENT -> 3 * n;
        };
        if (left < needs) {
            return new Finding(Verdict.UNIMPLEMENTED, "heart-beat:" + header + " agrees on " + n + " ms; watching it needs about "
                    + needs + " ms and the case has " + Math.max(0, left) + " ms left: not judged (a longer --timeout, or a "
                    + "server with shorter heart-beats, lets it be)");
        }
        return switch (kind) {
            case SERVER_BEATS -> serverBeats(run, n, allowed, Math.min(left, 3 * n + allowed));
            case CLIENT_BEATS -> clientBeats(run, n, 3 * every);
            case SILENT_CLIENT -> silentClient(run, n, left);
        };
    }

    private Finding serverBeats(StompRun run, long n, long allowed, long window) throws IOException {
        long start = System.nanoTime();
        long last = start;
        long longest = 0;
        int beats = 0;
        long end = start + window * 1_000_000;
        while (true) {
            StompEvent e = run.next(Math.min(end, last + allowed * 1_000_000 + 1));
            long now = System.nanoTime();
            long gap = (now - last) / 1_000_000;
            if (e instanceof StompEvent.Silence && gap <= allowed && now < end - 2_000_000) {
                continue; // a read that timed out a little early
            }
            if (e instanceof StompEvent.Silence) {
                if (gap > allowed) {
                    return new Finding(Verdict.FAILED, beats + " beats, then nothing for " + gap + " ms; the agreed interval is " + n
                            + " ms (STOMP 1.2 \"Heart-beating\": the sender MUST send data at least every " + n + " ms)");
                }
                return new Finding(Verdict.OK, beats + " heart-beats in " + window + " ms, the longest gap " + Math.max(longest, gap)
                        + " ms (agreed interval " + n + " ms)");
            }
            if (e instanceof StompEvent.Closed || e instanceof StompEvent.Broken
                    || e instanceof StompEvent.Frame f && f.frame().command() == StompCommand.ERROR) {
                return new Finding(Verdict.FAILED, "while watching heart-beats: " + Expect.describe(e));
            }
            beats += e instanceof StompEvent.Beat ? 1 : 0;
            longest = Math.max(longest, gap);
            last = now;
        }
    }

    private Finding clientBeats(StompRun run, long n, long window) throws IOException {
        long start = System.nanoTime();
        long end = start + window * 1_000_000;
        int sent = 0;
        while (System.nanoTime() < end) {
            long next = run.lastSentNanos + every * 1_000_000;
            StompEvent e = run.next(Math.min(next, end));
            if (e instanceof StompEvent.Closed || e instanceof StompEvent.Broken
                    || e instanceof StompEvent.Frame f && f.frame().command() == StompCommand.ERROR) {
                return new Finding(Verdict.FAILED, "after " + sent + " EOLs, one every " + every + " ms: " + Expect.describe(e)
                        + " (the agreed window is max(cx, sy) = " + n + " ms; STOMP 1.2 \"Heart-beating\")");
            }
            if (System.nanoTime() >= next) {
                run.send(List.of("\n"));
                sent++;
            }
        }
        return new Finding(Verdict.OK, "still open after " + window + " ms and " + sent + " EOLs (agreed window " + n + " ms)");
    }

    private Finding silentClient(StompRun run, long n, long left) throws IOException {
        long quietSince = run.lastSentNanos;
        String error = "";
        while (true) {
            StompEvent e = run.next(System.nanoTime() + left * 1_000_000);
            long after = (System.nanoTime() - quietSince) / 1_000_000;
            if (e instanceof StompEvent.Frame f && f.frame().command() == StompCommand.ERROR) {
                error = " after " + Expect.brief(f.frame());
            } else if (e instanceof StompEvent.Closed c) {
                if (after < n * 8 / 10) {
                    return new Finding(Verdict.FAILED, "dropped after " + after + " ms of silence, before the agreed window of " + n
                            + " ms (STOMP 1.2 \"Heart-beating\": only after at least " + n + " ms)");
                }
                return new Finding(Verdict.OK, "dropped after " + after + " ms of silence (agreed " + n + " ms)" + error + ": " + c.how());
            } else if (e instanceof StompEvent.Silence) {
                return new Finding(Verdict.UNIMPLEMENTED, "still open after " + after + " ms of silence (agreed " + n
                        + " ms): the server keeps silent clients (it MAY drop them)");
            } else if (e instanceof StompEvent.Broken b) {
                return new Finding(Verdict.FAILED, b.why());
            }
        }
    }

    /** {@code sx,sy} as two numbers, or null when malformed. */
    static long[] parse(String header) {
        if (header == null) {
            return new long[] {0, 0}; // absent: 0,0 (STOMP 1.2 "Heart-beating")
        }
        if (!header.matches("[0-9]{1,9},[0-9]{1,9}")) {
            return null;
        }
        String[] p = header.split(",");
        return new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])};
    }
}
