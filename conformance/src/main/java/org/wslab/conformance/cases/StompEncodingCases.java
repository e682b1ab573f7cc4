package org.wslab.conformance.cases;

import static org.wslab.conformance.stomp.HeaderCheck.is;
import static org.wslab.conformance.stomp.StompSteps.anyOrder;
import static org.wslab.conformance.stomp.StompSteps.connect;
import static org.wslab.conformance.stomp.StompSteps.connect10;
import static org.wslab.conformance.stomp.StompSteps.error;
import static org.wslab.conformance.stomp.StompSteps.expect;
import static org.wslab.conformance.stomp.StompSteps.receipt;
import static org.wslab.conformance.stomp.StompSteps.rule;
import static org.wslab.conformance.stomp.StompSteps.send;
import static org.wslab.conformance.stomp.StompSteps.sendBinary;
import static org.wslab.conformance.stomp.StompSteps.sendChopped;
import static org.wslab.conformance.stomp.StompSteps.stompCase;
import static org.wslab.conformance.stomp.StompSteps.subscribe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Rule;
import org.wslab.conformance.Strictness;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.stomp.Step;
import org.wslab.stomp.codec.StompCommand;

/**
 * STOMP {@code stomp.3.x}: header value encoding per version (STOMP 1.2 / 1.1 "Value Encoding":
 * 1.0 has no escapes, 1.1 {@code \n \c \\}, 1.2 also {@code \r}, any other escape fatal, CONNECT
 * and CONNECTED never escaped); {@code stomp.4.x}: bodies and {@code content-length} ("Header
 * content-length", "STOMP Frames"), a binary body among them; {@code stomp.5.x}: frames split
 * across WebSocket messages, several in one, EOLs between them ("Augmented BNF"), frames in binary
 * messages (RFC 6455 §5.6).
 *
 * <p>An escaping case sends a header of its own in a SEND and reads it back in the MESSAGE; a
 * server that does not forward such headers at all is UNIMPLEMENTED there (see {@code stomp.7.5}).
 */
public final class StompEncodingCases {
    private static final Rule ESCAPES_12 = rule("1.2", "Value Encoding",
            "\\r \\n \\c \\\\ MUST be decoded to CR, LF, colon and backslash, and encoded back when sending");
    private static final Rule ESCAPES_11 = rule("1.1", "Value Encoding",
            "\\n \\c \\\\ MUST be decoded to LF, colon and backslash, and encoded back when sending");
    private static final Rule UNDEFINED = rule("1.2", "Value Encoding",
            "undefined escape sequences such as \\t MUST be treated as a fatal protocol error");
    private static final Rule SPLIT = rule("1.2", "STOMP Frames",
            "STOMP is a stream of frames: over WebSocket a frame may span messages and a message may hold several frames");
    private static final Rule LENGTH = rule("1.2", "Header content-length",
            "content-length octets are the body, NULs included; the octet after them MUST be the frame's NUL");

    private static final Rule BINARY_BODY = rule("1.2", "Header content-length",
            "a body is octets of any value, NULs included (content-length); over WebSocket a body that is not UTF-8"
            + " can only travel in a binary message (RFC 6455 §5.6), so it is taken in and delivered in one");
    private static final Rule IN_BINARY = rule("1.2", "STOMP Frames",
            "a frame is octets, whether a WebSocket text or binary message carries it");
    /** The 256 octet values in order, a body no text message may carry. */
    private static final byte[] EVERY_OCTET = new byte[256];

    static {
        for (int i = 0; i < EVERY_OCTET.length; i++) {
            EVERY_OCTET[i] = (byte) i;
        }
    }

    private StompEncodingCases() {}

    public static List<ConformanceCase> cases() {
        List<ConformanceCase> all = new ArrayList<>();
        all.add(stompCase(3, 1, "1.0: backslashes and colons in a value are data", rule("1.0", "Frames",
                "STOMP 1.0 has no escapes: a value is every octet after the first colon"), Strictness.MUST,
                echoHeader(connect10(), "x-v:a\\cb:c\\n", "x-v", "a\\cb:c\\n")));
        all.add(stompCase(3, 2, "1.1: \\n in a value is a line feed, both ways", ESCAPES_11, Strictness.MUST,
                echoHeader(connect("1.1"), "x-v:one\\ntwo", "x-v", "one\ntwo")));
        all.add(stompCase(3, 3, "1.1: \\c is a colon and \\\\ a backslash, both ways", ESCAPES_11, Strictness.MUST,
                echoHeader(connect("1.1"), "x-v:a\\cb\\\\c", "x-v", "a:b\\c")));
        all.add(stompCase(3, 4, "1.2: \\r in a value is a carriage return, both ways (a trailing one too)", ESCAPES_12,
                Strictness.MUST, echoHeader(connect("1.2"), "x-v:a\\rb\\r", "x-v", "a\rb\r")));
        all.add(stompCase(3, 5, "1.2: every escape in a header name and value, both ways", ESCAPES_12, Strictness.MUST,
                echoHeader(connect("1.2"), "x\\cn:\\r\\n\\c\\\\", "x:n", "\r\n:\\")));
        all.add(stompCase(3, 6, "1.1: \\r is undefined in 1.1, a fatal error", UNDEFINED, Strictness.MUST,
                badEscape("1.1", "x-v:a\\rb")));
        all.add(stompCase(3, 7, "1.1: \\t is a fatal error", UNDEFINED, Strictness.MUST, badEscape("1.1", "x-v:a\\tb")));
        all.add(stompCase(3, 8, "1.2: \\t is a fatal error", UNDEFINED, Strictness.MUST, badEscape("1.2", "x-v:a\\tb")));
        all.add(stompCase(3, 9, "1.2: a value ending in a lone backslash is a fatal error", UNDEFINED, Strictness.MUST,
                badEscape("1.2", "x-v:ab\\")));
        all.add(stompCase(3, 10, "1.2: CONNECT headers are not unescaped: \\t in CONNECT is data", rule("1.2", "Value Encoding",
                "CONNECT and CONNECTED frames do not escape, to remain compatible with 1.0"), Strictness.MUST,
                send("CONNECT\naccept-version:1.2\nhost:{host}\nx-agent:a\\tb\\c\n\n\0"),
                expect(StompCommand.CONNECTED, is("version", "1.2"))));
        all.add(stompCase(3, 11, "1.2: a receipt with an escaped colon comes back escaped", ESCAPES_12, Strictness.MUST,
                connect("1.2"), send("SEND\ndestination:{topic}\nreceipt:r\\c1\\\\x\n\nhi\0"), receipt("r:1\\x")));
        all.add(stompCase(3, 12, "1.0: \\t in a value is data, not an error", rule("1.0", "Frames",
                "STOMP 1.0 has no escapes"), Strictness.MUST, echoHeader(connect10(), "x-v:a\\tb", "x-v", "a\\tb")));

        all.add(stompCase(4, 1, "a body with NULs and content-length arrives whole", LENGTH, Strictness.MUST,
                connect("1.2"), subscribe("0", "{topic}", "auto"),
                send("SEND\ndestination:{topic}\ncontent-length:5\n\na\0b\0c\0"),
                expect(StompCommand.MESSAGE, is("destination", "{topic}")).body("a\0b\0c")));
        all.add(stompCase(4, 2, "content-length counts octets, not characters", LENGTH, Strictness.MUST,
                connect("1.2"), subscribe("0", "{topic}", "auto"),
                send("SEND\ndestination:{topic}\ncontent-length:10\n\nh\u00e9llo \u20ac\0"),
                expect(StompCommand.MESSAGE).body("h\u00e9llo \u20ac")));
        all.add(stompCase(4, 3, "without content-length the body ends at the first NUL", rule("1.2", "STOMP Frames",
                "without content-length, the body is the octets up to the first NUL"), Strictness.MUST,
                connect("1.2"), subscribe("0", "{topic}", "auto"), send("SEND\ndestination:{topic}\n\nabc\0"),
                expect(StompCommand.MESSAGE).body("abc")));
        all.add(stompCase(4, 4, "a content-length shorter than the body (no NUL after it) is refused", LENGTH, Strictness.MUST,
                connect("1.2"), send("SEND\ndestination:{topic}\ncontent-length:3\n\nhello\0"), error()));
        all.add(stompCase(4, 5, "a content-length longer than the body is refused when the octet after it is not NUL", LENGTH,
                Strictness.MUST, connect("1.2"), send("SEND\ndestination:{topic}\ncontent-length:10\n\nhi\0"), error()));
        all.add(stompCase(4, 6, "a content-length that is not a number is refused", LENGTH, Strictness.MUST,
                connect("1.2"), send("SEND\ndestination:{topic}\ncontent-length:ten\n\nhi\0"), error()));
        all.add(stompCase(4, 7, "a MESSAGE with a body carries content-length", rule("1.2", "Header content-length",
                "SEND, MESSAGE and ERROR frames with a body SHOULD include a content-length header"), Strictness.SHOULD,
                connect("1.2"), subscribe("0", "{topic}", "auto"), send("SEND\ndestination:{topic}\n\nhello\0"),
                expect(StompCommand.MESSAGE, is("content-length", "5").ifMissing(Verdict.NON_STRICT))));
        all.add(stompCase(4, 8, "an empty body arrives empty", rule("1.2", "STOMP Frames", "a body may be empty"),
                Strictness.MUST, connect("1.2"), subscribe("0", "{topic}", "auto"), send("SEND\ndestination:{topic}\n\n\0"),
                expect(StompCommand.MESSAGE, is("destination", "{topic}")).body("")));
        all.add(stompCase(4, 9, "a binary body (every octet 0x00-0xFF) in a binary message arrives whole", BINARY_BODY,
                Strictness.MUST, connect("1.2"), subscribe("0", "{topic}", "auto"),
                sendBinary("SEND with content-length:256 and the octets 0x00-0xFF as its body, as a binary message",
                        "SEND\ndestination:{topic}\ncontent-length:256\n\n", EVERY_OCTET),
                expect(StompCommand.MESSAGE, is("destination", "{topic}")).octets(EVERY_OCTET)));

        all.add(stompCase(5, 1, "a CONNECT split across two WebSocket messages", SPLIT, Strictness.SHOULD,
                send("CONNECT\naccept-ver", "sion:1.2\nhost:{host}\n\n\0"), expect(StompCommand.CONNECTED, is("version", "1.2"))));
        all.add(stompCase(5, 2, "a SEND split in its command, a header and its body", SPLIT, Strictness.SHOULD,
                connect("1.2"), subscribe("0", "{topic}", "auto"),
                send("SE", "ND\ndestination:{topic}\nx-v:sp", "lit\n\nhel", "lo\0"),
                expect(StompCommand.MESSAGE, is("x-v", "split").ifMissing(Verdict.OK)).body("hello")));
        all.add(stompCase(5, 3, "SUBSCRIBE and SEND in one WebSocket message", SPLIT, Strictness.SHOULD, connect("1.2"),
                send("SUBSCRIBE\nid:0\ndestination:{topic}\nreceipt:s\n\n\0SEND\ndestination:{topic}\n\nboth\0"),
                anyOrder(receipt("s"), expect(StompCommand.MESSAGE).body("both"))));
        all.add(stompCase(5, 4, "CONNECT, SUBSCRIBE and SEND in one WebSocket message", SPLIT, Strictness.SHOULD,
                send("CONNECT\naccept-version:1.2\nhost:{host}\n\n\0SUBSCRIBE\nid:0\ndestination:{topic}\nreceipt:s\n\n\0"
                        + "SEND\ndestination:{topic}\n\nall\0"),
                expect(StompCommand.CONNECTED, is("version", "1.2")).as("connected"),
                anyOrder(receipt("s"), expect(StompCommand.MESSAGE).body("all"))));
        all.add(stompCase(5, 5, "EOLs after a frame's NUL, in the same message, are skipped", rule("1.2", "Augmented BNF",
                "frame = command EOL *(header EOL) EOL *OCTET NULL *(EOL)"), Strictness.MUST, connect("1.2"),
                send("SUBSCRIBE\nid:0\ndestination:{topic}\nreceipt:s\n\n\0\n\n\nSEND\ndestination:{topic}\n\neol\0\n"),
                anyOrder(receipt("s"), expect(StompCommand.MESSAGE).body("eol"))));
        all.add(stompCase(5, 6, "1.2: CR LF heart-beats between frames", rule("1.2", "Augmented BNF", "EOL = [CR] LF"),
                Strictness.MUST, connect("1.2"), send("\r\n", "\r\n"), subscribe("0", "{topic}", "auto")));
        all.add(stompCase(5, 7, "an EOL heart-beat as its own WebSocket message before a frame", rule("1.2", "Heart-beating",
                "a heart-beat is an EOL, anywhere between frames"), Strictness.MUST, connect("1.1"), send("\n"),
                subscribe("0", "{topic}", "auto")));
        all.add(stompCase(5, 8, "1.2: CR LF line ends; the CR is not part of a value", rule("1.2", "Augmented BNF",
                "EOL = [CR] LF"), Strictness.MUST, connect("1.2"), subscribe("0", "{topic}", "auto"),
                send("SEND\r\ndestination:{topic}\r\nx-v:a\r\n\r\ncrlf\0"),
                expect(StompCommand.MESSAGE, is("destination", "{topic}"), is("x-v", "a").ifMissing(Verdict.OK)).body("crlf")));
        all.add(stompCase(5, 9, "a SEND one octet per WebSocket message", SPLIT, Strictness.SHOULD, connect("1.2"),
                subscribe("0", "{topic}", "auto"), sendChopped(1, "SEND\ndestination:{topic}\n\nbit by bit\0"),
                expect(StompCommand.MESSAGE).body("bit by bit")));
        all.add(stompCase(5, 10, "a CONNECT in a binary WebSocket message", IN_BINARY, Strictness.SHOULD,
                sendBinary("CONNECT accept-version:1.2, as a binary message", "CONNECT\naccept-version:1.2\nhost:{host}\n\n",
                        new byte[0]), expect(StompCommand.CONNECTED, is("version", "1.2"))));
        all.add(stompCase(5, 11, "SUBSCRIBE and SEND in binary messages, a text body", IN_BINARY, Strictness.SHOULD,
                connect("1.2"), sendBinary("SUBSCRIBE with a receipt, as a binary message",
                        "SUBSCRIBE\nid:0\ndestination:{topic}\nreceipt:s\n\n", new byte[0]), receipt("s"),
                sendBinary("SEND with the body \"in binary\", as a binary message", "SEND\ndestination:{topic}\n\n",
                        "in binary".getBytes(StandardCharsets.UTF_8)),
                expect(StompCommand.MESSAGE, is("destination", "{topic}")).body("in binary")));
        return all;
    }

    /** Connects, subscribes, sends a SEND with {@code headerLine} as written, and expects the MESSAGE to carry {@code name: value}. */
    private static List<Step> echoHeader(List<Step> connect, String headerLine, String name, String value) {
        List<Step> s = new ArrayList<>(connect);
        s.addAll(subscribe("0", "{topic}", "auto"));
        s.add(send("SEND\ndestination:{topic}\n" + headerLine + "\n\nhi\0"));
        s.add(expect(StompCommand.MESSAGE, is("destination", "{topic}"), is(name, value).ifMissing(Verdict.UNIMPLEMENTED))
                .body("hi"));
        return s;
    }

    /** A SEND with an escape the version does not define: a fatal error, so going on is FAILED. */
    private static List<Step> badEscape(String version, String headerLine) {
        List<Step> s = new ArrayList<>(connect(version));
        s.add(send("SEND\ndestination:{topic}\n" + headerLine + "\n\nhi\0"));
        s.add(error(null, Verdict.FAILED));
        return s;
    }
}
