package org.wslab.framing.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.framing.tls.TlsFailure;

/** Plain TCP ({@code ws://}): the loop's read buffer straight to the engine, gathering writes straight to the socket. */
final class PlainWire implements Wire {
    private final EventLoop loop;
    private final ChannelSocket socket;

    PlainWire(EventLoop loop, ChannelSocket socket) {
        this.loop = loop;
        this.socket = socket;
    }

    @Override
    public int read(Sink sink) throws IOException {
        ByteBuffer buffer = loop.readBuffer();
        int n = socket.read(buffer);
        if (n > 0) {
            sink.plaintext(buffer.flip());
        }
        return n;
    }

    @Override
    public void flush(OutboundQueue plaintext) throws IOException {
        plaintext.writeTo(socket.channel());
    }

    @Override
    public boolean wantsWrite(OutboundQueue plaintext) {
        return !plaintext.isEmpty();
    }

    @Override
    public long pendingBytes() {
        return 0;
    }

    @Override
    public boolean drained(OutboundQueue plaintext) {
        return plaintext.isEmpty();
    }

    @Override
    public void ending() {
        // nothing of its own to send
    }

    @Override
    public Optional<TlsFacts> facts() {
        return Optional.empty();
    }

    @Override
    public Optional<TlsFailure> failure() {
        return Optional.empty();
    }

    @Override
    public boolean secured() {
        return true;
    }
}
