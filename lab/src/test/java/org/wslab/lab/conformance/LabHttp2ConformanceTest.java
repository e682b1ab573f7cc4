package org.wslab.lab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.cases.Http2Cases;
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
