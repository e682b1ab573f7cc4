package org.wslab.lab.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wslab.handshake.OriginPattern;
import org.wslab.lab.common.DurationText;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.lab.server.watch.ServeWatch;
import org.wslab.lab.server.watch.WatchLines;
import org.wslab.stomp.broker.MailboxLimits;

/**
 * The status lines {@code wslab serve} prints once it listens (on stderr, DESIGN.md's stream rule):
 * where it listens, each endpoint's {@code ws://} / {@code wss://} URL (RFC 6455 §3), TLS, the Origin
 * allow-list (§4.2.2 (4)), what {@code --log} / {@code --trace} show, STOMP flow control and the limits.
 */
final class ServeBanner {
    private ServeBanner() {
    }

    static void print(PrintWriter out, LabServer server, LabServerConfig config,
                                    Optional<ServeTlsOptions.Prepared> secure) {
        out.println("wslab serve: " + server.engine().cliName() + " engine listening on " + server.baseUri()
                + server.secureBaseUri().map(https -> " and " + https).orElse(""));
        List<Map.Entry<LabEndpoint, URI>> urls = server.webSocketUris();
        int width = urls.stream().mapToInt(u -> u.getValue().toString().length()).max().orElse(0);
        for (Map.Entry<LabEndpoint, URI> u : urls) {
            String url = u.getValue().toString();
            out.println("  " + url + " ".repeat(width - url.length() + 2) + u.getKey().description());
        }
        if (server.engine() == Engine.JETTY) {
            String http = server.baseUri().toString();
            String ws = "ws" + http.substring(4);
            out.println("  " + http + "api/notes and " + ws + "websocket/notes: a notes board over REST"
                    + " (POST {\"text\":\"…\"}, GET ?since=N) and over WebSocket");
            out.println("  " + http + "updates/poll, /updates/long-poll, /updates/events (server-sent events) and " + ws
                    + "websocket/updates: one update feed four ways; POST a line to " + http + "updates/publish to add one");
        }
        secure.ifPresent(t -> TlsBanner.print(out, server, t));
        ServeWatch watch = config.watch();
        if (watch.active()) {
            out.println("watch: on stdout, each line prefixed #id of its connection: "
                    + (watch.logs() ? "handshake decisions and closed connections" : "")
                    + (watch.logs() && watch.traces() ? "; " : "")
                    + (watch.traces() ? "every frame both ways (RFC 6455 §5.2"
                        + (server.engine() == Engine.JETTY ? ", as Jetty's extension stack sees them next to the wire" : "")
                        + "), payloads cut after " + WatchLines.TRACE_PAYLOAD_BYTES + " bytes" : "")
                    + "; lines the output cannot take in time are dropped and counted");
        }
        if (!config.origins().isEmpty()) {
            out.println("origin: only " + config.origins().stream().map(OriginPattern::text)
                    .collect(java.util.stream.Collectors.joining(", "))
                    + " (requests without Origin allowed; others get 403 ORIGIN_ALLOWED)");
        }
        MailboxLimits mailbox = config.stomp().mailbox();
        out.println("stomp: " + config.stompBackend().describe() + "; a subscriber over "
                + SizeConverter.format(mailbox.softLimitBytes()) + " pauses its publishers, over it for "
                + DurationText.format(java.time.Duration.ofNanos(mailbox.slowConsumerNanos())) + " is cut off (SLOW_CONSUMER)");
        int max = config.maxConnections();
        String connections = server.engine() == Engine.WSLAB ? ", at most " + max + (max == 1 ? " connection" : " connections") : "";
        out.println("limits: " + SizeConverter.format(config.maxMessageSize()) + " per frame and per message"
                + connections + ", idle timeout " + DurationText.format(config.idleTimeout()) + "; Ctrl-C or SIGTERM stops");
        out.flush();
    }
}
