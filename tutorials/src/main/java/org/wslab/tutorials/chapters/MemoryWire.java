package org.wslab.tutorials.chapters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Role;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.FrameListener;
import org.wslab.framing.trace.FrameTrace;
import org.wslab.handshake.deflate.DeflateParameters;

/**
 * Two of our sans-I/O connections, a client and a server, joined by a wire in memory: what one
 * writes, the other reads, byte for byte (RFC 6455 §5–§7 with nothing in between). Every frame
 * that crosses is kept as a {@link FrameTrace} dump with its direction, so a chapter can show the
 * real bytes our engine produced and the events each side saw.
 */
final class MemoryWire {
    private final Connection client;
    private final Connection server;
    private final StringBuilder trace = new StringBuilder();
    private final List<String> events = new ArrayList<>();
    private final List<Frame> sent = new ArrayList<>();

    /** A wire whose two ends are open already, with permessage-deflate negotiated or not (RFC 7692). */
    MemoryWire(Optional<DeflateParameters> deflate) {
        long now = System.nanoTime();
        client = Connection.open(Role.CLIENT, deflate, EngineSettings.defaults().withListener(listener("client")), now);
        server = Connection.open(Role.SERVER, deflate, EngineSettings.defaults().withListener(listener("server")), now);
    }

    Connection client() {
        return client;
    }

    Connection server() {
        return server;
    }

    /** Moves bytes both ways until neither side has more to write; records each side's events. */
    MemoryWire pump() {
        boolean moved = true;
        while (moved) {
            moved = carry(client, server, "server") | carry(server, client, "client");
        }
        return this;
    }

    /** The frames that crossed, as annotated dumps in wire order, each headed by its direction. */
    String trace() {
        return trace.toString();
    }

    /** The events each side reported, one line each ({@code server: TextMessage "Hello"}). */
    List<String> events() {
        return List.copyOf(events);
    }

    /** The frames sent by either side, in the order they were written. */
    List<Frame> sent() {
        return List.copyOf(sent);
    }

    /** Forgets the trace, events and frames so far. */
    MemoryWire clear() {
        trace.setLength(0);
        events.clear();
        sent.clear();
        return this;
    }

    /** Hands {@code bytes} to the server as if the client had written them (to show a broken client). */
    MemoryWire injectToServer(byte[] bytes) {
        for (Event e : server.receive(ByteBuffer.wrap(bytes), System.nanoTime())) {
            events.add("server: " + describe(e));
        }
        return this;
    }

    private boolean carry(Connection from, Connection to, String toName) {
        if (!from.hasOutput()) {
            return false;
        }
        for (ByteBuffer b : from.takeOutput()) {
            for (Event e : to.receive(b, System.nanoTime())) {
                events.add(toName + ": " + describe(e));
            }
        }
        return true;
    }

    private FrameListener listener(String side) {
        return (direction, frame) -> {
            if (direction == FrameListener.Direction.SENT) {
                sent.add(frame);
                trace.append(side.equals("client") ? "client → server" : "server → client")
                        .append(" (").append(FrameEncoder.headerLength(frame.length(), frame.masked()) + frame.length())
                        .append(" bytes on the wire)\n")
                        .append(FrameTrace.render(frame)).append('\n');
            }
        };
    }

    static String describe(Event e) {
        if (e instanceof Event.TextMessage t) {
            return "text message \"" + t.text() + "\" (" + t.utf8().length + " bytes)";
        } else if (e instanceof Event.BinaryMessage b) {
            return "binary message (" + b.data().length + " bytes)";
        } else if (e instanceof Event.PingReceived p) {
            return "ping \"" + utf8(p.data()) + "\" (its pong is queued at once)";
        } else if (e instanceof Event.PongReceived p) {
            return "pong \"" + utf8(p.data()) + "\"";
        } else if (e instanceof Event.Closed c) {
            return "closed " + c.describe() + (c.clean() ? ", cleanly" : ", not cleanly")
                    + c.error().filter(err -> !err.detail().isBlank()).map(err -> " (" + err.detail() + ")").orElse("");
        }
        return e.toString();
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
