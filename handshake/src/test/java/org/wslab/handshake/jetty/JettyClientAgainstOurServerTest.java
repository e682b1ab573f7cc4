package org.wslab.handshake.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wslab.handshake.OriginPolicy;
import org.wslab.handshake.RequestRules;
import org.wslab.handshake.ServerDecision;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;
import org.wslab.handshake.SubprotocolPolicy;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.RuleCheck;

/**
 * Interop: Jetty 12's {@link WebSocketClient} connects to a raw socket; its request passes our
 * server-side validation, and our 101 opens its session (then it receives our first frame).
 * The futures' 10 s limits only stop a hang; nothing is asserted about time.
 */
class JettyClientAgainstOurServerTest {
    private WebSocketClient jetty;

    @BeforeEach
    void start() throws Exception {
        jetty = new WebSocketClient();
        jetty.start();
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
    }

    @Test
    void jettysRequestPassesEveryRuleAndOur101OpensItsSession() throws Exception {
        ServerHandshake ours = new ServerHandshake(ServerPolicy.defaults()
                .withSubprotocols(SubprotocolPolicy.SERVER_PREFERENCE, "v12.stomp", "v11.stomp", "v10.stomp"));
        try (RawSocketServer raw = new RawSocketServer(ours, "hi")) {
            URI uri = URI.create("ws://127.0.0.1:" + raw.port() + "/stomp?x=1");
            ClientUpgradeRequest upgrade = new ClientUpgradeRequest(uri);
            upgrade.setSubProtocols("v10.stomp", "v11.stomp", "v12.stomp");
            upgrade.addExtensions(ExtensionConfig.parse("permessage-deflate"));
            CollectingClientEndpoint endpoint = new CollectingClientEndpoint();
            Session session = jetty.connect(endpoint, upgrade).get(10, TimeUnit.SECONDS);

            RequestHead captured = raw.request.get(10, TimeUnit.SECONDS);
            assertEquals("/stomp?x=1", captured.target());
            for (RuleCheck c : RequestRules.check(captured, OriginPolicy.any())) {
                assertEquals(false, c.failed(), c::toString);
            }
            ServerDecision.Accept accept = assertInstanceOf(ServerDecision.Accept.class, raw.decision.get(10, TimeUnit.SECONDS));
            assertEquals("v12.stomp", accept.subprotocol().orElseThrow());
            assertEquals(DeflateParameters.DEFAULTS, accept.deflateParameters().orElseThrow());

            assertTrue(session.isOpen());
            assertEquals("v12.stomp", session.getUpgradeResponse().getAcceptedSubProtocol());
            assertEquals(List.of("permessage-deflate"),
                    session.getUpgradeResponse().getExtensions().stream().map(ExtensionConfig::getName).toList());
            assertEquals("hi", endpoint.messages.poll(10, TimeUnit.SECONDS), "the connection carries frames");
            session.disconnect();
        }
    }

    @Test
    void jettyClientFailsWhenOurServerRefuses() throws Exception {
        ServerHandshake ours = new ServerHandshake(ServerPolicy.defaults()
                .withOriginPolicy(OriginPolicy.only(java.util.Set.of("https://good.example"))));
        try (RawSocketServer raw = new RawSocketServer(ours, "never")) {
            URI uri = URI.create("ws://127.0.0.1:" + raw.port() + "/");
            ClientUpgradeRequest upgrade = new ClientUpgradeRequest(uri);
            upgrade.setHeader("Origin", "https://evil.example");
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> jetty.connect(new CollectingClientEndpoint(), upgrade).get(10, TimeUnit.SECONDS));
            ServerDecision.Refuse refuse = assertInstanceOf(ServerDecision.Refuse.class, raw.decision.get(10, TimeUnit.SECONDS));
            assertEquals(403, refuse.status());
            assertEquals(HandshakeRule.ORIGIN_ALLOWED, refuse.rule());
            assertTrue(String.valueOf(e.getCause()).contains("403"), String.valueOf(e.getCause()));
        }
    }
}
