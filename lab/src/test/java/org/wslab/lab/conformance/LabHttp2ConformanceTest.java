package org.wslab.lab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.cases.Http2Cases;
import org.wslab.conformance.peer.H2Connect;
import org.wslab.conformance.peer.H2Session;
import org.wslab.conformance.peer.H2Stream;
import org.wslab.conformance.peer.RawPeer;
import org.wslab.handshake.OriginPattern;
import org.wslab.handshake.http.HeaderField;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;

/**
 * WebSocket over HTTP/2 (RFC 8441) on {@code wslab serve}: the Jetty engine speaks h2c beside HTTP/1.1 on
 * its port and passes every {@code h2} case — {@code h2.8441.5.5} too, which plain Jetty does not (it
 * answers version 8 with 404; {@code JettyHandshakeGuard} refuses it with 400 and
 * {@code Sec-WebSocket-Version: 13}, RFC 6455 §4.4). Our engine speaks HTTP/1.1 only: UNIMPLEMENTED, each
 * saying why.
 */
class LabHttp2ConformanceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static Map<String, Verdict> play(URI target, Verdict everyOneWanted) {
        Map<String, Verdict> got = new TreeMap<>();
        Map<String, Verdict> want = new TreeMap<>();
        for (ConformanceCase c : Http2Cases.cases()) {
            CaseResult r = c.play(target, TIMEOUT);
            got.put(c.id().toString(), r.verdict());
            want.put(c.id().toString(), everyOneWanted);
            if (r.verdict() != everyOneWanted) {
                System.out.println(c.id() + " " + r.verdict() + ": " + r.observed() + "\n" + r.wire().render());
            }
        }
        assertEquals(want, got);
        return got;
    }

    private static LabServer start(Engine engine) throws Exception {
        return LabServers.start(engine, LabServerConfig.defaults().withAddress("127.0.0.1", 0), EndpointRegistry.defaults());
    }

    @Test
    void jettyEnginePassesEveryCase() throws Exception {
        try (LabServer jetty = start(Engine.JETTY)) {
            play(jetty.webSocketUri(LabEndpoint.echo()), Verdict.OK);
        }
    }

    /**
     * RFC 6455 §4.2.2 (4) through RFC 8441 §5: over HTTP/2 too the Origin allow-list answers an Origin it
     * does not list with 403 and a listed one with 200, and version 7 with 400 naming version 13 (§4.4).
     */
    @Test
    void jettyEngineJudgesTheOriginAndVersionOfAnExtendedConnect() throws Exception {
        LabServerConfig config = LabServerConfig.defaults().withAddress("127.0.0.1", 0)
                .withOrigins(List.of(OriginPattern.parse("https://app.example.com")));
        try (LabServer jetty = LabServers.start(Engine.JETTY, config, EndpointRegistry.defaults());
             H2Session h2 = H2Session.open(RawPeer.target(jetty.webSocketUri(LabEndpoint.echo())), TIMEOUT, Optional.empty())) {
            String path = h2.uri().resourceName();
            assertEquals(403, status(h2, H2Connect.websocket(path, H2Connect.VERSION_13,
                    new HeaderField("origin", "https://evil.example"))));
            assertEquals(200, status(h2, H2Connect.websocket(path, H2Connect.VERSION_13,
                    new HeaderField("origin", "https://app.example.com"))));
            H2Stream refused = h2.connect(H2Connect.websocket(path, new HeaderField("sec-websocket-version", "7")), TIMEOUT);
            assertEquals(400, refused.response().orElseThrow().status());
            assertEquals(List.of("13"), refused.response().get().headers().all("sec-websocket-version"));
        }
    }

    private static int status(H2Session h2, H2Connect request) throws Exception {
        return h2.connect(request, TIMEOUT).response().orElseThrow().status();
    }

    @Test
    void ourEngineHasNoHttp2() throws Exception {
        try (LabServer wslab = start(Engine.WSLAB)) {
            URI echo = wslab.webSocketUri(LabEndpoint.echo());
            play(echo, Verdict.UNIMPLEMENTED);
            CaseResult r = Http2Cases.cases().get(0).play(echo, TIMEOUT);
            assertTrue(r.observed().contains("speaks no HTTP/2"), r.observed());
        }
    }
}
