package org.wslab.conformance.stomp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.wslab.conformance.peer.FramePeer;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompEncoder;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.session.VersionNegotiation;

/**
 * One STOMP conversation with a client under test, the server end played by us (client mode):
 * the client is expected to CONNECT, SUBSCRIBE, SEND to what it subscribed to, take the MESSAGE and
 * DISCONNECT. We answer as a one-connection broker (STOMP 1.2 "Protocol Negotiation", "CONNECTED",
 * "RECEIPT", "MESSAGE"): the highest version both speak, {@code heart-beat:0,500} (we want the
 * client's beats, send none), a RECEIPT to each {@code receipt} header, and the SEND back as a
 * MESSAGE to the subscription — held back for three agreed heart-beat periods when the case watches
 * the client's beats. Everything the client did is recorded with its time for the case to judge.
 */
final class StompClientConversation {
    /** How often we ask the client to beat ({@code sy} of our CONNECTED). */
    static final long SERVER_WANTS_MS = 500;

    /** Something the client did, at {@link System#nanoTime()} {@code atNanos}. */
    record Seen(long atNanos, StompEvent event) {}

    final List<Seen> seen = new ArrayList<>();
    StompFrame connect;
    StompFrame subscribe;
    StompFrame send;
    StompFrame disconnect;
    StompVersion version = StompVersion.V1_0;
    long clientBeatMs;
    long connectedAtNanos;
    long messageSentAtNanos;
    long holdMs;
    /** The hold the beats needed when the case's time could not give it (0 when it could, or none was needed). */
    long holdNotGivenMs;
    int framesAfterDisconnect;
    String ending = "";

    /** Plays the conversation on {@code peer} (upgraded) until the client ends it or {@code deadlineNanos}. */
    void play(FramePeer peer, long deadlineNanos, boolean watchBeats) throws IOException {
        StompWire wire = new StompWire(peer, true);
        StompEvent first = wire.next(deadlineNanos);
        seen.add(new Seen(System.nanoTime(), first));
        if (!(first instanceof StompEvent.Frame f)
                || (f.frame().command() != StompCommand.CONNECT && f.frame().command() != StompCommand.STOMP)) {
            ending = "the client's first STOMP frame was " + describe(first) + ", not CONNECT or STOMP";
            return;
        }
        connect = f.frame();
        version = VersionNegotiation.negotiate(connect.header("accept-version"), EnumSet.allOf(StompVersion.class))
                .orElse(StompVersion.V1_0); // none we speak: judged as the 1.0 client it then is
        clientBeatMs = version == StompVersion.V1_0 ? 0
                : HeartBeat.parse(connect.header("heart-beat"), version) instanceof HeartBeat.Parsed.Valid v ? v.value().canSend() : 0;
        wire.send(List.of(StompEncoder.encode(connected(), version)));
        wire.version(version);
        connectedAtNanos = System.nanoTime();
        if (watchBeats && clientBeatMs > 0) {
            long want = 3 * Math.max(clientBeatMs, SERVER_WANTS_MS);
            long left = (deadlineNanos - connectedAtNanos) / 1_000_000 - 1_000; // a second for the rest of the talk
            if (want <= left) {
                holdMs = want;
            } else {
                holdNotGivenMs = want;
            }
        }
        converse(wire, deadlineNanos);
    }

    private void converse(StompWire wire, long deadlineNanos) throws IOException {
        byte[] due = null;
        long dueAt = 0;
        while (true) {
            StompEvent e = wire.next(due != null && dueAt - deadlineNanos < 0 ? dueAt : deadlineNanos);
            long now = System.nanoTime();
            if (e instanceof StompEvent.Silence) {
                if (due != null && now - dueAt >= 0) {
                    wire.send(List.of(due));
                    messageSentAtNanos = now;
                    due = null;
                    continue;
                }
                if (now - deadlineNanos >= 0) {
                    ending = "the client was silent until the case's end";
                    return;
                }
                continue;
            }
            seen.add(new Seen(now, e));
            if (e instanceof StompEvent.Closed c) {
                ending = c.how();
                return;
            }
            if (e instanceof StompEvent.Broken b) {
                ending = b.why();
                return;
            }
            if (!(e instanceof StompEvent.Frame fr)) {
                continue; // a heart-beat: recorded
            }
            StompFrame x = fr.frame();
            if (disconnect != null) {
                framesAfterDisconnect++;
                continue;
            }
            if (x.command() == StompCommand.SUBSCRIBE && subscribe == null) {
                subscribe = x;
            } else if (x.command() == StompCommand.SEND) {
                send = send == null ? x : send; // the first SEND is the one judged
                boolean answered = due != null || messageSentAtNanos != 0;
                if (!answered && subscribe != null && x.header("destination", "").equals(subscribe.header("destination"))) {
                    due = StompEncoder.encode(message(x), version);
                    dueAt = now + holdMs * 1_000_000;
                }
            } else if (x.command() == StompCommand.DISCONNECT) {
                disconnect = x;
            }
            String receipt = x.header("receipt");
            if (receipt != null) {
                wire.send(List.of(StompEncoder.encode(StompFrame.of(StompCommand.RECEIPT, "receipt-id", receipt), version)));
            }
        }
    }

    private StompFrame connected() {
        return version == StompVersion.V1_0 ? StompFrame.of(StompCommand.CONNECTED, "session", "wslab-check")
                : StompFrame.of(StompCommand.CONNECTED, "version", version.text(), "heart-beat", "0," + SERVER_WANTS_MS,
                        "server", "wslab-check");
    }

    private StompFrame message(StompFrame sent) {
        List<String> h = new ArrayList<>(List.of("destination", sent.header("destination"), "message-id", "check-1"));
        String id = subscribe.header("id");
        if (id != null) {
            h.addAll(List.of("subscription", id));
        }
        String ack = subscribe.header("ack", "auto");
        if (version == StompVersion.V1_2 && !ack.equals("auto")) {
            h.addAll(List.of("ack", "check-ack-1"));
        }
        String type = sent.header("content-type");
        if (type != null) {
            h.addAll(List.of("content-type", type));
        }
        return StompFrame.of(StompCommand.MESSAGE, h.toArray(String[]::new)).withBody(sent.body());
    }

    static String describe(StompEvent e) {
        if (e instanceof StompEvent.Frame f) {
            return f.frame().command().name();
        }
        if (e instanceof StompEvent.Closed c) {
            return "none (" + c.how() + ")";
        }
        if (e instanceof StompEvent.Broken b) {
            return "unreadable (" + b.why() + ")";
        }
        return e instanceof StompEvent.Beat ? "a heart-beat" : "none (silence until the case's end)";
    }
}
