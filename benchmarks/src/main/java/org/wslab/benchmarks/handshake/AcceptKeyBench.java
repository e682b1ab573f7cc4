package org.wslab.benchmarks.handshake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.wslab.benchmarks.Agreement;
import org.wslab.benchmarks.Measures;
import org.wslab.handshake.AcceptKey;

/**
 * {@code Sec-WebSocket-Accept} from a key (RFC 6455 §4.2.2 item 5.4): ours against the bare JDK
 * recipe, one {@link MessageDigest} SHA-1 and {@link Base64}, which is the floor any
 * implementation stands on.
 */
@Measures(suite = "Handshake", title = "Sec-WebSocket-Accept from a key", spec = "RFC 6455 §4.2.2")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AcceptKeyBench {
    /** The RFC's own example key (§1.3). */
    private String key = "dGhlIHNhbXBsZSBub25jZQ==";

    /** All implementations give the RFC's accept value for its key. */
    @Setup
    public void agree() throws NoSuchAlgorithmException {
        String expected = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
        Agreement.same("wslab", expected, AcceptKey.of(key));
        Agreement.same("jdk", expected, jdk());
    }

    @Benchmark
    public String wslab() {
        return AcceptKey.of(key);
    }

    @Benchmark
    public String jdk() throws NoSuchAlgorithmException {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        byte[] digest = sha1.digest((key + AcceptKey.GUID).getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(digest);
    }
}
