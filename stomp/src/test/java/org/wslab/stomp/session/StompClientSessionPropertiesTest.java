package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.FrameGenerators;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompEncoder;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.StompVersion;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/** Properties of the sans-I/O client session over generated server input and client calls. */
class StompClientSessionPropertiesTest {
    private static final String ALPHABET = "MESAGCONTDRIPTR:\n\r\\\0 0123.,-/abcnsuviodeq";

    private static byte[] connectedThen(StompVersion v, byte[] rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("CONNECTED\nversion:" + v.text() + "\n\n\0").getBytes());
        out.writeBytes(rest);
        return out.toByteArray();
    }

    private static List<ClientEvent> feedAll(List<byte[]> chunks) {
        ClientDriver d = ClientDriver.connecting(EnumSet.allOf(StompVersion.class), HeartBeat.NONE);
        for (byte[] c : chunks) {
            d.events.addAll(d.session.receive(ByteBuffer.wrap(c), 0));
        }
        return d.events;
    }

    /** Whatever arrived, the events end at most once, in a typed violation or ERROR followed by Closed. */
    private static void endsWellFormed(List<ClientEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            ClientEvent e = events.get(i);
            if (e instanceof ClientEvent.Closed) {
                assertEquals(events.size() - 1, i, "nothing after Closed: " + events);
                ClientEvent before = events.get(i - 1);
                assertTrue(before instanceof ClientEvent.Violation || before instanceof ClientEvent.Error, events.toString());
            }
            if (e instanceof ClientEvent.Violation v) {
                assertTrue(v.violation().message().contains("(STOMP "), v.violation().toString());
            }
        }
    }

    @Test
    void garbageFromTheServerNeverThrowsAndEndsInATypedEventThenClosed() {
        // Rule (STOMP 1.2 "STOMP Frames", "Value Encoding"): malformed server input of any shape ends in a
        // violation naming a section, then Closed — never an exception out of receive().
        Props.qt().forAll(arbitrary().enumValues(StompVersion.class), ByteGens.bytesFrom(ALPHABET, 0, 200), Splits.cutPoints(4),
                        booleans().all())
                .checkAssert((v, garbage, cuts, afterConnected) -> endsWellFormed(feedAll(Splits.apply(
                        afterConnected ? connectedThen(v, garbage) : garbage, cuts))));
    }

    @Test
    void mutatedServerFramesNeverThrow() {
        // Rule (STOMP 1.2 "Server Frames"): a valid server stream with octets replaced still gives typed events only.
        byte[] base = connectedThen(StompVersion.V1_1, ("MESSAGE\nsubscription:s\ndestination:/topic/a\nmessage-id:m\\c1\n"
                + "content-length:2\n\nhi\0\nRECEIPT\nreceipt-id:r-1\n\n\0ERROR\nmessage:x\n\nbye\0").getBytes());
        Props.qt().forAll(lists().of(integers().between(0, base.length - 1)).ofSizeBetween(1, 4),
                        lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(4, 4))
                .checkAssert((positions, letters) -> {
                    byte[] mutated = base.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        mutated[positions.get(i)] = (byte) ALPHABET.charAt(letters.get(i));
                    }
                    endsWellFormed(feedAll(List.of(mutated)));
                });
    }

    @Test
    void anySplitOfTheServersBytesGivesTheSameEvents() {
        // Rule (STOMP 1.2 "Protocol Negotiation"): events depend on the frames, not on how the octets were cut —
        // including the frames behind CONNECTED, which decode under the version it names.
        Props.qt().forAll(arbitrary().enumValues(StompVersion.class), Splits.cutPoints(8))
                .checkAssert((v, cuts) -> {
                    ByteArrayOutputStream rest = new ByteArrayOutputStream();
                    rest.writeBytes("\n".getBytes());
                    rest.writeBytes(StompEncoder.encode(StompFrame.of(StompCommand.MESSAGE, "subscription", "s",
                            "destination", "/topic/a", "message-id", "m:1\\").withBody("x"), v));
                    rest.writeBytes(StompEncoder.encode(StompFrame.of(StompCommand.ERROR, "message", "a:b"), v));
                    byte[] all = connectedThen(v, rest.toByteArray());
                    List<ClientEvent> whole = feedAll(List.of(all));
                    assertEquals(4, whole.size(), whole.toString());
                    assertEquals("m:1\\", assertInstanceOf(ClientEvent.Message.class, whole.get(1)).frame().header("message-id"));
                    assertEquals(whole, feedAll(Splits.apply(all, cuts)));
                });
    }

    @Test
    void anySplitOfGeneratedServerFramesGivesTheSameEvents() {
        // Rule (STOMP 1.2 "STOMP Frames"): the same, over generated frames of any command behind CONNECTED.
        Props.qt().forAll(arbitrary().enumValues(StompVersion.class).flatMap(v -> FrameGenerators.frameLists(v, 4)
                        .map(fs -> {
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            fs.forEach(f -> out.writeBytes(StompEncoder.encode(f, v)));
                            return connectedThen(v, out.toByteArray());
                        })), Splits.cutPoints(6))
                .checkAssert((all, cuts) -> {
                    List<ClientEvent> whole = feedAll(List.of(all));
                    endsWellFormed(whole);
                    assertEquals(whole, feedAll(Splits.apply(all, cuts)));
                });
    }

    @Test
    void everyFrameTheClientWritesReparsesUnderTheNegotiatedVersion() {
        // Rule (STOMP 1.2 "Value Encoding"): a value the version cannot write — including one taken from the
        // server's MESSAGE for an ACK — is refused with a named rule; whatever is written decodes to what was meant.
        Set<StompRule> refusals = Set.of(StompRule.UNENCODABLE_HEADER, StompRule.NACK_IN_1_0, StompRule.INVALID_ACK_MODE,
                StompRule.DUPLICATE_SUBSCRIPTION, StompRule.UNKNOWN_SUBSCRIPTION, StompRule.MISSING_HEADER);
        Props.qt().forAll(arbitrary().enumValues(StompVersion.class), FrameGenerators.text(5), FrameGenerators.text(5),
                        FrameGenerators.text(5))
                .checkAssert((v, a, b, c) -> {
                    ClientDriver d = ClientDriver.connected(v);
                    d.written.clear();
                    StompFrame message = StompFrame.of(StompCommand.MESSAGE, "subscription", b, "destination", "/q",
                            "message-id", a, "ack", c);
                    List<ClientCall> calls = new ArrayList<>();
                    List<StompCommand> commands = new ArrayList<>();
                    calls.add(d.session.subscribe(a, b, AckMode.CLIENT, true, 0));
                    commands.add(StompCommand.SUBSCRIBE);
                    calls.add(d.session.send(b, c, a, true, 0));
                    commands.add(StompCommand.SEND);
                    calls.add(d.session.ack(message, c, false, 0));
                    commands.add(StompCommand.ACK);
                    calls.add(d.session.nack(message, null, true, 0));
                    commands.add(StompCommand.NACK);
                    calls.add(d.session.begin(c, false, 0));
                    commands.add(StompCommand.BEGIN);
                    calls.add(d.session.unsubscribe(a, false, 0));
                    commands.add(StompCommand.UNSUBSCRIBE);
                    d.drain();
                    int out = 0;
                    for (int i = 0; i < calls.size(); i++) {
                        if (calls.get(i) instanceof ClientCall.Refused r) {
                            assertTrue(refusals.contains(r.violation().rule()), r.violation().toString());
                            continue;
                        }
                        StompFrame f = ClientDriver.reparse(d.written.get(out++), v);
                        assertEquals(commands.get(i), f.command());
                        ((ClientCall.Sent) calls.get(i)).receiptId().ifPresent(id -> assertEquals(id, f.header("receipt")));
                        if (f.command() == StompCommand.SUBSCRIBE) {
                            assertEquals(List.of(a, b), List.of(f.header("id"), f.header("destination")));
                        } else if (f.command() == StompCommand.SEND) {
                            assertEquals(List.of(b, a, c), List.of(f.header("destination"), f.header("transaction"), f.bodyText()));
                        } else if (f.command() == StompCommand.ACK) {
                            assertEquals(v == StompVersion.V1_2 ? c : a, f.header(v == StompVersion.V1_2 ? "id" : "message-id"));
                        }
                    }
                    assertEquals(out, d.written.size(), "one WebSocket message per frame written, none for a refusal");
                });
    }
}
