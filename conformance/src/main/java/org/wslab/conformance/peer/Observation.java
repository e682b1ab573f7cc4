package org.wslab.conformance.peer;

import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.ProtocolError;

/**
 * What {@link RawPeer#next} saw the server do: send a frame (a Close with code X included), close
 * the TCP connection, stay silent until the read timeout, or send bytes that break RFC 6455
 * §5.2 (decoded in the client role, so a masked server frame is one, §5.1). Each says itself in
 * words, as a verdict quotes it.
 */
public sealed interface Observation {
    /** A whole frame from the server. */
    record Received(Frame frame) implements Observation {
        @Override
        public String toString() {
            return "a " + frame.opcode() + " frame of " + frame.payload().length + " bytes";
        }
    }

    /** The server closed (or reset) the TCP connection; {@code how} says which. */
    record TcpClosed(String how) implements Observation {
        @Override
        public String toString() {
            return how;
        }
    }

    /** Nothing arrived before the read timeout. */
    record Silence(long waitedMillis) implements Observation {
        @Override
        public String toString() {
            return "silence for " + waitedMillis + " ms";
        }
    }

    /** The server's bytes broke a framing rule. */
    record Undecodable(ProtocolError error) implements Observation {
        @Override
        public String toString() {
            return "bytes that break " + error;
        }
    }
}
