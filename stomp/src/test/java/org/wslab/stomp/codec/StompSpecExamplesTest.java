package org.wslab.stomp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompVersion;
import org.wslab.testkit.Hex;

/**
 * The frames printed in the STOMP 1.2 specification (and the 1.0/1.1 specifics), one per command:
 * each decodes to the expected frame and encodes back to the same octets.
 */
class StompSpecExamplesTest {

    record Example(String name, StompVersion version, String wire, StompFrame frame) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Example> examples() {
        return List.of(
                new Example("CONNECT (1.2 \"Connecting\")", StompVersion.V1_2,
                        "CONNECT\naccept-version:1.2\nhost:stomp.github.org\n\n\0",
                        StompFrame.of(StompCommand.CONNECT, "accept-version", "1.2", "host", "stomp.github.org")),
                new Example("STOMP (1.2 \"CONNECT or STOMP Frame\")", StompVersion.V1_2,
                        "STOMP\naccept-version:1.0,1.1,1.2\nhost:/\nheart-beat:10000,10000\n\n\0",
                        StompFrame.of(StompCommand.STOMP, "accept-version", "1.0,1.1,1.2", "host", "/", "heart-beat", "10000,10000")),
                new Example("CONNECTED (1.2 \"Connecting\")", StompVersion.V1_2,
                        "CONNECTED\nversion:1.2\n\n\0", StompFrame.of(StompCommand.CONNECTED, "version", "1.2")),
                new Example("SEND (1.2 \"SEND\")", StompVersion.V1_2,
                        "SEND\ndestination:/queue/a\ncontent-type:text/plain\n\nhello queue a\0",
                        StompFrame.of(StompCommand.SEND, "destination", "/queue/a", "content-type", "text/plain")
                                .withBodyNoLength("hello queue a".getBytes(StandardCharsets.UTF_8))),
                new Example("SUBSCRIBE (1.2 \"SUBSCRIBE\")", StompVersion.V1_2,
                        "SUBSCRIBE\nid:0\ndestination:/queue/foo\nack:client\n\n\0",
                        StompFrame.of(StompCommand.SUBSCRIBE, "id", "0", "destination", "/queue/foo", "ack", "client")),
                new Example("UNSUBSCRIBE (1.2 \"UNSUBSCRIBE\")", StompVersion.V1_2,
                        "UNSUBSCRIBE\nid:0\n\n\0", StompFrame.of(StompCommand.UNSUBSCRIBE, "id", "0")),
                new Example("ACK (1.2 \"ACK\")", StompVersion.V1_2,
                        "ACK\nid:12345\ntransaction:tx1\n\n\0", StompFrame.of(StompCommand.ACK, "id", "12345", "transaction", "tx1")),
                new Example("ACK (1.1: message-id + subscription)", StompVersion.V1_1,
                        "ACK\nsubscription:0\nmessage-id:007\n\n\0",
                        StompFrame.of(StompCommand.ACK, "subscription", "0", "message-id", "007")),
                new Example("ACK (1.0: message-id)", StompVersion.V1_0,
                        "ACK\nmessage-id:007\n\n\0", StompFrame.of(StompCommand.ACK, "message-id", "007")),
                new Example("NACK (1.2 \"NACK\")", StompVersion.V1_2,
                        "NACK\nid:12345\ntransaction:tx1\n\n\0", StompFrame.of(StompCommand.NACK, "id", "12345", "transaction", "tx1")),
                new Example("BEGIN (1.2 \"BEGIN\")", StompVersion.V1_2,
                        "BEGIN\ntransaction:tx1\n\n\0", StompFrame.of(StompCommand.BEGIN, "transaction", "tx1")),
                new Example("COMMIT (1.2 \"COMMIT\")", StompVersion.V1_2,
                        "COMMIT\ntransaction:tx1\n\n\0", StompFrame.of(StompCommand.COMMIT, "transaction", "tx1")),
                new Example("ABORT (1.2 \"ABORT\")", StompVersion.V1_2,
                        "ABORT\ntransaction:tx1\n\n\0", StompFrame.of(StompCommand.ABORT, "transaction", "tx1")),
                new Example("DISCONNECT (1.2 \"DISCONNECT\")", StompVersion.V1_2,
                        "DISCONNECT\nreceipt:77\n\n\0", StompFrame.of(StompCommand.DISCONNECT, "receipt", "77")),
                new Example("RECEIPT (1.2 \"RECEIPT\")", StompVersion.V1_2,
                        "RECEIPT\nreceipt-id:77\n\n\0", StompFrame.of(StompCommand.RECEIPT, "receipt-id", "77")),
                new Example("MESSAGE (1.2 \"MESSAGE\")", StompVersion.V1_2,
                        "MESSAGE\nsubscription:0\nmessage-id:007\ndestination:/queue/a\ncontent-type:text/plain\n\nhello queue a\0",
                        StompFrame.of(StompCommand.MESSAGE, "subscription", "0", "message-id", "007",
                                "destination", "/queue/a", "content-type", "text/plain")
                                .withBodyNoLength("hello queue a".getBytes(StandardCharsets.UTF_8))),
                new Example("ERROR (1.2 \"ERROR\")", StompVersion.V1_2,
                        "ERROR\nreceipt-id:message-12345\ncontent-type:text/plain\ncontent-length:24\nmessage:malformed frame received\n\n"
                                + "no destination header.\n\n\0",
                        new StompFrame(StompCommand.ERROR, StompFrame.of(StompCommand.ERROR, "receipt-id", "message-12345",
                                "content-type", "text/plain", "content-length", "24", "message", "malformed frame received").headers(),
                                "no destination header.\n\n".getBytes(StandardCharsets.UTF_8))),
                new Example("escapes (1.2 \"Value Encoding\")", StompVersion.V1_2,
                        "MESSAGE\na\\cb:c\\nd\\\\e\\rf\n\n\0", StompFrame.of(StompCommand.MESSAGE, "a:b", "c\nd\\e\rf")),
                new Example("1.0 keeps backslashes", StompVersion.V1_0,
                        "SEND\ndestination:/queue/a\\nb\n\n\0", StompFrame.of(StompCommand.SEND, "destination", "/queue/a\\nb")),
                new Example("CONNECT is never escaped", StompVersion.V1_2,
                        "CONNECT\nlogin:a\\cb\n\n\0", StompFrame.of(StompCommand.CONNECT, "login", "a\\cb")),
                new Example("values are never trimmed", StompVersion.V1_2,
                        "SEND\ndestination: /queue/a \nempty:\n\n\0",
                        StompFrame.of(StompCommand.SEND, "destination", " /queue/a ", "empty", "")));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void decodesAndEncodesTheSpecExample(Example ex) {
        byte[] wire = ex.wire().getBytes(StandardCharsets.UTF_8);
        assertEquals(ex.frame(), Decoded.of(ex.version(), wire).single());
        assertArrayEquals(wire, StompEncoder.encode(ex.frame(), ex.version()));
    }

    @Test
    void repeatedHeaderFirstEntryWins() {
        // STOMP 1.2 "Repeated Header Entries": "only the first header entry SHOULD be used"
        StompFrame f = Decoded.of(StompVersion.V1_2, "MESSAGE\nfoo:World\nfoo:Hello\n\n\0").single();
        assertEquals("World", f.header("foo"));
        assertEquals(2, f.headers().size());
    }

    @Test
    void crlfLineEndsIn12() {
        // STOMP 1.2 "Augmented BNF": EOL = [CR] LF
        StompFrame f = Decoded.of(StompVersion.V1_2, "SEND\r\ndestination:/queue/a\r\n\r\nhi\0\r\n").single();
        assertEquals(StompFrame.of(StompCommand.SEND, "destination", "/queue/a").withBodyNoLength("hi".getBytes(StandardCharsets.UTF_8)), f);
    }

    @Test
    void crIsDataIn11() {
        // STOMP 1.1 lines end with LF only: a CR before it belongs to the value
        StompFrame f = Decoded.of(StompVersion.V1_1, "SEND\ndestination:/queue/a\r\n\n\0").single();
        assertEquals("/queue/a\r", f.header("destination"));
    }

    @Test
    void crLfBlankLineAndHeartBeatAreToleratedIn10And11() {
        // STOMP 1.0/1.1 end lines with LF only, but a lone CR line has no colon (an error under the
        // strict reading), so it is read as the blank line and as a heart-beat; the header CR stays data
        for (StompVersion v : List.of(StompVersion.V1_0, StompVersion.V1_1)) {
            Decoded d = Decoded.of(v, "\r\nSEND\r\ndestination:/queue/a\r\n\r\nhi\0\r\n");
            assertEquals(StompFrame.of(StompCommand.SEND, "destination", "/queue/a\r")
                    .withBodyNoLength("hi".getBytes(StandardCharsets.UTF_8)), d.single(), v.toString());
            assertEquals(2, d.heartBeats(), v.toString());
        }
    }

    @Test
    void contentLengthBodyKeepsNuls() {
        // STOMP 1.2 "Header content-length": the body may contain NUL octets
        byte[] wire = Hex.bytes("53 45 4e 44 0a 63 6f 6e 74 65 6e 74 2d 6c 65 6e 67 74 68 3a 33 0a 0a 00 01 00 00 0a");
        Decoded d = Decoded.of(StompVersion.V1_2, wire);
        assertArrayEquals(new byte[] {0, 1, 0}, d.single().body());
        assertEquals(1, d.heartBeats());
    }

    @Test
    void heartBeatsAndSeveralFramesInOneMessage() {
        // STOMP 1.2 "Heart-beating": EOLs between frames
        Decoded d = Decoded.of(StompVersion.V1_2, "\n\r\nBEGIN\ntransaction:t\n\n\0\nCOMMIT\ntransaction:t\n\n\0\n\n");
        assertEquals(List.of(StompCommand.BEGIN, StompCommand.COMMIT), d.frames().stream().map(StompFrame::command).toList());
        assertEquals(5, d.heartBeats());
        assertTrue(d.violation().isEmpty());
    }

    @Test
    void theNotesSubProtocolOffer() {
        // the source notes' offer: Sec-WebSocket-Protocol: v10.stomp, v11.stomp, v12.stomp
        List<StompVersion> offered = Arrays.stream("v10.stomp, v11.stomp, v12.stomp".split(","))
                .map(String::trim).map(StompVersion::fromSubProtocol).map(java.util.Optional::orElseThrow).toList();
        assertEquals(List.of(StompVersion.V1_0, StompVersion.V1_1, StompVersion.V1_2), offered);
    }

    @Test
    void traceShowsNulAndLineEnds() {
        String trace = StompTrace.render("<<< ", "SEND\r\na:b\n\nx\0".getBytes(StandardCharsets.UTF_8));
        assertEquals("<<< SEND^M^J\n<<< a:b^J\n<<< ^J\n<<< x^@", trace);
        assertEquals("# WebSocket sub-protocol: v10.stomp, STOMP version: 1.2", StompTrace.banner("v10.stomp", StompVersion.V1_2));
    }
}
