package org.wslab.benchmarks.deflate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
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

/**
 * permessage-deflate (RFC 7692 §7.2): compress one whole message into a frame payload and
 * inflate it back, with context takeover (the default of every implementation here, §7.1.1).
 * Each operation takes the next message of a pool ({@link DeflateInputs#pool}) whose messages
 * together exceed the 32 KiB window, so no message is compressed against a copy of itself.
 *
 * <ul>
 *   <li>{@code wslab}: {@link WslabRoundTrip}, our {@code MessageCompressor}/{@code MessageDecompressor}.</li>
 *   <li>{@code jetty}: {@link JettyRoundTrip}, Jetty's deflater/inflater pools and tail check
 *       (its extension needs a live session; the class says exactly which code runs).</li>
 *   <li>{@code netty}: {@link NettyRoundTrip}, Netty's {@code PerMessageDeflateEncoder}/{@code Decoder}
 *       in {@code EmbeddedChannel}s, frames in and out.</li>
 *   <li>{@code jdk}: {@link JdkRoundTrip}, a bare {@code Deflater}/{@code Inflater} with
 *       {@code SYNC_FLUSH}: the floor.</li>
 * </ul>
 * The fact beside the time is each implementation's compressed size over the original size,
 * over one pass through the pool from fresh compressors.
 */
@Measures(suite = "permessage-deflate", title = "compress and inflate one message", spec = "RFC 7692 §7.2",
        bytesParam = "size", fact = "compression ratio")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DeflateRoundTripBench {
    @Param({"text", "json", "binary"})
    public String kind;

    @Param({"1024", "65536"})
    public int size;

    private byte[][] messages;
    private int next;
    private WslabRoundTrip wslab;
    private JettyRoundTrip jetty;
    private NettyRoundTrip netty;
    private JdkRoundTrip jdk;

    /** Every round trip gives back every message; our payload also inflates with the JDK's inflater. */
    @Setup
    public void agree() {
        messages = DeflateInputs.pool(kind, size);
        wslab = new WslabRoundTrip();
        jetty = new JettyRoundTrip(size);
        netty = new NettyRoundTrip().keeping(true);
        jdk = new JdkRoundTrip(size);
        requireJdkInflates(messages[0]);
        for (byte[] message : messages) {
            check("wslab", wslab, message);
            check("jetty", jetty, message);
            check("netty", netty, message);
            check("jdk", jdk, message);
        }
        netty.keeping(false);
    }

    @TearDown
    public void close() {
        wslab.close();
        jetty.close();
        netty.close();
        jdk.close();
    }

    private static void check(String who, RoundTrip impl, byte[] message) {
        Agreement.same(who + " inflated length", message.length, impl.roundTrip(message));
        Agreement.sameBytes(who, message, impl.inflated());
    }

    /** RFC 7692 §7.2.2 from the other side: a fresh JDK inflater reads our first payload plus the tail. */
    private static void requireJdkInflates(byte[] message) {
        try (WslabRoundTrip fresh = new WslabRoundTrip()) {
            fresh.roundTrip(message);
            byte[] payload = fresh.payload();
            byte[] withTail = Arrays.copyOf(payload, payload.length + 4);
            System.arraycopy(JdkRoundTrip.TAIL, 0, withTail, payload.length, 4);
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(withTail);
                byte[] out = new byte[message.length + 16];
                int n = inflater.inflate(out);
                Agreement.sameBytes("the JDK's Inflater on our payload", message, Arrays.copyOf(out, n));
            } catch (DataFormatException e) {
                Agreement.require(false, "the JDK's Inflater refuses our payload: " + e.getMessage());
            } finally {
                inflater.end();
            }
        }
    }

    private byte[] nextMessage() {
        byte[] m = messages[next];
        next = (next + 1) & (messages.length - 1);
        return m;
    }

    @Benchmark
    public int wslab() {
        return wslab.roundTrip(nextMessage());
    }

    @Benchmark
    public int jetty() {
        return jetty.roundTrip(nextMessage());
    }

    @Benchmark
    public int netty() {
        return netty.roundTrip(nextMessage());
    }

    @Benchmark
    public int jdk() {
        return jdk.roundTrip(nextMessage());
    }

    /** Compressed over original octets per implementation, one pass through the pool from fresh state. */
    public static Map<String, Double> facts(Map<String, String> params) {
        String kind = params.get("kind");
        int size = Integer.parseInt(params.get("size"));
        byte[][] pool = DeflateInputs.pool(kind, size);
        Map<String, Double> facts = new LinkedHashMap<>();
        facts.put("wslab", ratio(WslabRoundTrip::new, pool));
        facts.put("jetty", ratio(() -> new JettyRoundTrip(size), pool));
        facts.put("netty", ratio(NettyRoundTrip::new, pool));
        facts.put("jdk", ratio(() -> new JdkRoundTrip(size), pool));
        return facts;
    }

    private static double ratio(Supplier<RoundTrip> impl, byte[][] pool) {
        long in = 0;
        long out = 0;
        try (RoundTrip r = impl.get()) {
            for (byte[] message : pool) {
                r.roundTrip(message);
                in += message.length;
                out += r.compressedSize();
            }
        }
        return (double) out / in;
    }
}
