package org.wslab.framing.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.Role;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/**
 * {@link Connection#receiveNext}: events message by message, so an application can answer a
 * message before a Close that came in the same read is answered (RFC 6455 §5.5.1: an endpoint
 * may finish sending before its Close), and nothing it received whole goes unanswered.
 */
class ReceiveNextTest {
    private static Connection client() {
        return Connection.open(Role.CLIENT, java.util.Optional.empty(), EngineHarness.settings(), 0);
    }

    @Test
    void aMessageAndACloseInOneReadAreAnsweredInOrder() {
        Connection client = client();
        Connection server = EngineHarness.server();
        client.sendText("echo me");
        client.close(1000, "", 0);
        ByteBuffer read = ByteBuffer.wrap(EngineHarness.drain(client));

        List<Event> first = server.receiveNext(read, 0);
        assertEquals(List.of(new Event.TextMessage("echo me".getBytes(java.nio.charset.StandardCharsets.UTF_8))), first);
        assertTrue(read.hasRemaining(), "the Close is left for the next call");
        assertTrue(server.sendText("echo me"), "the application may still answer");
        List<Event> second = server.receiveNext(read, 0);
        assertTrue(second.get(0) instanceof Event.Closed c && c.code() == 1000 && c.clean(), second::toString);
        assertFalse(read.hasRemaining());
        List<Frame> sent = EngineHarness.framesSentBy(Role.SERVER, EngineHarness.drain(server));
        assertEquals(List.of(Opcode.TEXT, Opcode.CLOSE), sent.stream().map(Frame::opcode).toList(), "echo, then the Close");
    }

    @Test
    void receiveAnswersTheCloseBeforeTheApplicationCan() {
        // the contrast: fed whole, the Close is answered within receive and a later send is refused
        Connection client = client();
        Connection server = EngineHarness.server();
        client.sendText("echo me");
        client.close(1000, "", 0);
        server.receive(ByteBuffer.wrap(EngineHarness.drain(client)), 0);
        assertFalse(server.sendText("echo me"));
    }

    @Test
    void messageByMessageGivesTheSameEventsAsAllAtOnce() {
        // the same stream fed through receiveNext in a loop, split anywhere, yields exactly the
        // events receive yields for it whole: stepping changes when the application hears, not what
        Props.qt(200).forAll(lists().of(ByteGens.bytes(0, 40)).ofSizeBetween(0, 6), integers().between(0, 7),
                Splits.cutPoints(6)).checkAssert((messages, mode, cuts) -> {
                    byte[] wire = stream(messages, mode);
                    List<Event> whole = EngineHarness.server().receive(ByteBuffer.wrap(wire), 0);
                    Connection stepped = EngineHarness.server();
                    List<Event> events = new ArrayList<>();
                    for (byte[] piece : Splits.apply(wire, cuts)) {
                        ByteBuffer in = ByteBuffer.wrap(piece);
                        do {
                            events.addAll(stepped.receiveNext(in, 0));
                        } while (in.hasRemaining() && stepped.state() != ConnectionState.CLOSED);
                    }
                    assertEquals(describe(whole), describe(events));
                });
    }

    /** Events as comparable text: kind and content (records holding arrays compare by identity). */
    private static List<String> describe(List<Event> events) {
        return events.stream().map(e -> {
            if (e instanceof Event.TextMessage t) {
                return "text " + java.util.HexFormat.of().formatHex(t.utf8());
            } else if (e instanceof Event.BinaryMessage b) {
                return "binary " + java.util.HexFormat.of().formatHex(b.data());
            } else if (e instanceof Event.PingReceived p) {
                return "ping " + java.util.HexFormat.of().formatHex(p.data());
            } else if (e instanceof Event.Closed c) {
                return "closed " + c.code() + " " + c.reason() + " " + c.clean();
            }
            return e.toString();
        }).toList();
    }

    /** Binary or text messages, a ping after each when {@code mode & 1}, a Close at the end when {@code mode & 2}. */
    private static byte[] stream(List<byte[]> messages, int mode) {
        Connection client = client();
        for (byte[] m : messages) {
            if ((mode & 4) != 0) {
                client.sendBinary(m);
            } else {
                client.sendText(new String(m, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            if ((mode & 1) != 0) {
                client.sendPing(new byte[] {1});
            }
        }
        if ((mode & 2) != 0) {
            client.close(1000, "bye", 0);
        }
        return EngineHarness.drain(client);
    }
}
