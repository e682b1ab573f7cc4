package org.wslab.lab.server.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.AbstractExtension;
import org.eclipse.jetty.websocket.core.ExtensionConfig;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.engine.FrameListener.Direction;
import org.wslab.lab.server.watch.ConnectionWatch;

/**
 * {@code serve --log} / {@code --trace} on Jetty: an internal extension (its name starts with
 * {@code @}, so Jetty never writes it in {@code Sec-WebSocket-Extensions}, RFC 6455 §9.1) placed
 * first in the extension stack, next to the wire, where it sees every frame both ways as sent and
 * received — compressed ones with RSV1 (RFC 7692 §6) — and passes each on unchanged. Jetty has
 * already unmasked a received payload; the trace re-applies the frame's own key to show the wire bytes.
 * On close it reports the connection's close code: the first close frame received (§7.1.5), 1006
 * when none came.
 *
 * <p>Public with a no-argument constructor because Jetty's extension registry instantiates it.
 */
public final class JettyWatchExtension extends AbstractExtension {
    /** The name it is registered and configured under. */
    public static final String NAME = "@wslab-watch";
    /** The configuration parameter carrying the {@link JettyWatchTaps} token. */
    static final String TOKEN = "tap";

    private Optional<ConnectionWatch> watch = Optional.empty();
    private final AtomicInteger closeCode = new AtomicInteger(CloseCode.ABNORMAL_CLOSURE.code());
    private final AtomicReference<String> closeReason = new AtomicReference<>("");
    private final AtomicInteger closeFramesIn = new AtomicInteger();

    @Override
    public void init(ExtensionConfig config, WebSocketComponents components) {
        super.init(config, components);
        watch = JettyWatchTaps.take(config.getParameter(TOKEN, -1));
    }

    @Override
    public void onFrame(org.eclipse.jetty.websocket.core.Frame frame, Callback callback) {
        watch.ifPresent(w -> see(w, Direction.RECEIVED, frame));
        if (frame.getOpCode() == OpCode.CLOSE && closeFramesIn.getAndIncrement() == 0) {
            ByteBuffer p = frame.getPayload() == null ? ByteBuffer.allocate(0) : frame.getPayload().asReadOnlyBuffer();
            closeCode.set(p.remaining() >= 2 ? p.getShort() & 0xFFFF : CloseCode.NO_STATUS_RECEIVED.code());
            closeReason.set(StandardCharsets.UTF_8.decode(p).toString());
        }
        nextIncomingFrame(frame, callback);
    }

    @Override
    public void sendFrame(OutgoingEntry entry) {
        watch.ifPresent(w -> see(w, Direction.SENT, entry.getFrame()));
        nextOutgoingFrame(entry);
    }

    @Override
    public void close() {
        watch.ifPresent(w -> w.closed(closeCode.get(), closeReason.get()));
    }

    /** Traces the frame, or only counts it (no payload copy) when the watch does not trace. */
    private static void see(ConnectionWatch w, Direction direction, org.eclipse.jetty.websocket.core.Frame f) {
        if (w.traces()) {
            w.onFrame(direction, ours(f));
        } else {
            w.count(direction, f.isFin(), OpCode.isControlFrame(f.getOpCode()));
        }
    }

    /** The same frame as our codec's value (payload copied, the buffer untouched). */
    private static Frame ours(org.eclipse.jetty.websocket.core.Frame f) {
        byte[] payload = new byte[f.getPayloadLength()];
        if (f.getPayload() != null) {
            f.getPayload().asReadOnlyBuffer().get(payload);
        }
        byte[] mask = f.getMask();
        boolean masked = f.isMasked() && mask != null && mask.length == 4;
        int key = masked ? ByteBuffer.wrap(mask).getInt() : 0;
        int rsv = (f.isRsv1() ? Frame.RSV1 : 0) | (f.isRsv2() ? Frame.RSV2 : 0) | (f.isRsv3() ? Frame.RSV3 : 0);
        Opcode opcode = Opcode.of(f.getOpCode()).orElse(Opcode.BINARY);
        return new Frame(f.isFin(), rsv, opcode, masked, key, payload);
    }
}
