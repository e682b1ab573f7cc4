/**
 * The byte-level peers a case plays on: {@link org.wslab.conformance.peer.RawPeer} (TCP, the
 * RFC 6455 §4.1 handshake with any offers, e.g. permessage-deflate, any bytes out, frames decoded in the client role back; in the server role
 * for a client under test), {@link org.wslab.conformance.peer.AcceptedPeer} (the server end: the
 * client's handshake judged per §4.2.1, then a RawPeer in the server role, closing TCP first, §7.1.1),
 * {@link org.wslab.conformance.peer.FramePeer} (what a judge needs of either),
 * {@link org.wslab.conformance.peer.WireFrame} (a frame free to break §5.2),
 * {@link org.wslab.conformance.peer.Chop} (how bytes are cut into writes) and the
 * {@link org.wslab.conformance.peer.WireLog} of every byte both ways.
 */
package org.wslab.conformance.peer;
