package org.wslab.conformance.stomp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wslab.conformance.Finding;
import org.wslab.conformance.Verdict;

/**
 * One step of a {@link StompScript}: something sent, or something the server must (or must not)
 * do next. {@link #run} answers null to go on, or the finding that ends the case.
 */
public interface Step {
    /** The step in words, for the case's "sends" and "expects". */
    String describe();

    /** True for a step that sends (its words go to "sends"), false (the default) for an expectation. */
    default boolean sends() {
        return false;
    }

    /** Plays the step; null to go on. */
    Finding run(StompRun run) throws IOException, InterruptedException;

    /** A step that sends, described by its {@code what}. */
    interface Sending extends Step {
        /** What it sends, in words. */
        String what();

        @Override
        default String describe() {
            return what();
        }

        @Override
        default boolean sends() {
            return true;
        }
    }

    /** The STOMP text of a frame for the log and descriptions: control octets in caret notation. */
    static String show(String template) {
        return template.replace("\r", "^M").replace("\n", "^J ").replace("\0", "^@").strip();
    }

    /**
     * Sends templates as WebSocket messages, one per element, in one TCP write (STOMP over
     * WebSocket: a frame split across messages, or several frames in one, are both just octets
     * of the STOMP stream).
     *
     * @param what     what it sends, in words (null: the STOMP text itself)
     * @param messages one template per WebSocket message (see {@link StompRun})
     */
    record Send(String what, List<String> messages) implements Step {
        public Send {
            messages = List.copyOf(messages);
        }

        @Override
        public String describe() {
            if (what != null) {
                return what;
            }
            return messages.size() == 1 ? show(messages.get(0))
                    : messages.size() + " WebSocket messages: " + String.join(" | ", messages.stream().map(Step::show).toList());
        }

        @Override
        public boolean sends() {
            return true;
        }

        @Override
        public Finding run(StompRun run) throws IOException {
            run.send(messages);
            return null;
        }
    }

    /** Waits, sending nothing, e.g. to let a transaction's frames reach the broker. */
    record Pause(Duration length) implements Step {
        @Override
        public String describe() {
            return "waits " + length.toMillis() + " ms";
        }

        @Override
        public boolean sends() {
            return true;
        }

        @Override
        public Finding run(StompRun run) throws InterruptedException {
            Thread.sleep(length.toMillis());
            return null;
        }
    }

    /**
     * No frame for {@code length} (heart-beats allowed): what was held or dropped must not arrive.
     *
     * @param length how long to watch (never past the case's deadline)
     * @param why    the rule in words, for the finding
     */
    record Quiet(Duration length, String why) implements Step {
        @Override
        public String describe() {
            return "no frame for " + length.toMillis() + " ms (" + why + ")";
        }

        @Override
        public Finding run(StompRun run) throws IOException {
            long until = System.nanoTime() + length.toNanos();
            while (true) {
                StompEvent e = run.next(until);
                if (e instanceof StompEvent.Silence) {
                    run.seen.add("nothing for " + length.toMillis() + " ms");
                    return null;
                }
                if (!(e instanceof StompEvent.Beat)) {
                    return new Finding(Verdict.FAILED, "expected no frame (" + why + "), got " + Expect.describe(e));
                }
            }
        }
    }

    /**
     * The server closes the connection before the case's deadline, sending no frame first.
     *
     * @param ifOpen the verdict when it is still open at the deadline
     */
    record Closes(Verdict ifOpen) implements Step {
        @Override
        public String describe() {
            return "the server closes the connection";
        }

        @Override
        public Finding run(StompRun run) throws IOException {
            while (true) {
                StompEvent e = run.next();
                if (e instanceof StompEvent.Closed c) {
                    run.seen.add(c.how());
                    return null;
                }
                if (e instanceof StompEvent.Silence) {
                    return new Finding(ifOpen, String.join("; ", run.seen) + "; the connection was still open at the case's timeout");
                }
                if (!(e instanceof StompEvent.Beat)) {
                    return new Finding(Verdict.FAILED, "expected the connection to close, got " + Expect.describe(e));
                }
            }
        }
    }

    /**
     * The server chose one of the offered STOMP sub-protocols in its handshake (RFC 6455 §1.9, §4.2.2).
     *
     * @param ifNone the verdict when it chose none
     */
    record SubProtocol(Verdict ifNone) implements Step {
        @Override
        public String describe() {
            return "the server selects one of the offered sub-protocols";
        }

        @Override
        public Finding run(StompRun run) {
            if (run.subprotocol == null) {
                return new Finding(ifNone, "the server selected no sub-protocol (it answered without Sec-WebSocket-Protocol)");
            }
            run.seen.add("sub-protocol " + run.subprotocol);
            return null;
        }
    }

    /**
     * Sends octets that need not be UTF-8 as one WebSocket message (binary when they are not, RFC 6455 §5.6).
     *
     * @param what   what it sends, in words
     * @param octets the message
     */
    record SendOctets(String what, byte[] octets) implements Sending {
        @Override
        public Finding run(StompRun run) throws IOException {
            run.wire.send(List.of(octets));
            run.lastSentNanos = System.nanoTime();
            return null;
        }
    }

    /**
     * The next frames, in any order, meet these expectations (e.g. a COMMIT's RECEIPT and the
     * MESSAGEs it releases, whose order STOMP leaves open): each frame is judged by the first
     * unmet expectation of its command.
     *
     * @param expected the expectations
     */
    record AnyOrder(List<Expect> expected) implements Step {
        public AnyOrder {
            expected = List.copyOf(expected);
        }

        @Override
        public String describe() {
            return "in any order: " + String.join("; ", expected.stream().map(Expect::describe).toList());
        }

        @Override
        public Finding run(StompRun run) throws IOException {
            List<Expect> open = new ArrayList<>(expected);
            while (!open.isEmpty()) {
                StompEvent e = run.next();
                if (e instanceof StompEvent.Beat) {
                    continue;
                }
                Expect match = e instanceof StompEvent.Frame f
                        ? open.stream().filter(x -> x.command() == f.frame().command()).findFirst().orElse(null) : null;
                if (match == null) {
                    return new Finding(Verdict.FAILED, Expect.seen(run) + "expected " + String.join(" or ",
                            open.stream().map(x -> x.command().name()).toList()) + ", got " + Expect.describe(e));
                }
                Finding bad = match.accept(((StompEvent.Frame) e).frame(), run);
                if (bad != null) {
                    return bad;
                }
                open.remove(match);
            }
            return null;
        }
    }

    /**
     * Sends a template cut into WebSocket messages of {@code chars} characters each, after
     * expanding it whole (so a token is never cut).
     *
     * @param template the frames (see {@link StompRun})
     * @param chars    characters per message
     */
    record SendChopped(String template, int chars) implements Step {
        @Override
        public String describe() {
            return show(template) + ", " + chars + " character(s) per WebSocket message";
        }

        @Override
        public boolean sends() {
            return true;
        }

        @Override
        public Finding run(StompRun run) throws IOException {
            String all = run.value(template);
            List<byte[]> pieces = new ArrayList<>();
            for (int i = 0; i < all.length(); i += chars) {
                pieces.add(all.substring(i, Math.min(all.length(), i + chars)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            run.wire.send(pieces);
            run.lastSentNanos = System.nanoTime();
            return null;
        }
    }

    /**
     * Sends {@code head}, {@code count} copies of {@code fill}, then {@code tail}, made when played
     * (a large frame is not kept in the catalogue), in WebSocket messages of {@code piece} octets.
     *
     * @param what  what it sends, in words
     * @param head  the start, a template
     * @param fill  the repeated character (ASCII)
     * @param count how many
     * @param tail  the end, a template
     * @param piece octets per WebSocket message
     */
    record SendLarge(String what, String head, char fill, int count, String tail, int piece) implements Sending {
        @Override
        public Finding run(StompRun run) throws IOException {
            byte[] h = run.wire(head);
            byte[] t = run.wire(tail);
            byte[] all = new byte[h.length + count + t.length];
            System.arraycopy(h, 0, all, 0, h.length);
            Arrays.fill(all, h.length, h.length + count, (byte) fill);
            System.arraycopy(t, 0, all, h.length + count, t.length);
            int i = 0;
            for (; i < all.length && !run.wire.answered(); i += piece) {
                run.wire.send(List.of(Arrays.copyOfRange(all, i, Math.min(all.length, i + piece))), false);
            }
            run.wire.note(i >= all.length ? "(" + all.length + " octets sent in " + ((all.length + piece - 1) / piece)
                    + " WebSocket messages)" : "(the server answered after " + i + " of " + all.length + " octets: the rest is not sent)");
            run.lastSentNanos = System.nanoTime();
            return null;
        }
    }
}
