package org.wslab.conformance.cases;

import static org.wslab.conformance.stomp.HeaderCheck.is;
import static org.wslab.conformance.stomp.HeaderCheck.present;
import static org.wslab.conformance.stomp.StompSteps.connect;
import static org.wslab.conformance.stomp.StompSteps.error;
import static org.wslab.conformance.stomp.StompSteps.rule;
import static org.wslab.conformance.stomp.StompSteps.send;
import static org.wslab.conformance.stomp.StompSteps.sendChopped;
import static org.wslab.conformance.stomp.StompSteps.sendLarge;
import static org.wslab.conformance.stomp.StompSteps.sendOctets;
import static org.wslab.conformance.stomp.StompSteps.stompCase;
import static org.wslab.conformance.stomp.StompSteps.subscribe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Rule;
import org.wslab.conformance.Strictness;
import org.wslab.conformance.Verdict;

/**
 * STOMP {@code stomp.12.x}: frames a server refuses (STOMP 1.2 "ERROR", "Connecting", "Frames
 * and Headers", "STOMP Frames", "Value Encoding") — before CONNECT, unknown commands, missing
 * required headers, duplicate subscription ids, bodies where none may be, malformed lines —
 * answered by ERROR and a close (the close after an ERROR is a MUST; the ERROR itself a MAY, so a
 * server that just goes on is NON_STRICT); {@code stomp.13.x}: size limits ("Size Limits"): an
 * oversized header or body is refused by an ERROR naming the limit, or accepted by a server whose
 * limit is higher (INFORMATIONAL).
 */
public final class StompErrorCases {
    private static final Rule REQUIRED = rule("1.2", "Frames and Headers",
            "a frame missing a REQUIRED header is an error the server answers with ERROR, then closes");
    private static final Rule ERROR = rule("1.2", "ERROR",
            "after an ERROR the server MUST close the connection; the ERROR SHOULD carry a message header");
    private static final Rule LIMITS = rule("1.2", "Size Limits",
            "a client exceeding the server's limits on headers, header length or body size gets an ERROR, then a close");
    /** How an ERROR names a limit. */
    private static final String LIMIT = "limit|too (long|large|many|big)|exceed|size";
    /** Octets per WebSocket message for the large frames, well under any message limit. */
    private static final int PIECE = 64 * 1024;

    private StompErrorCases() {}

    public static List<ConformanceCase> cases() {
        List<ConformanceCase> all = new ArrayList<>();
        all.add(stompCase(12, 1, "a SEND before CONNECT is refused", rule("1.2", "Connecting",
                "a client connects with CONNECT (or STOMP) before any other frame"), Strictness.MUST,
                send("SEND\ndestination:/topic/x\n\nearly\0"), error()));
        all.add(stompCase(12, 2, "a SUBSCRIBE before CONNECT is refused", rule("1.2", "Connecting",
                "a client connects with CONNECT (or STOMP) before any other frame"), Strictness.MUST,
                send("SUBSCRIBE\nid:0\ndestination:/topic/x\n\n\0"), error()));
        all.add(stompCase(12, 3, "an unknown command is refused with an ERROR carrying a message header", ERROR,
                Strictness.MUST, connect("1.2"), send("FLY\nto:moon\n\n\0"),
                error(null, Verdict.NON_STRICT, present("message").ifMissing(Verdict.NON_STRICT))));
        all.add(stompCase(12, 4, "commands are case-sensitive: send is refused", rule("1.2", "Augmented BNF",
                "client-command = \"SEND\" | … (upper case)"), Strictness.MUST, connect("1.2"),
                send("send\ndestination:{topic}\n\nx\0"), error()));
        all.add(stompCase(12, 5, "SEND without destination is refused", REQUIRED, Strictness.MUST, connect("1.2"),
                send("SEND\n\nnowhere\0"), error()));
        all.add(stompCase(12, 6, "SUBSCRIBE without destination is refused", REQUIRED, Strictness.MUST, connect("1.2"),
                send("SUBSCRIBE\nid:0\n\n\0"), error()));
        all.add(stompCase(12, 7, "1.1: SUBSCRIBE without id is refused", rule("1.1", "SUBSCRIBE",
                "id is a REQUIRED header of SUBSCRIBE from 1.1 on"), Strictness.MUST, connect("1.1"),
                send("SUBSCRIBE\ndestination:{topic}\n\n\0"), error()));
        all.add(stompCase(12, 8, "a second SUBSCRIBE with the same id is refused", rule("1.2", "SUBSCRIBE id Header",
                "within one connection, subscriptions MUST use different ids"), Strictness.MUST, connect("1.2"),
                subscribe("dup", "{topic}", "auto"), send("SUBSCRIBE\nid:dup\ndestination:{topic2}\n\n\0"), error()));
        all.add(stompCase(12, 9, "a SUBSCRIBE with a body is refused", rule("1.2", "STOMP Frames",
                "only SEND, MESSAGE and ERROR frames MAY have a body; other frames MUST NOT"), Strictness.MUST,
                connect("1.2"), send("SUBSCRIBE\nid:0\ndestination:{topic}\n\nunexpected\0"), error()));
        all.add(stompCase(12, 10, "a header line without a colon is refused", rule("1.2", "Augmented BNF",
                "header = header-name \":\" header-value"), Strictness.MUST, connect("1.2"),
                send("SEND\ndestination:{topic}\nno colon here\n\nx\0"), error()));
        all.add(stompCase(12, 11, "a header that is not UTF-8 is refused", rule("1.2", "Value Encoding",
                "commands and headers are encoded in UTF-8"), Strictness.MUST, connect("1.2"),
                sendOctets("SEND with the header value 0xFF 0xFE (not UTF-8), as a binary message",
                        octets("SEND\ndestination:/topic/x\nx-v:", new byte[] {(byte) 0xFF, (byte) 0xFE}, "\n\nx\0")),
                error()));
        all.add(stompCase(12, 12, "the ERROR for a frame with a receipt carries its receipt-id", rule("1.2", "ERROR",
                "if the erroneous frame had a receipt header, the ERROR SHOULD set receipt-id to its value"),
                Strictness.MUST, connect("1.2"), send("SEND\nreceipt:bad-1\n\nnowhere\0"),
                error(null, Verdict.NON_STRICT, is("receipt-id", "bad-1").ifMissing(Verdict.NON_STRICT))));

        all.add(stompCase(13, 1, "a 1 MiB header value is refused naming the limit (or accepted)", LIMITS, Strictness.MUST,
                connect("1.2"), sendLarge("SEND with a 1 MiB x-big header, in 64 KiB WebSocket messages",
                        "SEND\ndestination:{topic}\nx-big:", 'v', 1 << 20, "\n\nx\0", PIECE),
                error(LIMIT, Verdict.INFORMATIONAL)));
        all.add(stompCase(13, 2, "a SEND with 10 000 headers is refused naming the limit (or accepted)", LIMITS,
                Strictness.MUST, connect("1.2"), sendChopped(PIECE, manyHeaders(10_000)),
                error(LIMIT, Verdict.INFORMATIONAL)));
        all.add(stompCase(13, 3, "a 4 MiB body is refused naming the limit (or accepted)", LIMITS, Strictness.MUST,
                connect("1.2"), sendLarge("SEND with a 4 MiB body (content-length), in 64 KiB WebSocket messages",
                        "SEND\ndestination:{topic}\ncontent-length:" + (4 << 20) + "\n\n", 'b', 4 << 20, "\0", PIECE),
                error(LIMIT, Verdict.INFORMATIONAL)));
        return all;
    }

    private static String manyHeaders(int n) {
        StringBuilder b = new StringBuilder("SEND\ndestination:{topic}\n");
        for (int i = 0; i < n; i++) {
            b.append("x-h").append(i).append(":v\n");
        }
        return b.append("\nx\0").toString();
    }

    private static byte[] octets(String head, byte[] middle, String tail) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(middle);
        b.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }
}
