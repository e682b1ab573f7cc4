package org.wslab.conformance.serve;

import java.io.IOException;
import java.time.Duration;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Finding;
import org.wslab.conformance.FrameScript;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.peer.AcceptedPeer;
import org.wslab.conformance.stomp.StompClientScript;
import org.wslab.conformance.stomp.StompScript;
import org.wslab.handshake.ServerDecision;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;
import org.wslab.handshake.SubprotocolPolicy;

/**
 * Plays one case on a connection a client under test opened: the client's opening handshake
 * judged and answered (RFC 6455 §4.2.1, §4.2.2; no extension is agreed, and a sub-protocol only
 * for a STOMP client case), then the case's frames, judged as in server mode, or its STOMP
 * conversation — a refused handshake is FAILED. The judge words its
 * findings for the end under test as "the server"; here that end is the client, and the words say so.
 */
final class ClientCasePlay {
    /** The handshake the client-mode server speaks: any Origin, no sub-protocol, no permessage-deflate. */
    static final ServerHandshake HANDSHAKE = new ServerHandshake(ServerPolicy.defaults().withPermessageDeflate(false));
    /** The handshake of a STOMP client case: the highest STOMP sub-protocol offered is agreed (RFC 6455 §4.2.2). */
    static final ServerHandshake STOMP_HANDSHAKE = new ServerHandshake(ServerPolicy.defaults().withPermessageDeflate(false)
            .withSubprotocols(SubprotocolPolicy.SERVER_PREFERENCE, StompScript.STOMP_SUBPROTOCOLS.toArray(String[]::new)));
    /** What the judge says of a TCP close after the closing handshake, replaced by who closed first. */
    private static final String JUDGED_TCP_CLOSE = "then closed TCP (§7.1.1)";

    private ClientCasePlay() {}

    /** The result of {@code c} on {@code peer} (its request head read), started at {@code startedNanos}. */
    static CaseResult play(ConformanceCase c, AcceptedPeer peer, Duration timeout, long startedNanos) {
        Finding f;
        try {
            f = finding(c, peer, startedNanos + timeout.toNanos());
        } catch (IOException e) {
            f = new Finding(Verdict.FAILED, "the connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f = new Finding(Verdict.FAILED, "interrupted");
        }
        return new CaseResult(c, c.strictness().cap(f.verdict()), f.verdict(), f.observed(), peer.log(),
                Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private static Finding finding(ConformanceCase c, AcceptedPeer peer, long deadline) throws IOException, InterruptedException {
        StompClientScript stomp = c.script() instanceof StompClientScript s ? s : null;
        ServerDecision d = peer.upgrade(stomp != null ? STOMP_HANDSHAKE : HANDSHAKE);
        if (d instanceof ServerDecision.Refuse r) {
            return new Finding(Verdict.FAILED, "the client's opening handshake broke " + r.rule().section() + " "
                    + r.rule().statement() + " (" + r.detail() + "); refused with " + r.status());
        }
        Finding judged = stomp != null ? stomp.playAgainst(peer, deadline) : ((FrameScript) c.script()).playFrames(peer, deadline);
        return new Finding(judged.verdict(), reword(judged.observed(), peer));
    }

    /** The judge's words for a client, and who closed TCP first after the closing handshake (§7.1.1). */
    static String reword(String observed, AcceptedPeer peer) {
        String s = observed.replace("the server", "the client").replace("The server", "The client")
                .replace("server's", "client's");
        return peer.tcpEnding().map(t -> s.replace(JUDGED_TCP_CLOSE, t)).orElse(s);
    }
}
