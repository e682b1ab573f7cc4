package org.wslab.lab.load;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.wslab.framing.transport.SendResult;

/**
 * One connection of a {@link LoadRun} against an echo endpoint: once open, it sends a binary
 * message (RFC 6455 §5.6) at each intended time of its {@link SendSchedule}, each carrying its
 * sequence number and intended time, and checks that every echo is the oldest message outstanding,
 * byte for byte. Latency counts from the intended time, so a send the server held back (a full
 * window, a full outbound queue) still counts its wait — the coordinated-omission correction.
 */
final class EchoConnection extends LoadConnection {
    /** A message sent and not yet echoed. */
    private record Pending(byte[] data, long intended, long actual) {}

    private final ArrayDeque<Pending> outstanding = new ArrayDeque<>();

    EchoConnection(LoadTally tally, LoadPlan plan, int index) {
        super(tally, plan, index);
    }

    @Override
    protected void opened(long now) {
        startSending(now);
    }

    @Override
    protected long due(long now) {
        return schedule.run(now, outstanding.size(), (seq, intended) -> {
            byte[] m = ByteBuffer.allocate(plan.size()).putLong(seq).putLong(intended).array();
            SendResult r = channel().sendBinary(m);
            if (r == SendResult.SENT) {
                outstanding.add(new Pending(m, intended, System.nanoTime()));
            }
            return r;
        });
    }

    @Override
    public void onBinary(byte[] data) {
        long now = System.nanoTime();
        Pending expected = outstanding.poll();
        if (expected == null || !Arrays.equals(expected.data(), data)) {
            tally.scale.mismatch();
            return;
        }
        tally.echoed(expected.intended(), expected.actual(), now);
        schedule.answered();
    }

    @Override
    public void onText(byte[] utf8) {
        tally.scale.mismatch();
    }
}
