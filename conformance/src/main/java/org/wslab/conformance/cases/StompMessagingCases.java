package org.wslab.conformance.cases;

import static org.wslab.conformance.stomp.HeaderCheck.differs;
import static org.wslab.conformance.stomp.HeaderCheck.is;
import static org.wslab.conformance.stomp.HeaderCheck.present;
import static org.wslab.conformance.stomp.StompSteps.anyOrder;
import static org.wslab.conformance.stomp.StompSteps.clientBeats;
import static org.wslab.conformance.stomp.StompSteps.connect;
import static org.wslab.conformance.stomp.StompSteps.connect10;
import static org.wslab.conformance.stomp.StompSteps.expect;
import static org.wslab.conformance.stomp.StompSteps.receipt;
import static org.wslab.conformance.stomp.StompSteps.rule;
import static org.wslab.conformance.stomp.StompSteps.send;
import static org.wslab.conformance.stomp.StompSteps.serverBeats;
import static org.wslab.conformance.stomp.StompSteps.silentClient;
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
 * STOMP {@code stomp.6.x}: heart-beats (STOMP 1.2 "Heart-beating": the MAX rule each way, the
 * sender's MUST, the receiver's MAY); {@code stomp.7.x}: SUBSCRIBE, SEND and MESSAGE ("SUBSCRIBE",
 * "SEND", "MESSAGE"); {@code stomp.8.x}: receipts ("Header receipt", "RECEIPT") for every client
 * frame that asks for one. Heart-beat cases offer intervals of 250 ms and judge against what the
 * server's CONNECTED agrees to; a server whose interval is too long for the case's time is
 * UNIMPLEMENTED there, never guessed at.
 */
public final class StompMessagingCases {
    private static final Rule SENDER_BEATS = rule("1.2", "Heart-beating",
            "the sender MUST send new data at least every max(its sx, the other's cy) milliseconds");
    private static final Rule RECEIPTS = rule("1.2", "Header receipt",
            "the server acknowledges a client frame with a receipt header by a RECEIPT whose receipt-id is its value");
    private static final Rule MESSAGE = rule("1.2", "MESSAGE",
            "a MESSAGE MUST include destination, message-id (unique) and subscription (the SUBSCRIBE's id) headers");

    private StompMessagingCases() {}

    public static List<ConformanceCase> cases() {
        List<ConformanceCase> all = new ArrayList<>();
        all.add(stompCase(6, 1, "1.2: the server beats at least every max(sx, 250) ms", SENDER_BEATS, Strictness.MUST,
                connect("1.2", "heart-beat:0,250\n"), serverBeats(250)));
        all.add(stompCase(6, 2, "1.1: the server beats at least every max(sx, 250) ms", SENDER_BEATS, Strictness.MUST,
                connect("1.1", "heart-beat:0,250\n"), serverBeats(250)));
        all.add(stompCase(6, 3, "a client beating every 650 ms after promising 800 is kept (MAX rule, not the server's sy)",
                rule("1.2", "Heart-beating", "the receiver may consider the connection dead only after max(cx, sy) ms "
                        + "without data"), Strictness.MUST, connect("1.2", "heart-beat:800,0\n"), clientBeats(800, 650)));
        all.add(stompCase(6, 4, "a client that promised beats every 250 ms and sends none is dropped, not early",
                rule("1.2", "Heart-beating", "if no data arrives within a window of at least max(cx, sy) ms the receiver "
                        + "MAY consider the connection dead"), Strictness.MUST,
                connect("1.2", "heart-beat:250,0\n"), silentClient(250)));

        all.add(stompCase(7, 1, "1.2: MESSAGE has destination, message-id and the subscription's id", MESSAGE, Strictness.MUST,
                connect("1.2"), subscribe("sub-a", "{topic}", "auto"), send("SEND\ndestination:{topic}\n\nhello\0"),
                expect(StompCommand.MESSAGE, is("destination", "{topic}"), present("message-id"), is("subscription", "sub-a"))
                        .body("hello")));
        all.add(stompCase(7, 2, "1.1: MESSAGE has destination, message-id and the subscription's id",
                rule("1.1", "MESSAGE", "a MESSAGE MUST include destination, message-id and subscription headers"),
                Strictness.MUST, connect("1.1"), subscribe("7", "{topic}", "auto"), send("SEND\ndestination:{topic}\n\nhello\0"),
                expect(StompCommand.MESSAGE, is("destination", "{topic}"), present("message-id"), is("subscription", "7"))
                        .body("hello")));
        all.add(stompCase(7, 3, "1.0: a SUBSCRIBE without id gets MESSAGEs with destination and message-id",
                rule("1.0", "MESSAGE", "a MESSAGE has destination and message-id headers; SUBSCRIBE's id is optional"),
                Strictness.MUST, connect10(), send("SUBSCRIBE\ndestination:{topic}\nreceipt:s\n\n\0"), receipt("s"),
                send("SEND\ndestination:{topic}\n\nold\0"),
                expect(StompCommand.MESSAGE, is("destination", "{topic}"), present("message-id")).body("old")));
        all.add(stompCase(7, 4, "two MESSAGEs have different message-ids", MESSAGE, Strictness.MUST,
                connect("1.2"), subscribe("0", "{topic}", "auto"),
                send("SEND\ndestination:{topic}\n\none\0", "SEND\ndestination:{topic}\n\ntwo\0"),
                expect(StompCommand.MESSAGE, present("message-id")).as("m1"),
                expect(StompCommand.MESSAGE, differs("message-id", "{message-id:m1}"))));
        all.add(stompCase(7, 5, "a SEND's own headers reach the MESSAGE", rule("1.2", "MESSAGE",
                "the MESSAGE will also include all user-defined headers present when the message was sent"),
                Strictness.SHOULD, connect("1.2"), subscribe("0", "{topic}", "auto"),
                send("SEND\ndestination:{topic}\nx-trace:abc-123\nx-empty:\n\nbody\0"),
                expect(StompCommand.MESSAGE, is("x-trace", "abc-123").ifMissing(Verdict.NON_STRICT),
                        is("x-empty", "").ifMissing(Verdict.NON_STRICT))));
        all.add(stompCase(7, 6, "a SEND's content-type reaches the MESSAGE", rule("1.2", "Header content-type",
                "content-type describes the body's MIME type; the MESSAGE carries the sender's"), Strictness.SHOULD,
                connect("1.2"), subscribe("0", "{topic}", "auto"),
                send("SEND\ndestination:{topic}\ncontent-type:text/plain;charset=utf-8\n\nbody\0"),
                expect(StompCommand.MESSAGE, is("content-type", "text/plain;charset=utf-8").ifMissing(Verdict.NON_STRICT))));
        all.add(stompCase(7, 7, "a queue holds a message until a consumer subscribes", rule("1.2", "SEND",
                "destinations are opaque to STOMP; what a queue does is the server's"), Strictness.INFORMATIONAL,
                connect("1.2"), send("SEND\ndestination:{queue}\nreceipt:q\n\nqueued\0"), receipt("q"),
                send("SUBSCRIBE\nid:0\ndestination:{queue}\nreceipt:s\n\n\0"),
                anyOrder(receipt("s"), expect(StompCommand.MESSAGE, is("destination", "{queue}")).body("queued"))));

        all.add(stompCase(8, 1, "SUBSCRIBE with a receipt is answered by RECEIPT", RECEIPTS, Strictness.MUST,
                connect("1.2"), send("SUBSCRIBE\nid:0\ndestination:{topic}\nreceipt:r-sub\n\n\0"), receipt("r-sub")));
        all.add(stompCase(8, 2, "SEND with a receipt is answered by RECEIPT", RECEIPTS, Strictness.MUST,
                connect("1.2"), send("SEND\ndestination:{topic}\nreceipt:r-send\n\nx\0"), receipt("r-send")));
        all.add(stompCase(8, 3, "UNSUBSCRIBE with a receipt is answered by RECEIPT", RECEIPTS, Strictness.MUST,
                connect("1.2"), subscribe("0", "{topic}", "auto"), send("UNSUBSCRIBE\nid:0\nreceipt:r-unsub\n\n\0"),
                receipt("r-unsub")));
        all.add(stompCase(8, 4, "BEGIN with a receipt is answered by RECEIPT", RECEIPTS, Strictness.MUST,
                connect("1.2"), send("BEGIN\ntransaction:t1\nreceipt:r-begin\n\n\0"), receipt("r-begin")));
        all.add(stompCase(8, 5, "COMMIT with a receipt is answered by RECEIPT", RECEIPTS, Strictness.MUST,
                connect("1.2"), send("BEGIN\ntransaction:t1\n\n\0", "COMMIT\ntransaction:t1\nreceipt:r-commit\n\n\0"),
                receipt("r-commit")));
        all.add(stompCase(8, 6, "ABORT with a receipt is answered by RECEIPT", RECEIPTS, Strictness.MUST,
                connect("1.2"), send("BEGIN\ntransaction:t1\n\n\0", "ABORT\ntransaction:t1\nreceipt:r-abort\n\n\0"),
                receipt("r-abort")));
        all.add(stompCase(8, 7, "1.1: SEND with a receipt is answered by RECEIPT", rule("1.1", "Header receipt",
                "the server acknowledges a frame with a receipt header by a RECEIPT"), Strictness.MUST,
                connect("1.1"), send("SEND\ndestination:{topic}\nreceipt:r-11\n\nx\0"), receipt("r-11")));
        all.add(stompCase(8, 8, "1.0: SEND with a receipt is answered by RECEIPT", rule("1.0", "RECEIPT",
                "the server acknowledges a frame with a receipt header by a RECEIPT"), Strictness.MUST,
                connect10(), send("SEND\ndestination:{topic}\nreceipt:r-10\n\nx\0"), receipt("r-10")));
        all.add(stompCase(8, 9, "receipts come back in the order of their frames", rule("1.2", "RECEIPT",
                "a RECEIPT means the server has processed the frame (and those before it)"), Strictness.SHOULD,
                connect("1.2"), send("SEND\ndestination:{topic}\nreceipt:r1\n\na\0", "SEND\ndestination:{topic}\nreceipt:r2\n\nb\0",
                        "SEND\ndestination:{topic}\nreceipt:r3\n\nc\0"), receipt("r1"), receipt("r2"), receipt("r3")));
        return all;
    }
}
