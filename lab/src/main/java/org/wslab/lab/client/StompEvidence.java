package org.wslab.lab.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.handshake.ClientOptions;

/**
 * Evidence that an endpoint {@code echo} was pointed at speaks STOMP instead (STOMP 1.2 "STOMP
 * Frames"; the sub-protocol names {@code v10.stomp}, {@code v11.stomp}, {@code v12.stomp} of the
 * WebSocket registry, RFC 6455 §11.5): the server selected one of those names, or answered a
 * message with a STOMP {@code ERROR} frame, or — asked on a second connection that offers them
 * (§4.1 (10)) — selects one. Never the path alone: a path says nothing about what serves it.
 */
final class StompEvidence {
    private static final Pattern STOMP_SUBPROTOCOL = Pattern.compile("v1[0-2]\\.stomp");
    private static final List<String> OFFER = List.of("v10.stomp", "v11.stomp", "v12.stomp");

    private StompEvidence() {}

    /** The sentence that follows the evidence. */
    static String conclusion(String url) {
        return " — this looks like a STOMP endpoint (try wslab stomp " + url + " send DEST BODY)";
    }

    /** The server selected a STOMP sub-protocol in the opening handshake (§4.2.2 (5) 4.). */
    static Optional<String> selected(Optional<String> subprotocol) {
        return subprotocol.filter(p -> STOMP_SUBPROTOCOL.matcher(p).matches())
                .map(p -> "the server selected the STOMP sub-protocol " + p);
    }

    /** An answer that is a STOMP ERROR frame (a text starting with the command line {@code ERROR}). */
    static Optional<String> errorFrame(Event answer) {
        if (answer instanceof Event.TextMessage t) {
            String text = new String(t.utf8(), 0, Math.min(t.utf8().length, 8), StandardCharsets.UTF_8);
            if (text.startsWith("ERROR\n") || text.startsWith("ERROR\r\n")) {
                return Optional.of("the server answered with a STOMP ERROR frame");
            }
        }
        return Optional.empty();
    }

    /**
     * Opens a second connection to the plan's URL offering the STOMP sub-protocols, and closes it:
     * the one it selects, if any, said as evidence. Any failure of that probe is no evidence.
     */
    static Optional<String> probe(EchoRun.Plan plan, ScheduledExecutorService alarms) {
        ClientOptions offer = ClientOptions.defaults().withSubprotocols(OFFER.toArray(String[]::new));
        try (BlockingWebSocket ws = BlockingWebSocket.connect(plan.uri(), offer, EngineSettings.defaults(),
                TransportSettings.defaults(), BlockingWebSocket.DEFAULT_EVENT_CAPACITY, plan.tls())) {
            ScheduledFuture<?> limit = alarms.schedule((Runnable) ws::close, plan.timeout().toMillis(), TimeUnit.MILLISECONDS);
            Event.HandshakeCompleted open = ws.awaitOpen();
            limit.cancel(false);
            if (open == null) {
                return Optional.empty();
            }
            ws.close(1000, "");
            return selected(open.subprotocol())
                    .map(p -> "offered " + String.join(", ", OFFER) + " on a second connection, and " + p);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
