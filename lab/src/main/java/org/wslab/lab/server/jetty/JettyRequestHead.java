package org.wslab.lab.server.jetty;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.wslab.handshake.http.HeaderField;
import org.wslab.handshake.http.Headers;
import org.wslab.handshake.http.HttpParseFailure;
import org.wslab.handshake.http.HttpRule;
import org.wslab.handshake.http.HttpVersion;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.RequestHead;

/**
 * The request head (RFC 9112 §3, §5) of a request Jetty has already parsed, rebuilt as the handshake
 * module's {@link RequestHead} so that our rules of RFC 6455 §4.2.1 can judge it: the method, the
 * target as origin-form path and query (Jetty keeps no trace of an absolute-form target, so none is
 * rebuilt), the HTTP version of the connection, and every field line in the order received,
 * duplicates included. A part our head cannot hold (a field value with characters outside
 * RFC 9110 §5.5 that Jetty let through) is a {@link ParseResult.Failed} naming the rule it breaks,
 * at the offset it would have in the head as rebuilt — the same answer our own parser gives.
 */
final class JettyRequestHead {
    private JettyRequestHead() {
    }

    /** Rebuilds {@code request}'s head: {@link ParseResult.Parsed} (nothing consumed) or {@link ParseResult.Failed}. */
    static ParseResult<RequestHead> of(Request request) {
        String method = request.getMethod();
        String target = request.getHttpURI().getPathQuery();
        target = target == null ? "/" : target;
        org.eclipse.jetty.http.HttpVersion jetty = request.getConnectionMetaData().getHttpVersion();
        HttpVersion version = new HttpVersion(jetty.getVersion() / 10, jetty.getVersion() % 10);
        long offset = method.length() + 1 + target.length() + " HTTP/1.1\r\n".length();
        List<HeaderField> fields = new ArrayList<>();
        for (HttpField f : request.getHeaders()) {
            String value = f.getValue() == null ? "" : f.getValue();
            try {
                fields.add(new HeaderField(f.getName(), value));
            } catch (IllegalArgumentException e) {
                return new ParseResult.Failed<>(new HttpParseFailure(HttpRule.FIELD_VALUE_CHARACTERS, offset, e.getMessage()));
            }
            offset += f.getName().length() + 2 + value.length() + 2;
        }
        try {
            return new ParseResult.Parsed<>(new RequestHead(method, target, version, new Headers(fields)), 0);
        } catch (IllegalArgumentException e) {
            return new ParseResult.Failed<>(new HttpParseFailure(HttpRule.REQUEST_TARGET_FORM, method.length() + 1,
                    e.getMessage()));
        }
    }
}
