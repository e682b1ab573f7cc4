package org.wslab.lab.server.jetty.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;

/**
 * A refusal that leaves the request's body unread ends the connection (RFC 9112 §9.6), and says so
 * with {@code Connection: close}, so the client does not send its next request on a connection the
 * server is about to close.
 */
public final class UnreadBody {
    private UnreadBody() {}

    /** Marks {@code response} as the connection's last. */
    public static void closesConnection(Response response) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
}
