package org.wslab.framing.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.Role;
import org.wslab.framing.codec.Violation;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.testkit.Hex;

/** permessage-deflate inside the engine (RFC 7692 §6, §7.2.3, §8.1). */
class DeflateEngineTest {
    private static final Optional<DeflateParameters> ON = Optional.of(DeflateParameters.DEFAULTS);

    @Test
    void serverSendsTheSpecBytesAndRsv1OnlyOnTheFirstFrame() {
        Connection s = Connection.open(Role.SERVER, ON, EngineHarness.settings(), 0);
        s.sendText("Hello");
        assertEquals("c1 07 f2 48 cd c9 c9 07 00", Hex.of(EngineHarness.drain(s)));
        s.sendFragment(Opcode.TEXT, "Hel".getBytes(), false);
        s.sendPing(new byte[0]);
        s.sendFragment(Opcode.TEXT, "lo".getBytes(), true);
        List<Frame> frames = EngineHarness.framesSentBy(Role.SERVER, EngineHarness.drain(s));
        assertEquals(List.of(true, false, false), frames.stream().map(Frame::rsv1).toList(),
                "RSV1 on the first data frame, never on the ping or the continuation");
        assertEquals(Opcode.PING, frames.get(1).opcode());
    }

    @Test
    void clientReceivesTheSpecFrames() {
        Connection c = Connection.open(Role.CLIENT, ON, EngineHarness.settings(), 0);
        List<Event> events = c.receive(ByteBuffer.wrap(Hex.bytes("c1 07 f2 48 cd c9 c9 07 00  c1 05 f2 00 11 00 00"
                + "  41 03 f2 48 cd  80 04 c9 c9 07 00")), 0);
        assertEquals(List.of(Event.TextMessage.of("Hello"), Event.TextMessage.of("Hello"),
                Event.TextMessage.of("Hello")), events);
    }

    @Test
    void compressedControlFrameIs1002() {
        Connection c = Connection.open(Role.CLIENT, ON, EngineHarness.settings(), 0);
        Event.Closed closed = assertInstanceOf(Event.Closed.class,
                c.receive(ByteBuffer.wrap(Hex.bytes("c9 00")), 0).get(0));
        assertEquals(Violation.COMPRESSED_CONTROL, closed.error().orElseThrow().violation());
        assertEquals(1002, closed.code());
    }

    @Test
    void rsv1OnAContinuationIs1002() {
        // RFC 7692 §6.1: RSV1 marks the first frame of a compressed message only
        Connection c = Connection.open(Role.CLIENT, ON, EngineHarness.settings(), 0);
        Event.Closed closed = assertInstanceOf(Event.Closed.class,
                c.receive(ByteBuffer.wrap(Hex.bytes("41 03 f2 48 cd  c0 04 c9 c9 07 00")), 0).get(0));
        assertEquals(Violation.COMPRESSED_CONTINUATION, closed.error().orElseThrow().violation());
        assertEquals(1002, closed.code());
    }

    @Test
    void rsv1WithoutNegotiationIs1002() {
        Connection c = Connection.open(Role.CLIENT, Optional.empty(), EngineHarness.settings(), 0);
        Event.Closed closed = assertInstanceOf(Event.Closed.class,
                c.receive(ByteBuffer.wrap(Hex.bytes("c1 07 f2 48 cd c9 c9 07 00")), 0).get(0));
        assertEquals(Violation.RESERVED_BITS, closed.error().orElseThrow().violation());
    }

    @Test
    void aMessageThatInflatesOverTheLimitIs1009() {
        // §8.1: 1 MiB of zeros is ~1 KiB on the wire, under the frame limit, over the message limit
        Connection sender = Connection.open(Role.CLIENT, ON, EngineHarness.settings(), 0);
        sender.sendBinary(new byte[1 << 20]);
        byte[] wire = EngineHarness.drain(sender);
        assertTrue(wire.length < 8 * 1024, "compressed size " + wire.length);
        Connection receiver = Connection.open(Role.SERVER, ON, EngineHarness.settings().withMaxSize(64 * 1024), 0);
        List<Event> events = receiver.receive(ByteBuffer.wrap(wire), 0);
        Event.Closed closed = assertInstanceOf(Event.Closed.class, events.get(0));
        assertEquals(Violation.INFLATED_TOO_BIG, closed.error().orElseThrow().violation());
        assertEquals(1009, closed.code());
        assertFalse(closed.clean());
    }
}
