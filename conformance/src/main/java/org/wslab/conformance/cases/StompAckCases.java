package org.wslab.conformance.cases;

import static org.wslab.conformance.stomp.HeaderCheck.is;
import static org.wslab.conformance.stomp.HeaderCheck.present;
import static org.wslab.conformance.stomp.StompSteps.anyOrder;
import static org.wslab.conformance.stomp.StompSteps.closes;
import static org.wslab.conformance.stomp.StompSteps.connect;
import static org.wslab.conformance.stomp.StompSteps.connect10;
import static org.wslab.conformance.stomp.StompSteps.error;
import static org.wslab.conformance.stomp.StompSteps.expect;
import static org.wslab.conformance.stomp.StompSteps.quiet;
import static org.wslab.conformance.stomp.StompSteps.receipt;
import static org.wslab.conformance.stomp.StompSteps.rule;
import static org.wslab.conformance.stomp.StompSteps.send;
import static org.wslab.conformance.stomp.StompSteps.stompCase;
import static org.wslab.conformance.stomp.StompSteps.subscribe;

import java.util.ArrayList;
import java.util.List;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Rule;
import org.wslab.conformance.Strictness;
import org.wslab.conformance.Verdict;
import org.wslab.stomp.codec.StompCommand;

/**
 * STOMP {@code stomp.9.x}: ack modes and ACK / NACK (STOMP 1.2 "SUBSCRIBE ack Header", "ACK",
 * "NACK": 1.2 acknowledges by the MESSAGE's {@code ack} header as {@code id}, 1.1 by
 * {@code message-id} and {@code subscription}, 1.0 by {@code message-id}); {@code stomp.10.x}:
 * transactions ("BEGIN", "COMMIT", "ABORT"); {@code stomp.11.x}: UNSUBSCRIBE and DISCONNECT.
 * A refused frame the specification only describes (a missing required header, an unknown
 * transaction) is NON_STRICT when the server goes on instead, since STOMP makes ERROR a MAY.
 */
public final class StompAckCases {
    private static final Rule ACK_HEADER = rule("1.2", "MESSAGE",
            "a MESSAGE from a client or client-individual subscription MUST carry an ack header");
    private static final Rule ACK_12 = rule("1.2", "ACK", "ACK and NACK name the message by id, the MESSAGE's ack header");
    private static final Rule ACK_11 = rule("1.1", "ACK", "ACK and NACK name the message by message-id and subscription");
    private static final Rule HELD = rule("1.2", "BEGIN", "frames sent in a transaction are handled as one atomic unit at COMMIT");
    private static final Rule TX = rule("1.2", "COMMIT", "COMMIT and ABORT name a transaction begun on this connection");
    private static final String M = "SEND\ndestination:{topic}\n\nm\0";

    private StompAckCases() {}

    public static List<ConformanceCase> cases() {
        List<ConformanceCase> all = new ArrayList<>();
        all.add(stompCase(9, 1, "1.2: ack:client MESSAGEs carry an ack header", ACK_HEADER, Strictness.MUST,
                connect("1.2"), subscribe("0", "{topic}", "client"), send(M), expect(StompCommand.MESSAGE, present("ack"))));
        all.add(stompCase(9, 2, "1.2: ack:client-individual MESSAGEs carry an ack header", ACK_HEADER, Strictness.MUST,
                connect("1.2"), subscribe("0", "{topic}", "client-individual"), send(M),
                expect(StompCommand.MESSAGE, present("ack"))));
        all.add(stompCase(9, 3, "1.2: ACK id:<ack> is accepted (RECEIPT)", ACK_12, Strictness.MUST,
                connect("1.2"), subscribe("0", "{topic}", "client"), send(M), expect(StompCommand.MESSAGE).as("m"),
                send("ACK\nid:{ack:m}\nreceipt:a\n\n\0"), receipt("a")));
        all.add(stompCase(9, 4, "1.2: NACK id:<ack> is accepted (RECEIPT)", rule("1.2", "NACK",
                "NACK names the message by id, the MESSAGE's ack header"), Strictness.MUST,
                connect("1.2"), subscribe("0", "{topic}", "client-individual"), send(M), expect(StompCommand.MESSAGE).as("m"),
                send("NACK\nid:{ack:m}\nreceipt:n\n\n\0"), receipt("n").skipping(StompCommand.MESSAGE)));
        all.add(stompCase(9, 5, "1.1: ACK message-id + subscription is accepted (RECEIPT)", ACK_11, Strictness.MUST,
                connect("1.1"), subscribe("s1", "{topic}", "client"), send(M), expect(StompCommand.MESSAGE).as("m"),
                send("ACK\nmessage-id:{message-id:m}\nsubscription:s1\nreceipt:a\n\n\0"), receipt("a")));
        all.add(stompCase(9, 6, "1.1: NACK message-id + subscription is accepted (RECEIPT)", ACK_11, Strictness.MUST,
                connect("1.1"), subscribe("s1", "{topic}", "client-individual"), send(M), expect(StompCommand.MESSAGE).as("m"),
                send("NACK\nmessage-id:{message-id:m}\nsubscription:s1\nreceipt:n\n\n\0"), receipt("n").skipping(StompCommand.MESSAGE)));
        all.add(stompCase(9, 7, "1.0: ACK message-id is accepted (RECEIPT)", rule("1.0", "ACK",
                "ACK names the message by message-id"), Strictness.MUST,
                connect10(), subscribe("s1", "{topic}", "client"), send(M), expect(StompCommand.MESSAGE).as("m"),
                send("ACK\nmessage-id:{message-id:m}\nreceipt:a\n\n\0"), receipt("a")));
        all.add(stompCase(9, 8, "1.2: ACK without id is refused", ACK_12, Strictness.MUST,
                connect("1.2"), subscribe("0", "{topic}", "client"), send(M), expect(StompCommand.MESSAGE),
                send("ACK\nreceipt:a\n\n\0"), error()));
        all.add(stompCase(9, 9, "1.1: ACK without subscription is refused", ACK_11, Strictness.MUST,
                connect("1.1"), subscribe("s1", "{topic}", "client"), send(M), expect(StompCommand.MESSAGE).as("m"),
                send("ACK\nmessage-id:{message-id:m}\n\n\0"), error()));
        all.add(stompCase(9, 10, "a NACKed topic message comes back: what the server does", rule("1.2", "NACK",
                "after NACK the server may redeliver, discard or dead-letter the message"), Strictness.INFORMATIONAL,
                connect("1.2"), subscribe("0", "{topic}", "client-individual"), send(M), expect(StompCommand.MESSAGE).as("m"),
                send("NACK\nid:{ack:m}\n\n\0"), expect(StompCommand.MESSAGE, is("redelivered", "true").ifMissing(Verdict.OK))));
        all.add(stompCase(9, 11, "SUBSCRIBE with ack:sometimes is refused", rule("1.2", "SUBSCRIBE ack Header",
                "ack is auto, client or client-individual"), Strictness.MUST, connect("1.2"),
                send("SUBSCRIBE\nid:0\ndestination:{topic}\nack:sometimes\n\n\0"), error()));
        all.add(stompCase(9, 12, "ACK of an id never delivered: what the server does", ACK_12, Strictness.INFORMATIONAL,
                connect("1.2"), send("ACK\nid:no-such-message\n\n\0"), error(null, Verdict.INFORMATIONAL)));

        all.add(stompCase(10, 1, "a SEND in a transaction is held until COMMIT", HELD, Strictness.MUST,
                connect("1.2"), subscribe("0", "{topic}", "auto"),
                send("BEGIN\ntransaction:tx\n\n\0", "SEND\ndestination:{topic}\ntransaction:tx\n\nheld\0"),
                quiet(300, "held until COMMIT"), send("COMMIT\ntransaction:tx\nreceipt:c\n\n\0"),
                anyOrder(receipt("c"), expect(StompCommand.MESSAGE).body("held"))));
        all.add(stompCase(10, 2, "a SEND in an aborted transaction is never delivered", rule("1.2", "ABORT",
                "ABORT rolls back a transaction: its frames are not processed"), Strictness.MUST,
                connect("1.2"), subscribe("0", "{topic}", "auto"),
                send("BEGIN\ntransaction:tx\n\n\0", "SEND\ndestination:{topic}\ntransaction:tx\n\ndropped\0",
                        "ABORT\ntransaction:tx\nreceipt:a\n\n\0"), receipt("a"), quiet(300, "dropped by ABORT")));
        all.add(stompCase(10, 3, "two SENDs of a transaction arrive in order after COMMIT", HELD, Strictness.SHOULD,
                connect("1.2"), subscribe("0", "{topic}", "auto"),
                send("BEGIN\ntransaction:tx\n\n\0", "SEND\ndestination:{topic}\ntransaction:tx\n\none\0",
                        "SEND\ndestination:{topic}\ntransaction:tx\n\ntwo\0", "COMMIT\ntransaction:tx\n\n\0"),
                expect(StompCommand.MESSAGE).body("one"), expect(StompCommand.MESSAGE).body("two")));
        all.add(stompCase(10, 4, "1.1: a SEND in a transaction is held until COMMIT", rule("1.1", "BEGIN",
                "frames sent in a transaction are handled as one atomic unit at COMMIT"), Strictness.MUST,
                connect("1.1"), subscribe("0", "{topic}", "auto"),
                send("BEGIN\ntransaction:tx\n\n\0", "SEND\ndestination:{topic}\ntransaction:tx\n\nheld\0"),
                quiet(300, "held until COMMIT"), send("COMMIT\ntransaction:tx\n\n\0"), expect(StompCommand.MESSAGE).body("held")));
        all.add(stompCase(10, 5, "COMMIT of an unknown transaction is refused", TX, Strictness.MUST,
                connect("1.2"), send("COMMIT\ntransaction:never-begun\n\n\0"), error()));
        all.add(stompCase(10, 6, "ABORT of an unknown transaction is refused", TX, Strictness.MUST,
                connect("1.2"), send("ABORT\ntransaction:never-begun\n\n\0"), error()));
        all.add(stompCase(10, 7, "a SEND naming an unknown transaction is refused", TX, Strictness.MUST,
                connect("1.2"), send("SEND\ndestination:{topic}\ntransaction:never-begun\n\nx\0"), error()));
        all.add(stompCase(10, 8, "BEGIN without a transaction header is refused", rule("1.2", "BEGIN",
                "transaction is a REQUIRED header of BEGIN"), Strictness.MUST, connect("1.2"), send("BEGIN\n\n\0"), error()));

        all.add(stompCase(11, 1, "after UNSUBSCRIBE no MESSAGE arrives for the subscription", rule("1.2", "UNSUBSCRIBE",
                "UNSUBSCRIBE removes an existing subscription: the client no longer receives its messages"), Strictness.MUST,
                connect("1.2"), subscribe("0", "{topic}", "auto"), send("UNSUBSCRIBE\nid:0\nreceipt:u\n\n\0"), receipt("u"),
                send("SEND\ndestination:{topic}\n\nlate\0"), quiet(300, "unsubscribed")));
        all.add(stompCase(11, 2, "1.0: UNSUBSCRIBE by destination", rule("1.0", "UNSUBSCRIBE",
                "UNSUBSCRIBE names the subscription by id or by destination"), Strictness.MUST,
                connect10(), send("SUBSCRIBE\ndestination:{topic}\n\n\0", "UNSUBSCRIBE\ndestination:{topic}\nreceipt:u\n\n\0"),
                receipt("u"), send("SEND\ndestination:{topic}\n\nlate\0"), quiet(300, "unsubscribed")));
        all.add(stompCase(11, 3, "1.2: UNSUBSCRIBE without id is refused", rule("1.2", "UNSUBSCRIBE",
                "id is a REQUIRED header of UNSUBSCRIBE"), Strictness.MUST, connect("1.2"),
                subscribe("0", "{topic}", "auto"), send("UNSUBSCRIBE\n\n\0"), error()));
        all.add(stompCase(11, 4, "UNSUBSCRIBE of an unknown id: what the server does", rule("1.2", "UNSUBSCRIBE",
                "the id names an existing subscription"), Strictness.INFORMATIONAL, connect("1.2"),
                send("UNSUBSCRIBE\nid:never-subscribed\n\n\0"), error(null, Verdict.INFORMATIONAL)));
        all.add(stompCase(11, 5, "DISCONNECT with a receipt is answered by RECEIPT", rule("1.2", "DISCONNECT",
                "the server acknowledges DISCONNECT's receipt with a RECEIPT once everything before it is processed"),
                Strictness.MUST, connect("1.2"), send("DISCONNECT\nreceipt:bye\n\n\0"), receipt("bye")));
        all.add(stompCase(11, 6, "after DISCONNECT's RECEIPT the server closes the connection", rule("1.2", "DISCONNECT",
                "the client closes after the RECEIPT; a server may close first"), Strictness.INFORMATIONAL,
                connect("1.2"), send("DISCONNECT\nreceipt:bye\n\n\0"), receipt("bye"), closes(Verdict.INFORMATIONAL)));
        all.add(stompCase(11, 7, "a SEND before DISCONNECT is delivered before DISCONNECT's RECEIPT", rule("1.2", "DISCONNECT",
                "the RECEIPT for DISCONNECT means every earlier frame has been processed"), Strictness.MUST,
                connect("1.2"), subscribe("0", "{topic}", "auto"),
                send("SEND\ndestination:{topic}\n\nlast\0", "DISCONNECT\nreceipt:bye\n\n\0"),
                expect(StompCommand.MESSAGE).body("last"), receipt("bye")));
        return all;
    }
}
