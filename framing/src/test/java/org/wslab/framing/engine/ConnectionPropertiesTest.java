package org.wslab.framing.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.Role;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/** Engine invariants over generated traffic (RFC 6455 §5.4, §7.1.7; RFC 7692 §6). */
class ConnectionPropertiesTest {
    private static Optional<DeflateParameters> deflate(boolean on, boolean noTakeover) {
        return on ? Optional.of(new DeflateParameters(noTakeover, noTakeover, 15, 15)) : Optional.empty();
    }

    @Test
    void fragmentedMessagesWithInterleavedPingsReassemble() {
        // §5.4: a message cut at arbitrary points, with pings between fragments, arrives whole;
        // every ping is reported and answered, and the stream may be split anywhere on the way
        Props.qt(200).forAll(ByteGens.bytes(0, 300), Splits.cutPoints(5), integers().between(0, 3),
                Splits.cutPoints(8)).checkAssert((message, cuts, mode, streamCuts) -> {
                    boolean text = (mode & 1) != 0;
                    boolean deflateOn = (mode & 2) != 0;
                    byte[] payload = text ? new String(message, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8)
                            : message;
                    Connection client = Connection.open(Role.CLIENT, deflate(deflateOn, false), EngineHarness.settings(), 0);
                    Connection server = Connection.open(Role.SERVER, deflate(deflateOn, false), EngineHarness.settings(), 0);
                    List<byte[]> pieces = Splits.apply(payload, cuts);
                    Opcode type = text ? Opcode.TEXT : Opcode.BINARY;
                    for (int i = 0; i < pieces.size(); i++) {
                        client.sendPing(new byte[] {(byte) i});
                        client.sendFragment(type, pieces.get(i), i == pieces.size() - 1);
                    }
                    List<Event> events = new ArrayList<>();
                    for (byte[] chunk : Splits.apply(EngineHarness.drain(client), streamCuts)) {
                        events.addAll(server.receive(ByteBuffer.wrap(chunk), 0));
                    }
                    assertEquals(pieces.size() + 1, events.size(), events::toString);
                    Event last = events.get(events.size() - 1);
                    if (text) {
                        assertEquals(new Event.TextMessage(payload), last);
                    } else {
                        assertEquals(new Event.BinaryMessage(payload), last);
                    }
                    long pongs = EngineHarness.framesSentBy(Role.SERVER, EngineHarness.drain(server)).stream()
                            .filter(f -> f.opcode() == Opcode.PONG).count();
                    assertEquals(pieces.size(), pongs);
                });
    }

    @Test
    void messagesRoundTripBetweenTwoEnginesWithAndWithoutDeflate() {
        // RFC 7692 §7.2 through the engine: both directions, context takeover on and off
        Props.qt(150).forAll(lists().of(ByteGens.bytesFrom("ab c\u00e9", 0, 200)).ofSizeBetween(1, 5),
                booleans().all(), booleans().all()).checkAssert((messages, on, noTakeover) -> {
                    Connection client = Connection.open(Role.CLIENT, deflate(on, noTakeover), EngineHarness.settings(), 0);
                    Connection server = Connection.open(Role.SERVER, deflate(on, noTakeover), EngineHarness.settings(), 0);
                    for (byte[] m : messages) {
                        client.sendBinary(m);
                        List<Event> got = EngineHarness.pump(client, server);
                        assertEquals(List.of(new Event.BinaryMessage(m)), got);
                        server.sendBinary(m);
                        assertEquals(List.of(new Event.BinaryMessage(m)), EngineHarness.pump(server, client));
                    }
                    client.close(1000, "done", 0);
                    Event.Closed atServer = assertInstanceOf(Event.Closed.class, EngineHarness.pump(client, server).get(0));
                    Event.Closed atClient = assertInstanceOf(Event.Closed.class, EngineHarness.pump(server, client).get(0));
                    assertEquals(1000, atServer.code());
                    assertEquals(1000, atClient.code());
                    assertTrue(atServer.clean() && atClient.clean());
                });
    }

    @Test
    void garbageIntoTheEngineEndsInEventsOrATypedClose() {
        // §7.1.7: any input either makes sense or fails the connection with a close code; no other
        // exception escapes, and the 1 KiB limits bound what the engine buffers
        Props.qt().forAll(ByteGens.bytes(0, 300), Splits.cutPoints(5), booleans().all(), booleans().all())
                .checkAssert((bytes, cuts, asServer, deflateOn) -> {
                    Role role = asServer ? Role.SERVER : Role.CLIENT;
                    Connection c = Connection.open(role, deflate(deflateOn, false),
                            EngineHarness.settings().withMaxSize(1024), 0);
                    List<Event> events = new ArrayList<>();
                    for (byte[] chunk : Splits.apply(bytes, cuts)) {
                        events.addAll(c.receive(ByteBuffer.wrap(chunk), 0));
                    }
                    for (Event e : events) {
                        if (e instanceof Event.BinaryMessage b) {
                            assertTrue(b.data().length <= 1024);
                        }
                        if (e instanceof Event.Closed closed && closed.error().isPresent()) {
                            assertEquals(closed.error().get().closeCode().code(), closed.code());
                        }
                    }
                    EngineHarness.drain(c);
                });
    }

    @Test
    void garbageInsideValidFramesIsHandledToo() {
        // random frames (valid headers, random opcodes, RSV bits and payloads) exercise the
        // message-level rules: continuation order, UTF-8, close bodies, RSV1 placement
        Props.qt().forAll(lists().of(integers().between(0, 0xFFFF)).ofSizeBetween(1, 8), ByteGens.bytes(0, 40))
                .checkAssert((headers, payload) -> {
                    Connection c = Connection.open(Role.SERVER, deflate(true, false), EngineHarness.settings().withMaxSize(512), 0);
                    FrameEncoder enc = new FrameEncoder(Role.CLIENT, () -> 0x1234abcd);
                    List<Event> events = new ArrayList<>();
                    for (int h : headers) {
                        Opcode op = Opcode.values()[(h & 0xF) % Opcode.values().length];
                        boolean fin = op.isControl() || (h & 0x10) != 0;
                        int rsv = (h >>> 5) & 1;
                        byte[] p = java.util.Arrays.copyOf(payload, Math.min(payload.length, (h >>> 8) % 41));
                        events.addAll(c.receive(ByteBuffer.wrap(enc.encode(new Frame(fin, rsv << 2, op, false, 0, p))), 0));
                    }
                    // at most one Closed, last, exactly when the engine is CLOSED; a failure carries its rule's code
                    long closes = events.stream().filter(e -> e instanceof Event.Closed).count();
                    assertTrue(closes <= 1, events::toString);
                    assertEquals(closes == 1, c.state() == ConnectionState.CLOSED, events::toString);
                    if (closes == 1) {
                        Event.Closed closed = (Event.Closed) events.get(events.size() - 1);
                        closed.error().ifPresent(err -> assertEquals(err.closeCode().code(), closed.code()));
                    }
                    EngineHarness.drain(c);
                });
    }
}
