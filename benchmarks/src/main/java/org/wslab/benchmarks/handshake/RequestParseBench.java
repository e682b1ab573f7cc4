package org.wslab.benchmarks.handshake;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.wslab.benchmarks.Agreement;
import org.wslab.benchmarks.Measures;
import org.wslab.handshake.http.HeaderField;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.RequestHeadParser;

/**
 * Parsing the head of an opening-handshake request (RFC 6455 §4.1 over RFC 9112 §3, §5) into
 * method, target and field lines, the whole head in one buffer.
 *
 * <ul>
 *   <li>{@code wslab}: a new {@link RequestHeadParser} (one parser reads one head) fed the
 *       bytes; includes our checks of Host, body fields and field syntax.</li>
 *   <li>{@code jetty}: Jetty 12's {@link HttpParser}, the parser its server connections use,
 *       reused with {@code reset()} as a connection does, with a handler collecting the fields
 *       ({@link JettyRequestCollector}).</li>
 *   <li>{@code netty}: Netty 4.2's {@link HttpRequestDecoder} in an {@link EmbeddedChannel},
 *       reused (it returns to the start line after a bodiless request); the request and its
 *       empty last content are read and released.</li>
 * </ul>
 * Requests ({@link HandshakeRequests}): the source notes' recorded request and a browser-like one.
 */
@Measures(suite = "Handshake", title = "parse an opening-handshake request", spec = "RFC 6455 §4.1, RFC 9112")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestParseBench {
    @Param({"notes", "browser"})
    public String request;

    /** The request bytes; package-private so the test can corrupt them. */
    byte[] bytes;
    private ByteBuffer buffer;
    private final JettyRequestCollector collected = new JettyRequestCollector();
    private final HttpParser jettyParser = new HttpParser(collected);
    private EmbeddedChannel nettyChannel;

    /** All three read the same method, target and field values (names compared case-insensitively). */
    @Setup
    public void agree() {
        bytes = HandshakeRequests.of(request);
        buffer = ByteBuffer.wrap(bytes);
        nettyChannel = new EmbeddedChannel(new HttpRequestDecoder());
        List<String> ours = view(wslab());
        Agreement.require(jetty(), "Jetty's parser did not complete the head: " + collected.failure);
        List<String> jetty = new ArrayList<>();
        jetty.add(collected.method + " " + collected.target);
        for (HttpField f : collected.fields) {
            jetty.add(f.getName().toLowerCase(Locale.ROOT) + ": " + f.getValue());
        }
        Agreement.same("jetty", ours, jetty);
        Agreement.same("netty", ours, view(nettyRequest()));
    }

    @TearDown
    public void close() {
        nettyChannel.finishAndReleaseAll();
    }

    /** "METHOD target", then "name: value" per field, names in lower case. */
    static List<String> view(RequestHead head) {
        List<String> out = new ArrayList<>();
        out.add(head.method() + " " + head.target());
        for (HeaderField f : head.headers().fields()) {
            out.add(f.name().toLowerCase(Locale.ROOT) + ": " + f.value());
        }
        return out;
    }

    static List<String> view(HttpRequest r) {
        List<String> out = new ArrayList<>();
        out.add(r.method().name() + " " + r.uri());
        for (Map.Entry<String, String> f : r.headers()) {
            out.add(f.getKey().toLowerCase(Locale.ROOT) + ": " + f.getValue());
        }
        return out;
    }

    @Benchmark
    public RequestHead wslab() {
        ParseResult<RequestHead> r = RequestHeadParser.parse(bytes);
        if (r instanceof ParseResult.Parsed<RequestHead> p) {
            return p.head();
        }
        throw new IllegalStateException("our parser refused the request: " + r);
    }

    @Benchmark
    public boolean jetty() {
        collected.clear();
        jettyParser.reset();
        buffer.clear();
        jettyParser.parseNext(buffer);
        return collected.complete;
    }

    @Benchmark
    public HttpRequest netty() {
        return nettyRequest();
    }

    private HttpRequest nettyRequest() {
        nettyChannel.writeInbound(Unpooled.wrappedBuffer(bytes));
        HttpRequest r = nettyChannel.readInbound();
        Object last;
        while ((last = nettyChannel.readInbound()) != null) {
            if (!(last instanceof HttpContent)) {
                throw new IllegalStateException("Netty read more than one request: " + last);
            }
            ReferenceCountUtil.release(last);
        }
        if (r.decoderResult().isFailure()) {
            throw new IllegalStateException("Netty refused the request", r.decoderResult().cause());
        }
        return r;
    }
}
