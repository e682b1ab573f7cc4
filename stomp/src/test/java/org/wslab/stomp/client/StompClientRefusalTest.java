package org.wslab.stomp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.session.ClientConnectOptions;
import org.wslab.stomp.session.HeartBeat;

/** The facade turns the session's refusals into failed futures, also inside a message handler. */
class StompClientRefusalTest {
    private final List<byte[]> written = new ArrayList<>();
    private final StompClient client = new StompClient(new StompClientOutput() {
        @Override
        public void write(byte[] octets) {
            written.add(octets);
        }

        @Override
        public void close() {
        }
    }, StompLimits.DEFAULT, () -> 0L);

    private void feed(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        client.receive(b, 0, b.length, 0);
    }

    @Test
    void anAckFromAHandlerThatTheVersionCannotEncodeFailsItsFutureNamingTheRule() throws Exception {
        // Rule (STOMP 1.0 "ACK" + "Value Encoding"): the ACK of a message-id ending in CR cannot be written under
        // 1.0; the handler learns it from the future, nothing is swallowed and nothing half-written goes out.
        CompletableFuture<StompFrame> connected = client.connect(ClientConnectOptions.DEFAULT
                .withVersions(EnumSet.of(StompVersion.V1_0)).withHeartBeat(HeartBeat.NONE), 0);
        feed("CONNECTED\nversion:1.0\n\n\0");
        assertEquals("1.0", connected.get().header("version"));
        List<CompletableFuture<StompFrame>> acks = new ArrayList<>();
        client.subscribe("s", "/queue/a", AckMode.CLIENT, m -> acks.add(client.ack(m, null, true)), false);
        int before = written.size();
        feed("MESSAGE\nsubscription:s\ndestination:/queue/a\nmessage-id:m1\r\n\nhi\0");
        assertEquals(1, acks.size());
        ExecutionException e = assertThrows(ExecutionException.class, () -> acks.get(0).get());
        StompErrorException refusal = assertInstanceOf(StompErrorException.class, e.getCause());
        assertEquals(StompRule.UNENCODABLE_HEADER, refusal.violation().rule());
        assertEquals(before, written.size(), "no ACK was written");
        assertTrue(!client.closed().isDone(), "a refusal does not end the connection");
        assertEquals(StompRule.UNENCODABLE_HEADER, StompErrorException.refusal(acks.get(0)).orElseThrow().rule());

        // once the connection is over, a call fails as NOT_CONNECTED: that is the close's news, not a refusal
        client.transportClosed();
        assertTrue(StompErrorException.refusal(client.send("/queue/a", "late", null, false)).isEmpty());
        assertTrue(client.closed().isCompletedExceptionally());
    }
}
