package org.wslab.stomp.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.wslab.stomp.codec.StompDecoder;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompFrameSink;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.StompVersion;

/** Drives a {@link StompClientSession} in tests: collects its events and output, and re-parses what it wrote. */
final class ClientDriver {
    final StompClientSession session = new StompClientSession(StompLimits.DEFAULT);
    final List<ClientEvent> events = new ArrayList<>();
    final List<byte[]> written = new ArrayList<>();

    /** A session that sent CONNECT offering {@code offered} with heart-beat {@code hb} at time 0. */
    static ClientDriver connecting(EnumSet<StompVersion> offered, HeartBeat hb) {
        ClientDriver d = new ClientDriver();
        d.session.connect(ClientConnectOptions.DEFAULT.withVersions(offered).withHeartBeat(hb), 0);
        d.drain();
        return d;
    }

    /** A session that is CONNECTED under {@code version}, without heart-beats. */
    static ClientDriver connected(StompVersion version) {
        ClientDriver d = connecting(EnumSet.of(version), HeartBeat.NONE);
        d.feed("CONNECTED\nversion:" + version.text() + "\n\n\0", 0);
        return d;
    }

    ClientDriver feed(String text, long now) {
        return feed(text.getBytes(StandardCharsets.UTF_8), now);
    }

    ClientDriver feed(byte[] octets, long now) {
        events.addAll(session.receive(ByteBuffer.wrap(octets), now));
        drain();
        return this;
    }

    void drain() {
        events.addAll(session.takeEvents());
        written.addAll(session.takeOutput());
    }

    ClientEvent last() {
        return events.get(events.size() - 1);
    }

    /** The one frame {@code octets} decode to under {@code version}, or an AssertionError saying why not. */
    static StompFrame reparse(byte[] octets, StompVersion version) {
        List<StompFrame> frames = new ArrayList<>();
        StompDecoder decoder = new StompDecoder(version, StompLimits.DEFAULT);
        var v = decoder.feed(octets, 0, octets.length, (StompFrameSink) frames::add);
        if (v.isPresent() || frames.size() != 1 || !decoder.isIdle()) {
            throw new AssertionError("did not re-parse as one frame under " + version + ": " + v + " " + frames);
        }
        return frames.get(0);
    }
}
