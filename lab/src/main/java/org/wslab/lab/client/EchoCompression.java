package org.wslab.lab.client;

/**
 * What permessage-deflate (RFC 7692 §7) did on an echo run: message octets against the payload
 * octets of the data frames that carried them, each way. A ratio below 1 means the wire carried
 * less than the messages held.
 *
 * @param messageBytesSent     octets of the messages sent, before compression
 * @param wireBytesSent        payload octets of the data frames sent
 * @param messageBytesReceived octets of the echoes received, after decompression
 * @param wireBytesReceived    payload octets of the data frames received
 */
public record EchoCompression(long messageBytesSent, long wireBytesSent, long messageBytesReceived,
                              long wireBytesReceived) {

    /** Wire over message octets sent; empty when nothing was sent. */
    public java.util.OptionalDouble sentRatio() {
        return ratio(wireBytesSent, messageBytesSent);
    }

    /** Wire over message octets received; empty when nothing was received. */
    public java.util.OptionalDouble receivedRatio() {
        return ratio(wireBytesReceived, messageBytesReceived);
    }

    private static java.util.OptionalDouble ratio(long wire, long message) {
        return message == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of((double) wire / message);
    }
}
