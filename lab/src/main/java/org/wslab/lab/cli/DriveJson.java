package org.wslab.lab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.lab.drive.DriveRule;
import org.wslab.lab.drive.EchoScale;
import org.wslab.lab.drive.StompDrive;
import org.wslab.lab.report.JsonReport;
import org.wslab.lab.report.TlsReport;

/**
 * {@code drive echo --json} and {@code drive stomp --json} (schemas {@code drive-echo},
 * {@code drive-stomp}): the counts, the round trips (null when none was measured), the verdict
 * naming the first {@link DriveRule} broken, the exit code — the lab's JSON conventions.
 */
final class DriveJson {
    private DriveJson() {}

    static ObjectNode echo(String url, EchoScale.Report r, int exitCode) {
        ObjectNode o = JsonReport.object();
        o.put("command", "drive echo");
        o.put("url", url);
        tls(o, r.tls());
        ObjectNode connections = o.putObject("connections");
        connections.put("wanted", r.wanted());
        connections.put("held", r.held());
        connections.put("handshakeFailures", r.handshakeFailures());
        connections.put("firstFailure", r.firstFailure());
        o.put("sent", r.sent());
        o.put("received", r.received());
        o.put("lost", r.lost());
        o.put("mismatches", r.mismatches());
        ObjectNode timings = o.putObject("timings");
        if (r.roundTrips().getTotalCount() == 0) {
            timings.putNull("roundTripMs");
        } else {
            ObjectNode rtt = timings.putObject("roundTripMs");
            rtt.put("min", r.roundTrips().getMinValue() / 1e6);
            rtt.put("p50", r.ms(50));
            rtt.put("p90", r.ms(90));
            rtt.put("p99", r.ms(99));
            rtt.put("p999", r.ms(99.9));
            rtt.put("max", r.roundTrips().getMaxValue() / 1e6);
        }
        verdict(o, r.broken(), exitCode);
        return o;
    }

    static ObjectNode stomp(String url, StompDrive.Result r, int size, Optional<TlsFacts> tls, int exitCode) {
        ObjectNode o = JsonReport.object();
        o.put("command", "drive stomp");
        o.put("url", url);
        tls(o, tls);
        o.put("subscribers", r.subscribers());
        o.put("connected", r.connected());
        o.put("messages", r.messages());
        o.put("messageBytes", size);
        o.put("expected", r.expected());
        o.put("received", r.received());
        o.put("lost", r.lost());
        o.put("outOfOrder", r.outOfOrder());
        o.put("publishFailures", r.publishFailures());
        o.put("publisherReceipt", r.publisherReceipt());
        o.put("readerErrors", r.readersErrors());
        if (r.stalledReceived() == null) {
            o.putNull("stalled");
        } else {
            ObjectNode stalled = o.putObject("stalled");
            stalled.put("received", r.stalledReceived());
            stalled.put("error", r.stalledError());
            stalled.put("closeCode", r.stalledCloseCode());
            stalled.put("closeReason", r.stalledCloseReason());
        }
        o.putObject("timings").put("runMs", (double) r.millis());
        verdict(o, r.broken(), exitCode);
        return o;
    }

    private static void tls(ObjectNode o, Optional<TlsFacts> tls) {
        tls.ifPresentOrElse(t -> o.set("tls", TlsReport.json(t)), () -> o.putNull("tls"));
    }

    private static void verdict(ObjectNode o, Optional<Map.Entry<DriveRule, String>> broken, int exitCode) {
        ObjectNode v = o.putObject("verdict");
        v.put("passed", exitCode == ExitCode.OK);
        v.put("rule", broken.map(b -> b.getKey().name()).orElse(null));
        v.put("section", broken.map(b -> b.getKey().section()).orElse(null));
        v.put("detail", broken.map(Map.Entry::getValue).orElse(null));
        o.put("exitCode", exitCode);
    }
}
