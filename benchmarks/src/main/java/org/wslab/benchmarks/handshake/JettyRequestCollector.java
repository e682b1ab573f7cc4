package org.wslab.benchmarks.handshake;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;

/**
 * The minimal handler Jetty's {@link HttpParser} needs to read a request head (RFC 9112 §3, §5):
 * it keeps the method, target and fields, as Jetty's server connection does before handing the
 * request on. One instance per parser; {@link #clear()} before each request.
 */
final class JettyRequestCollector implements HttpParser.RequestHandler {
    String method;
    String target;
    final List<HttpField> fields = new ArrayList<>(32);
    boolean complete;
    HttpException failure;

    void clear() {
        method = null;
        target = null;
        fields.clear();
        complete = false;
        failure = null;
    }

    @Override
    public void startRequest(String method, String uri, HttpVersion version) {
        this.method = method;
        this.target = uri;
    }

    @Override
    public void parsedHeader(HttpField field) {
        fields.add(field);
    }

    @Override
    public boolean headerComplete() {
        complete = true;
        return false;
    }

    @Override
    public boolean content(ByteBuffer content) {
        return false;
    }

    @Override
    public boolean contentComplete() {
        return false;
    }

    @Override
    public boolean messageComplete() {
        return true;
    }

    @Override
    public void earlyEOF() {
        failure = new HttpException.RuntimeException(400, "early EOF");
    }

    @Override
    public void badMessage(HttpException failure) {
        this.failure = failure;
    }
}
