package org.wslab.lab.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Jetty engine of the lab server against Jetty's own client, on port 0. */
class JettyLabServerTest {
    @RegisterExtension
    final TestServer servers = new TestServer();

    private LabServer start(long maxMessageSize) throws Exception {
        return servers.start(Engine.JETTY, c -> c.withMaxMessageSize(maxMessageSize));
    }

    private URI echoUri() {
        return servers.echoUri();
    }

    @Test
    void echoesTextAndBinaryAboveJettysDefault64KiBLimit() throws Exception {
        start(LabServerConfig.DEFAULT_MAX_MESSAGE_SIZE);
        byte[] big = new byte[200 * 1024]; // > Jetty's 64 KiB default for frames and messages
        new Random(7).nextBytes(big);
        String bigText = "é".repeat(100 * 1024); // 200 KiB of UTF-8
        try (EchoClient client = new EchoClient(echoUri(), 1 << 20)) {
            client.sendText("Hello");
            assertEquals("Hello", client.next());
            client.sendBinary(big);
            assertArrayEquals(big, (byte[]) client.next());
            client.sendText(bigText);
            assertEquals(bigText, client.next());
        }
    }

    @Test
    void messageOverTheConfiguredLimitClosesWith1009AndTheServerGoesOnServing() throws Exception {
        start(1024);
        try (EchoClient client = new EchoClient(echoUri(), 1 << 20)) {
            client.sendBinary(new byte[1024]); // at the limit: echoed
            assertEquals(1024, ((byte[]) client.next()).length);
            client.sendBinary(new byte[1025]); // one byte over: RFC 6455 §7.4.1 1009 "message too big"
            assertEquals(1009, client.closeCode());
        }
        try (EchoClient other = new EchoClient(echoUri(), 1 << 20)) {
            other.sendText("still here");
            assertEquals("still here", other.next());
        }
    }

    @Test
    void negotiatesPermessageDeflateWhenOffered() throws Exception {
        start(LabServerConfig.DEFAULT_MAX_MESSAGE_SIZE);
        try (EchoClient client = new EchoClient(echoUri(), 1 << 20, "permessage-deflate")) {
            List<ExtensionConfig> accepted = client.session().getUpgradeResponse().getExtensions();
            assertTrue(accepted.stream().anyMatch(e -> e.getName().equals("permessage-deflate")),
                    "accepted: " + accepted);
            String text = "compress me ".repeat(1000);
            client.sendText(text);
            assertEquals(text, client.next());
        }
    }

    @Test
    void servesAnIndexPageListingTheEndpoints() throws Exception {
        start(LabServerConfig.DEFAULT_MAX_MESSAGE_SIZE);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(servers.get().baseUri()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains(echoUri().toString()), index.body());
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(servers.get().baseUri().resolve("/nothing")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
    }

    @Test
    void portZeroBindsAFreePortAndCloseIsIdempotent() throws Exception {
        start(LabServerConfig.DEFAULT_MAX_MESSAGE_SIZE);
        assertTrue(servers.get().port() > 0);
        servers.get().close();
        servers.get().close();
        servers.get().awaitStopped(); // returns at once once stopped
    }

    @Test
    void registryRefusesTwoEndpointsOnOnePath() {
        EndpointRegistry registry = EndpointRegistry.defaults();
        assertThrows(IllegalArgumentException.class, () -> registry.add(LabEndpoint.echo()));
        assertThrows(IllegalArgumentException.class,
                () -> new LabEndpoint("no-slash", EndpointKind.ECHO, List.of(), "x"));
    }
}
