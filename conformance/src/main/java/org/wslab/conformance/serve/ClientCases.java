package org.wslab.conformance.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.wslab.conformance.Action;
import org.wslab.conformance.CaseId;
import org.wslab.conformance.Catalogue;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Ending;
import org.wslab.conformance.Expectation;
import org.wslab.conformance.FrameScript;
import org.wslab.conformance.Reply;
import org.wslab.conformance.Rule;
import org.wslab.conformance.Selection;
import org.wslab.conformance.Strictness;
import org.wslab.conformance.peer.Chop;
import org.wslab.conformance.peer.WireFrame;

/**
 * The cases a client under test is played (the client echoes every message, as Autobahn's
 * fuzzingserver asks): every frame case of the {@link Catalogue} — the same rules bind a client
 * (RFC 6455 §5.2, §5.4-§5.6, §7, §8.1), the frames are sent unmasked ({@link WireFrame#mirrored()}) and
 * the client's must all be masked (§5.1, checked on every frame of every case) — and the
 * client-only cases of category {@code client}, numbered 11 where Autobahn has no category (ids sort
 * by number first): a masked server frame fails the connection (§5.1, 11.1), and whether the client
 * waits for the server to close TCP (§7.1.1, 11.2).
 */
public final class ClientCases {
    /** The client-only case that watches the TCP ending for longer: {@link #TCP_WAIT_LINGER}. */
    public static final CaseId TCP_WAIT = CaseId.of("client", 11, 2, 1);
    /** How long {@link #TCP_WAIT} gives the client to close TCP before the server does (the judge waits no longer). */
    public static final java.time.Duration TCP_WAIT_LINGER = java.time.Duration.ofMillis(500);

    private static final Rule MASKED = Rule.rfc6455("5.1", "a server MUST NOT mask any frames it sends; a client"
            + " MUST close a connection if it detects a masked frame (it MAY use 1002, §7.4.1)");
    private static final Rule TCP_FIRST = Rule.rfc6455("7.1.1", "the server SHOULD close the TCP connection first"
            + " after the closing handshake; the client SHOULD wait for that (and MAY close it after a timeout)");

    private ClientCases() {}

    /** The 5 client-only cases. */
    public static List<ConformanceCase> cases() {
        WireFrame text = WireFrame.text("Hello, world!");
        List<ConformanceCase> c = new ArrayList<>();
        c.add(masked(1, "a masked text message from the server", List.of(masked(text)), List.of()));
        c.add(masked(2, "a masked Ping from the server", List.of(masked(WireFrame.ping(new byte[] {1, 2, 3}))), List.of()));
        c.add(masked(3, "a masked Close 1000 from the server", List.of(masked(WireFrame.close(WireFrame.closeBody(1000, "")))),
                List.of()));
        c.add(masked(4, "a text message, then the same masked, in one write", List.of(text, masked(text)),
                List.of(Reply.text("Hello, world!"))));
        c.add(new ConformanceCase(TCP_WAIT, "after the closing handshake, does the client wait for the server to close TCP?",
                TCP_FIRST, List.of(send(List.of(text))),
                new Expectation(List.of(Reply.text("Hello, world!")), new Ending.CloseNormally()), Strictness.INFORMATIONAL));
        return c;
    }

    /** The catalogue's frame cases and the client-only ones, in id order. */
    public static List<ConformanceCase> all() {
        List<ConformanceCase> all = new ArrayList<>(Catalogue.standard().cases().stream()
                .filter(c -> c.script() instanceof FrameScript).toList());
        all.addAll(cases());
        all.sort(Comparator.comparing(ConformanceCase::id));
        return all;
    }

    /** The cases of {@link #all()} that {@code selection} picks. */
    public static List<ConformanceCase> select(Selection selection) {
        return all().stream().filter(c -> selection.matches(c.id())).toList();
    }

    /** A frame the server end sends masked, breaking §5.1 on purpose (the client-mode peer mirrors every frame). */
    static WireFrame masked(WireFrame clientWay) {
        return clientWay.unmasked();
    }

    private static ConformanceCase masked(int n, String title, List<WireFrame> frames, List<Reply> before) {
        return new ConformanceCase(CaseId.of("client", 11, 1, n), title + ": the client must fail the connection", MASKED,
                List.of(send(frames)), new Expectation(before, new Ending.FailConnection(Set.of(1002))), Strictness.MUST);
    }

    private static Action send(List<WireFrame> frames) {
        return new Action.Send(frames, Chop.ONE_WRITE);
    }
}
