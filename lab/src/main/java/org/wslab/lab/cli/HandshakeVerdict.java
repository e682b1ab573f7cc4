package org.wslab.lab.cli;

import java.util.Optional;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.ServerConduct;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.http.HttpParseFailure;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.handshake.spec.SpecRule;
import org.wslab.lab.client.ProbeResult;
import org.wslab.lab.common.ConnectFailure;
import org.wslab.lab.common.ConnectFailures;
import org.wslab.lab.common.WireText;

/**
 * What {@code wslab handshake} concludes about the server from a judged answer (RFC 6455 §4): the
 * outcome's stable name, the exit code (0 when the server did what RFC 6455 asks for this request,
 * 1 otherwise), the verdict line, the one stderr line of an exit 1, and the first rule the server broke.
 *
 * @param outcome   {@code opened}, {@code refused-as-required}, {@code accepted-bad-request},
 *                  {@code refused-improperly}, {@code not-opened}, {@code bad-upgrade} or {@code broken-http}
 * @param exitCode  {@link ExitCode#OK} or {@link ExitCode#CHECK_FAILED}
 * @param line      the text after {@code verdict: }
 * @param errorLine the stderr line (without {@code wslab: }) of an exit 1; empty for exit 0
 * @param rule      the first rule the server broke; empty when it broke none
 * @param detail    what was found about that rule; empty when it broke none
 */
record HandshakeVerdict(String outcome, int exitCode, String line, String errorLine, Optional<SpecRule> rule,
                        String detail) {

    static HandshakeVerdict of(ProbeResult.Answered a) {
        String where = ConnectFailures.where(a.handshake().uri());
        ServerConduct conduct = a.judgement().conduct();
        if (conduct instanceof ServerConduct.Opened opened) {
            ClientVerdict.Accepted ok = opened.accepted();
            return passed("opened", "accepted — the WebSocket connection is open (RFC 6455 §4.1); sub-protocol: "
                    + ok.subprotocol().map(WireText::safe).orElse("none") + "; extensions: "
                    + (ok.extensions().isEmpty() ? "none" : WireText.safe(ExtensionHeader.format(ok.extensions()))));
        }
        if (conduct instanceof ServerConduct.RefusedAsRequired r) {
            var versions = r.response().headers().all("Sec-WebSocket-Version");
            return passed("refused-as-required", "refused as RFC 6455 requires (the request breaks " + cite(r.broken())
                    + "; the server answered " + status(a) + (versions.isEmpty() ? ""
                    : " with Sec-WebSocket-Version: " + WireText.safe(String.join(", ", versions))) + ")");
        }
        if (conduct instanceof ServerConduct.AcceptedBadRequest bad) {
            String cite = cite(bad.broken());
            return failed("accepted-bad-request", "failed — the server accepted a request it must refuse: " + cite,
                    "the server at " + where + " accepted a request it must refuse: " + cite
                            + " (RFC 6455 §4.2.1: it must answer an error such as 400)", conduct);
        }
        if (conduct instanceof ServerConduct.RefusedImproperly r) {
            return failed("refused-improperly", "failed — the server refused the request (it breaks "
                    + r.broken().rule().name() + ", so it must be refused) but not as RFC 6455 requires: " + cite(r.refusal()),
                    "the server at " + where + " refused a request that breaks " + r.broken().rule().name()
                            + " but not as RFC 6455 requires: " + cite(r.refusal()), conduct);
        }
        if (conduct instanceof ServerConduct.NotOpened) {
            ConnectFailure refused = ConnectFailures.response(where, a.response(), HandshakeRule.STATUS_101,
                    conduct.detail(), a.body().bytes(), a.handshake().uri().resourceName());
            return failed("not-opened", "failed — " + refused.line(), refused.line(), conduct);
        }
        ServerConduct.BadUpgrade bad = (ServerConduct.BadUpgrade) conduct;
        String line = new ConnectFailure.BadUpgrade(where, bad.failed().rule(), bad.failed().detail()).line();
        return failed("bad-upgrade", "failed — " + line, line, conduct);
    }

    static HandshakeVerdict of(ProbeResult.BrokenHttp b) {
        HttpParseFailure f = b.failure();
        String line = new ConnectFailure.BrokenHttp(ConnectFailures.where(b.handshake().uri()), f).line();
        return new HandshakeVerdict("broken-http", ExitCode.CHECK_FAILED,
                "failed — the response is not well-formed HTTP/1.1: " + line, line, Optional.of(f.rule()),
                f.detail() + " (at byte " + f.offset() + ")");
    }

    /** Whether the server did what RFC 6455 asks. */
    boolean passed() {
        return exitCode == ExitCode.OK;
    }

    private static HandshakeVerdict passed(String outcome, String line) {
        return new HandshakeVerdict(outcome, ExitCode.OK, line, "", Optional.empty(), "");
    }

    private static HandshakeVerdict failed(String outcome, String line, String errorLine, ServerConduct conduct) {
        return new HandshakeVerdict(outcome, ExitCode.CHECK_FAILED, line, errorLine, conduct.rule(), conduct.detail());
    }

    private static String cite(RuleCheck c) {
        return c.rule().name() + " (" + c.rule().section() + "): " + WireText.safe(c.detail());
    }

    private static String status(ProbeResult.Answered a) {
        return a.response().status() + (a.response().reason().isEmpty() ? "" : " " + WireText.safe(a.response().reason()));
    }
}
