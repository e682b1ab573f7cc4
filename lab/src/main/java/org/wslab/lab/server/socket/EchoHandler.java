package org.wslab.lab.server.socket;

/**
 * The echo endpoint on our engine: each text or binary message (RFC 6455 §5.6) goes back
 * unchanged, compressed again when permessage-deflate was negotiated (RFC 7692). Pings are
 * answered by the engine (§5.5.2). The same behaviour as the Jetty engine's echo.
 */
final class EchoHandler implements SocketHandler {
    private final SocketPeer peer;

    EchoHandler(SocketPeer peer) {
        this.peer = peer;
    }

    @Override
    public void onText(String text) {
        peer.sendText(text);
    }

    @Override
    public void onBinary(byte[] data) {
        peer.sendBinary(data);
    }
}
