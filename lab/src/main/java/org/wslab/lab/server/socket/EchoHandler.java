package org.wslab.lab.server.socket;

/**
 * The echo endpoint on our engine: each text or binary message (RFC 6455 §5.6) goes back
 * unchanged, compressed again when permessage-deflate was negotiated (RFC 7692). Pings are
 * answered by the engine (§5.5.2). Reading pauses while the outbound queue is full and resumes
 * when it drains, so a peer that sends without reading its echoes cannot grow the server's memory.
 */
final class EchoHandler implements SocketHandler {
    private final SocketPeer peer;

    EchoHandler(SocketPeer peer) {
        this.peer = peer;
    }

    @Override
    public void onText(byte[] utf8) {
        peer.sendText(utf8);
        pauseWhileFull();
    }

    @Override
    public void onBinary(byte[] data) {
        peer.sendBinary(data);
        pauseWhileFull();
    }

    private void pauseWhileFull() {
        if (!peer.writable()) {
            peer.pauseReading();
        }
    }

    @Override
    public void onWritable() {
        peer.resumeReading();
    }
}
