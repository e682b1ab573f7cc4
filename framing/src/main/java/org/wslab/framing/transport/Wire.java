package org.wslab.framing.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.framing.tls.TlsFailure;

/**
 * What carries one connection's octets between its {@link ChannelSocket} and its engine: plain TCP
 * ({@code ws://}) or TLS records ({@code wss://}, RFC 6455 §4.1 (5), §10.6). The engine above sees
 * the same plaintext either way — the opening handshake's bytes and the frames (RFC 6455 §4, §5) —
 * and the transport's limits hold for both: what a wire keeps for itself is at most one record.
 */
sealed interface Wire permits PlainWire, TlsWire {
    /** Where the plaintext read goes: the engine, one buffer at a time (valid during the call only). */
    interface Sink {
        void plaintext(ByteBuffer bytes);
    }

    /** Reads once from the socket and passes the plaintext on; -1 at the end of the stream. */
    int read(Sink sink) throws IOException;

    /** Writes what it can of {@code plaintext} (and of its own records); never blocks. */
    void flush(OutboundQueue plaintext) throws IOException;

    /** Whether bytes wait for the socket to take them (OP_WRITE). */
    boolean wantsWrite(OutboundQueue plaintext);

    /** Octets the wire holds for the socket on top of the queue. */
    long pendingBytes();

    /** The last bytes are out: nothing queued, nothing of the wire's own (a TLS close_notify) left. */
    boolean drained(OutboundQueue plaintext);

    /** The connection ends gracefully: TLS sends its close_notify (RFC 8446 §6.1) after the queue. */
    void ending();

    /** What the TLS handshake agreed, once finished; empty on plain TCP. */
    Optional<TlsFacts> facts();

    /** Why TLS failed, once it has (the connection is then to be dropped); empty on plain TCP. */
    Optional<TlsFailure> failure();

    /** Whether the TLS handshake is finished (plain TCP: always). */
    boolean secured();
}
