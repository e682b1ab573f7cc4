package org.wslab.lab.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.wslab.framing.transport.SendResult;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompDecoder;
import org.wslab.stomp.codec.StompEncoder;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompLimits;

/**
 * One connection of a STOMP {@link LoadRun}: CONNECTs (STOMP 1.2 "CONNECT or STOMP Frame", the
 * version from the sub-protocol agreed, RFC 6455 §1.9), SUBSCRIBEs to its own destination with the
 * plan's ack mode, then SENDs to it at each intended time of its {@link SendSchedule}; each body
 * carries its sequence number and intended time, and each MESSAGE must be the oldest SEND
 * outstanding, body for body. Latency runs from the SEND's intended time to the MESSAGE; in
 * {@code client} and {@code client-individual} modes each MESSAGE is ACKed ("ACK"); with receipts
 * the SUBSCRIBE and every SEND ask for a RECEIPT, counted. An ERROR frame counts as an error.
 */
final class StompConnection extends LoadConnection {
    /** A SEND not yet delivered back. */
    private record Pending(byte[] body, long intended, long actual) {}

    private final StompLoad stomp;
    private final ArrayDeque<Pending> outstanding = new ArrayDeque<>();
    private StompVersion version = StompVersion.V1_2;
    private StompDecoder decoder;
    private boolean subscribed;

    StompConnection(LoadTally tally, LoadPlan plan, int index) {
        super(tally, plan, index);
        this.stomp = plan.stomp().orElseThrow();
    }

    @Override
    protected void opened(long now) {
        version = channel().subprotocol().flatMap(StompVersion::fromSubProtocol).orElse(StompVersion.V1_2);
        decoder = new StompDecoder(version, StompLimits.DEFAULT);
        send(StompFrame.of(StompCommand.CONNECT, "accept-version", "1.0,1.1,1.2", "host", plan.uri().host()));
    }

    @Override
    protected long due(long now) {
        if (!subscribed) {
            return Long.MAX_VALUE;
        }
        String destination = stomp.destinationOf(index);
        return schedule.run(now, outstanding.size(), (seq, intended) -> {
            byte[] body = body(seq, intended);
            StompFrame f = StompFrame.of(StompCommand.SEND, "destination", destination, "content-type", "text/plain")
                    .withBody(body);
            SendResult r = send(stomp.receipts() ? f.withHeader("receipt", "s" + seq) : f);
            if (r == SendResult.SENT) {
                outstanding.add(new Pending(body, intended, System.nanoTime()));
            }
            return r;
        });
    }

    /** {@code seq intended} in ASCII, padded with dots to the plan's size. */
    private byte[] body(long seq, long intended) {
        byte[] head = (seq + " " + intended).getBytes(StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOf(head, Math.max(head.length, plan.size()));
        Arrays.fill(body, head.length, body.length, (byte) '.');
        return body;
    }

    private SendResult send(StompFrame frame) {
        return channel().sendText(StompEncoder.encode(frame, version));
    }

    @Override
    public void onText(byte[] utf8) {
        read(utf8);
    }

    @Override
    public void onBinary(byte[] data) {
        read(data);
    }

    private void read(byte[] data) {
        decoder.feed(data, 0, data.length, this::frame).ifPresent(v -> {
            tally.error("stomp-violation");
            finish();
        });
    }

    private void frame(StompFrame f) {
        long now = System.nanoTime();
        switch (f.command()) {
            case CONNECTED -> {
                StompVersion.fromText(f.header("version", version.text())).ifPresent(v -> {
                    version = v;
                    decoder.version(v);
                });
                StompFrame sub = StompFrame.of(StompCommand.SUBSCRIBE, "id", "0", "destination",
                        stomp.destinationOf(index), "ack", stomp.ack().header());
                send(stomp.receipts() ? sub.withHeader("receipt", "subscribed") : sub);
                subscribed = true;
                startSending(now);
            }
            case MESSAGE -> delivered(f, now);
            case RECEIPT -> tally.receipt();
            case ERROR -> tally.error("stomp-error");
            default -> tally.scale.mismatch();
        }
    }

    private void delivered(StompFrame f, long now) {
        Pending expected = outstanding.poll();
        if (expected == null || !Arrays.equals(expected.body(), f.body())) {
            tally.scale.mismatch();
        } else {
            tally.echoed(expected.intended(), expected.actual(), now);
            schedule.answered();
        }
        if (stomp.ack() != AckMode.AUTO) {
            send(version == StompVersion.V1_2 ? StompFrame.of(StompCommand.ACK, "id", f.header("ack", ""))
                    : StompFrame.of(StompCommand.ACK, "message-id", f.header("message-id", ""), "subscription", "0"));
        }
    }
}
