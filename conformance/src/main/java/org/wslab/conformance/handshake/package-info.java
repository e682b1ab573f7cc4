/**
 * Opening-handshake cases (RFC 6455 §4.1, §4.2; RFC 7692 §5, §7.1): a request of the case's own
 * writing ({@link org.wslab.conformance.handshake.RequestTemplate}), how it is written
 * ({@link org.wslab.conformance.handshake.Delivery}), what the server did with it
 * ({@link org.wslab.conformance.handshake.ServerAnswer}) and how that is judged
 * ({@link org.wslab.conformance.handshake.HandshakeExpectation}), played by
 * {@link org.wslab.conformance.handshake.HandshakeScript}.
 */
package org.wslab.conformance.handshake;
