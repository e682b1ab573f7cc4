package org.wslab.conformance;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.wslab.conformance.peer.Chop;
import org.wslab.conformance.peer.RawPeer;
import org.wslab.conformance.peer.WireFrame;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.deflate.MessageCompressor;
import org.wslab.framing.deflate.MessageDecompressor;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.extension.ExtensionOffer;

/**
 * A permessage-deflate case (RFC 7692), as Autobahn's 12.x and 13.x play it: the opening handshake
 * offers permessage-deflate ({@code offers}, §5, §7.1), then {@code messages} are sent compressed
 * one at a time (§7.2.1, RSV1 on the first frame only, §6.1), each echo awaited before the next;
 * the echoes are inflated (§7.2.2) and compared, then we start the closing handshake.
 *
 * <p>A server that declines every offer is {@link Verdict#UNIMPLEMENTED}. One whose acceptance
 * breaks §7.1 (a parameter it was not offered, a value out of range, a missing
 * {@code server_no_context_takeover}) fails the handshake: {@link Verdict#FAILED}. Our compressor
 * keeps to what was agreed: its context resets per message under {@code client_no_context_takeover}
 * (§7.1.1.2), and below a 15-bit {@code client_max_window_bits} it writes stored blocks (§7.1.2.2).
 *
 * @param offers   the permessage-deflate offers, in order of preference
 * @param messages what is sent
 */
public record DeflateScript(List<ExtensionOffer> offers, Messages messages) implements Script {
    /** The slowest rate, compressed and echoed, a case is given time for on top of the run's timeout. */
    static final long BYTES_PER_SECOND = 2L << 20;

    public DeflateScript {
        offers = List.copyOf(offers);
        Objects.requireNonNull(messages, "messages");
        if (offers.isEmpty()) {
            throw new IllegalArgumentException("a permessage-deflate case offers it at least once");
        }
    }

    /**
     * The messages of a case, cut one after another from a corpus (wrapping round at its end), as
     * Autobahn cuts its test files.
     *
     * @param source   the corpus in words, e.g. "a JSON document"
     * @param corpus   the corpus, built on first use (ASCII for text messages, so every cut is UTF-8)
     * @param binary   BINARY messages, else TEXT
     * @param size     bytes per message
     * @param count    how many, each sent after the last one's echo
     * @param fragment compressed bytes per frame, 0 for one frame per message (Autobahn's auto-fragment size)
     */
    public record Messages(String source, Supplier<byte[]> corpus, boolean binary, int size, int count, int fragment) {
        public Messages {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(corpus, "corpus");
            if (size < 1 || count < 1 || fragment < 0) {
                throw new IllegalArgumentException("size and count are positive, fragment not negative: "
                        + size + ", " + count + ", " + fragment);
            }
        }

        /** The opcode of every message. */
        Opcode opcode() {
            return binary ? Opcode.BINARY : Opcode.TEXT;
        }
    }

    @Override
    public String sends() {
        Messages m = messages;
        return "offers " + offers.stream().map(ExtensionOffer::toString).collect(Collectors.joining(", "))
                + "; then " + m.count() + " compressed " + (m.binary() ? "binary" : "text") + " messages of "
                + m.size() + " bytes cut from " + m.source()
                + (m.fragment() > 0 ? ", in frames of " + m.fragment() + " compressed bytes" : ", one frame each")
                + ", each awaiting its echo";
    }

    @Override
    public String expects() {
        return "accepts an offer as RFC 7692 §7.1 allows, echoes every message intact (compressed or not, §6),"
                + " then answers our Close 1000 with a Close (§5.5.1); declining every offer is UNIMPLEMENTED";
    }

    /**
     * {@code given} plus a second for each {@link #BYTES_PER_SECOND} the case moves one way and for each
     * {@link FrameScript#ROUND_TRIPS_PER_SECOND} messages it awaits: a thousand compressed round trips are work for
     * both ends even on a quick server, and Autobahn gives these cases 60 to 480 s of their own.
     */
    @Override
    public Duration timeout(Duration given) {
        long bytes = (long) messages.count() * (messages.size() + 256);
        long awaited = messages.count();
        return given.plusMillis(bytes * 1000 / BYTES_PER_SECOND + awaited * 1000 / FrameScript.ROUND_TRIPS_PER_SECOND);
    }

    @Override
    public Finding play(Dial dial, Duration timeout, long deadlineNanos) throws IOException, InterruptedException {
        RawPeer peer = dial.tcp();
        ClientOptions options = ClientOptions.defaults().withExtensions(offers.toArray(ExtensionOffer[]::new));
        ClientVerdict opened = peer.openingHandshake(timeout, options);
        if (opened instanceof ClientVerdict.Rejected r) {
            return new Finding(Verdict.FAILED, "the opening handshake failed: " + r.rule().cite() + " — " + r.detail());
        }
        ClientVerdict.Accepted accepted = (ClientVerdict.Accepted) opened;
        if (peer.deflate().isEmpty()) {
            peer.send(List.of(WireFrame.close(WireFrame.closeBody(1000, ""))), Chop.ONE_WRITE);
            return new Finding(Verdict.UNIMPLEMENTED, "the server declined permessage-deflate (extensions in use: "
                    + (accepted.extensions().isEmpty() ? "none" : ExtensionHeader.format(accepted.extensions())) + ")");
        }
        DeflateParameters agreed = peer.deflate().get();
        peer.log().note("permessage-deflate agreed (RFC 7692 §7.1): " + describe(agreed));
        try (MessageCompressor ours = new MessageCompressor(agreed.clientNoContextTakeover(), agreed.clientMaxWindowBits());
             MessageDecompressor theirs = new MessageDecompressor(agreed.serverNoContextTakeover())) {
            Judge judge = new Judge(peer, deadlineNanos).inflating(theirs);
            Finding broken = echoes(peer, judge, ours);
            return broken != null ? broken : judge.judge(new Expectation(List.of(), new Ending.CloseNormally()));
        }
    }

    /** Sends every message compressed and awaits its echo: null when all came back, else the finding. */
    private Finding echoes(RawPeer peer, Judge judge, MessageCompressor ours) throws IOException {
        Messages m = messages;
        byte[] corpus = m.corpus().get();
        Expectation e = new Expectation(List.of(), new Ending.CloseNormally());
        long started = System.nanoTime();
        long compressed = 0;
        int at = 0;
        peer.log().note(sends());
        peer.log().mute(true);
        try {
            for (int i = 0; i < m.count(); i++) {
                byte[] message = cut(corpus, at, m.size());
                at = (at + m.size()) % corpus.length;
                byte[] deflated = ours.compress(message);
                compressed += deflated.length;
                peer.send(frames(deflated, m.opcode(), m.fragment()), Chop.ONE_WRITE);
                Finding f = judge.await(new Reply(m.opcode(), message), e, "message " + (i + 1) + " of " + m.count());
                if (f != null) {
                    return f;
                }
            }
        } finally {
            peer.log().mute(false);
        }
        long total = (long) m.count() * m.size();
        judge.report(String.format("%d messages of %d bytes echoed intact in %d ms (ours deflated to %d%% of %d bytes);"
                        + " %d of the server's echoes came compressed", m.count(), m.size(),
                (System.nanoTime() - started) / 1_000_000, Math.round(100.0 * compressed / total), total,
                judge.compressedMessages()));
        return null;
    }

    /** The frames of one compressed message: RSV1 on the first only (§6.1), cut every {@code fragment} bytes. */
    static List<WireFrame> frames(byte[] deflated, Opcode opcode, int fragment) {
        if (fragment == 0 || deflated.length <= fragment) {
            return List.of(new WireFrame(true, Frame.RSV1, opcode.code(), true, deflated));
        }
        List<WireFrame> out = new ArrayList<>();
        for (int off = 0; off < deflated.length; off += fragment) {
            int end = Math.min(deflated.length, off + fragment);
            byte[] piece = java.util.Arrays.copyOfRange(deflated, off, end);
            out.add(new WireFrame(end == deflated.length, off == 0 ? Frame.RSV1 : 0,
                    off == 0 ? opcode.code() : Opcode.CONTINUATION.code(), true, piece));
        }
        return out;
    }

    /** {@code n} bytes of {@code corpus} from {@code at}, wrapping round at its end. */
    static byte[] cut(byte[] corpus, int at, int n) {
        byte[] out = new byte[n];
        for (int done = 0; done < n; ) {
            int take = Math.min(n - done, corpus.length - at);
            System.arraycopy(corpus, at, out, done, take);
            done += take;
            at = (at + take) % corpus.length;
        }
        return out;
    }

    private static String describe(DeflateParameters p) {
        return (p.serverNoContextTakeover() ? "server_no_context_takeover, " : "")
                + (p.clientNoContextTakeover() ? "client_no_context_takeover, " : "")
                + "server window " + p.serverMaxWindowBits() + " bits, client window " + p.clientMaxWindowBits() + " bits";
    }
}
