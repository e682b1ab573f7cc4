package org.wslab.conformance.cases;

import static org.wslab.conformance.stomp.HeaderCheck.is;
import static org.wslab.conformance.stomp.HeaderCheck.matches;
import static org.wslab.conformance.stomp.HeaderCheck.oneOf;
import static org.wslab.conformance.stomp.HeaderCheck.present;
import static org.wslab.conformance.stomp.StompSteps.connect;
import static org.wslab.conformance.stomp.StompSteps.connect10;
import static org.wslab.conformance.stomp.StompSteps.error;
import static org.wslab.conformance.stomp.StompSteps.expect;
import static org.wslab.conformance.stomp.StompSteps.rule;
import static org.wslab.conformance.stomp.StompSteps.send;
import static org.wslab.conformance.stomp.StompSteps.stompCase;
import static org.wslab.conformance.stomp.StompSteps.subprotocolChosen;

import java.util.List;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Rule;
import org.wslab.conformance.Strictness;
import org.wslab.conformance.Verdict;
import org.wslab.stomp.codec.StompCommand;

/**
 * STOMP {@code stomp.1.x}: connecting and version negotiation (STOMP 1.2 "Connecting",
 * "Protocol Negotiation", "CONNECT or STOMP Frame"), and {@code stomp.2.x}: the CONNECTED frame's
 * headers ("CONNECTED Frame"). A version the server lacks is UNIMPLEMENTED, not FAILED.
 */
public final class StompConnectCases {
    private static final Rule NEGOTIATION = rule("1.2", "Protocol Negotiation",
            "the server answers with the highest version it has in common with the client's accept-version");

    private StompConnectCases() {}

    public static List<ConformanceCase> cases() {
        return List.of(
                stompCase(1, 1, "the handshake offering v12.stomp, v11.stomp, v10.stomp selects one of them",
                        new Rule("RFC 6455 §1.9, §4.2.2", "a STOMP endpoint selects one of the offered STOMP sub-protocols "
                                + "(the STOMP version is still agreed by CONNECT)"), Strictness.INFORMATIONAL,
                        subprotocolChosen(Verdict.INFORMATIONAL), connect("1.2")),
                stompCase(1, 2, "accept-version:1.0,1.1,1.2 is answered with one of them", NEGOTIATION, Strictness.MUST,
                        send("CONNECT\naccept-version:1.0,1.1,1.2\nhost:{host}\n\n\0"),
                        expect(StompCommand.CONNECTED, oneOf("version", "1.0", "1.1", "1.2"))),
                stompCase(1, 3, "accept-version:1.2 is answered with version:1.2", NEGOTIATION, Strictness.MUST,
                        send("CONNECT\naccept-version:1.2\nhost:{host}\n\n\0"),
                        expect(StompCommand.CONNECTED, is("version", "1.2")).orError(Verdict.UNIMPLEMENTED)),
                stompCase(1, 4, "accept-version:1.1 is answered with version:1.1", NEGOTIATION, Strictness.MUST,
                        send("CONNECT\naccept-version:1.1\nhost:{host}\n\n\0"),
                        expect(StompCommand.CONNECTED, is("version", "1.1")).orError(Verdict.UNIMPLEMENTED)),
                stompCase(1, 5, "accept-version:1.0 is answered with version 1.0", NEGOTIATION, Strictness.MUST,
                        send("CONNECT\naccept-version:1.0\nhost:{host}\n\n\0"),
                        expect(StompCommand.CONNECTED, is("version", "1.0").ifMissing(Verdict.OK)).orError(Verdict.UNIMPLEMENTED)),
                stompCase(1, 6, "a CONNECT without accept-version is STOMP 1.0",
                        rule("1.2", "Protocol Negotiation", "a missing accept-version means the client supports only 1.0"),
                        Strictness.MUST, send("CONNECT\n\n\0"),
                        expect(StompCommand.CONNECTED, is("version", "1.0").ifMissing(Verdict.OK)).orError(Verdict.UNIMPLEMENTED)),
                stompCase(1, 7, "accept-version:1.2,1.0 (unordered, a gap) is answered with one of them", NEGOTIATION,
                        Strictness.MUST, send("CONNECT\naccept-version:1.2,1.0\nhost:{host}\n\n\0"),
                        expect(StompCommand.CONNECTED, oneOf("version", "1.2", "1.0"))),
                stompCase(1, 8, "accept-version:2.0 only is refused with ERROR, then the connection closes",
                        rule("1.2", "Protocol Negotiation", "no common version: the server MUST respond with an ERROR frame "
                                + "and close the connection"), Strictness.MUST,
                        send("CONNECT\naccept-version:2.0\nhost:{host}\n\n\0"), error(null, Verdict.FAILED)),
                stompCase(1, 9, "the ERROR for accept-version:2.1,3.0 lists the server's versions in a version header",
                        rule("1.2", "Protocol Negotiation", "the ERROR for no common version carries a version header "
                                + "listing the versions the server supports"), Strictness.MUST,
                        send("CONNECT\naccept-version:2.1,3.0\nhost:{host}\n\n\0"),
                        error(null, Verdict.FAILED, matches("version", "[0-9.]+(,[0-9.]+)*").ifMissing(Verdict.NON_STRICT))),
                stompCase(1, 10, "a STOMP frame connects like CONNECT",
                        rule("1.2", "CONNECT or STOMP Frame", "servers MUST handle the STOMP frame in the same manner as CONNECT"),
                        Strictness.MUST, send("STOMP\naccept-version:1.1,1.2\nhost:{host}\n\n\0"),
                        expect(StompCommand.CONNECTED, oneOf("version", "1.1", "1.2"))),
                stompCase(1, 11, "a 1.2 CONNECT without host (a REQUIRED header): what the server does",
                        rule("1.2", "CONNECT or STOMP Frame", "STOMP 1.2 clients MUST set the host header; "
                                + "what a server does without it is its own choice"), Strictness.INFORMATIONAL,
                        send("CONNECT\naccept-version:1.2\n\n\0"),
                        expect(StompCommand.CONNECTED, is("version", "1.2")).orError(Verdict.INFORMATIONAL)),
                stompCase(1, 12, "a second CONNECT on a connected session: what the server does",
                        rule("1.2", "Connecting", "a client connects once; the specification does not say what a second CONNECT does"),
                        Strictness.INFORMATIONAL, connect("1.2"),
                        send("CONNECT\naccept-version:1.2\nhost:{host}\n\n\0"), error(null, Verdict.INFORMATIONAL)),
                stompCase(1, 13, "a malformed heart-beat header in CONNECT: what the server does",
                        rule("1.2", "Heart-beating", "heart-beat is two comma-separated whole numbers; a server may refuse "
                                + "another value"), Strictness.INFORMATIONAL,
                        send("CONNECT\naccept-version:1.2\nhost:{host}\nheart-beat:often\n\n\0"),
                        expect(StompCommand.CONNECTED).orError(Verdict.INFORMATIONAL)),

                stompCase(2, 1, "CONNECTED's heart-beat header, when present, is two whole numbers",
                        rule("1.2", "Heart-beating", "heart-beat: <sx>,<sy>, each a number of milliseconds (absent: 0,0)"),
                        Strictness.MUST, send("CONNECT\naccept-version:1.2\nhost:{host}\nheart-beat:0,0\n\n\0"),
                        expect(StompCommand.CONNECTED, matches("heart-beat", "[0-9]+,[0-9]+").ifMissing(Verdict.OK))),
                stompCase(2, 2, "CONNECTED answers a client's heart-beat offer with a heart-beat header",
                        rule("1.2", "CONNECTED Frame", "heart-beat is an optional header of CONNECTED"), Strictness.INFORMATIONAL,
                        send("CONNECT\naccept-version:1.2\nhost:{host}\nheart-beat:10000,10000\n\n\0"),
                        expect(StompCommand.CONNECTED, present("heart-beat").ifMissing(Verdict.INFORMATIONAL))),
                stompCase(2, 3, "CONNECTED's server header, when present, is name[/version] [comment]",
                        rule("1.2", "CONNECTED Frame", "server = name [\"/\" version] *(comment)"), Strictness.SHOULD,
                        send("CONNECT\naccept-version:1.2\nhost:{host}\n\n\0"),
                        expect(StompCommand.CONNECTED, matches("server", "[^/ ]+(/[^ ]*)?( .*)?").ifMissing(Verdict.OK))),
                stompCase(2, 4, "CONNECTED carries a session header",
                        rule("1.2", "CONNECTED Frame", "session is an optional header identifying the session"),
                        Strictness.INFORMATIONAL, send("CONNECT\naccept-version:1.2\nhost:{host}\n\n\0"),
                        expect(StompCommand.CONNECTED, present("session").ifMissing(Verdict.INFORMATIONAL))),
                stompCase(2, 5, "a 1.0 session's CONNECTED", rule("1.0", "CONNECTED",
                        "the server answers a 1.0 CONNECT with CONNECTED"), Strictness.MUST, connect10()));
    }
}
