package org.wslab.handshake.deflate;

/**
 * The permessage-deflate parameters both ends agreed on (RFC 7692 §7.1), as the framing engine
 * uses them. "server_*" constrains the server's compressor (and so the client's inflater),
 * "client_*" the client's compressor (and the server's inflater).
 *
 * @param serverNoContextTakeover the server resets its compressor after each message (§7.1.1.1)
 * @param clientNoContextTakeover the client resets its compressor after each message (§7.1.1.2)
 * @param serverMaxWindowBits     LZ77 window of the server's compressor, 8..15 (§7.1.2.1)
 * @param clientMaxWindowBits     LZ77 window of the client's compressor, 8..15 (§7.1.2.2)
 */
public record DeflateParameters(boolean serverNoContextTakeover, boolean clientNoContextTakeover,
                                int serverMaxWindowBits, int clientMaxWindowBits) {
    /** Nothing negotiated: context takeover both ways, 15-bit windows both ways. */
    public static final DeflateParameters DEFAULTS = new DeflateParameters(false, false, 15, 15);

    public DeflateParameters {
        if (serverMaxWindowBits < 8 || serverMaxWindowBits > 15 || clientMaxWindowBits < 8 || clientMaxWindowBits > 15) {
            throw new IllegalArgumentException("window bits must be 8..15: server="
                    + serverMaxWindowBits + " client=" + clientMaxWindowBits);
        }
    }

    /** Whether the endpoint ({@code server} true for the server) resets its own compressor per message. */
    public boolean ownNoContextTakeover(boolean server) {
        return server ? serverNoContextTakeover : clientNoContextTakeover;
    }

    /** Whether the peer resets its compressor per message (so our inflater may be reset too). */
    public boolean peerNoContextTakeover(boolean server) {
        return ownNoContextTakeover(!server);
    }

    /** The window our own compressor must stay within. */
    public int ownMaxWindowBits(boolean server) {
        return server ? serverMaxWindowBits : clientMaxWindowBits;
    }

    /** The window the peer compresses with (our inflater must hold at least this; 15 always does). */
    public int peerMaxWindowBits(boolean server) {
        return ownMaxWindowBits(!server);
    }

    /**
     * Whether a {@code java.util.zip.Deflater} (always a 15-bit window) may compress for this
     * endpoint's negotiated window. When false the endpoint must not emit back-references beyond
     * its window: it may send messages uncompressed (RSV1 clear, RFC 7692 §6 allows it message by
     * message) or, as the {@code framing} module's compressor does, as stored DEFLATE blocks
     * (RFC 1951 §3.2.4), which reference nothing and so fit any window.
     */
    public boolean jdkDeflaterAllowed(boolean server) {
        return ownMaxWindowBits(server) == 15;
    }
}
