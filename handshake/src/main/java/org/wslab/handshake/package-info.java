/**
 * The WebSocket opening handshake (RFC 6455 §4, §1.3, §11.3; RFC 7692 §5–7 negotiation), sans-I/O
 * and without dependencies: {@link org.wslab.handshake.AcceptKey},
 * {@link org.wslab.handshake.ServerHandshake} (request head → 101 or typed refusal),
 * {@link org.wslab.handshake.ClientHandshake} (URI + options → request; response head → verdict).
 * Sub-packages: {@code http} (heads, parsers, writer), {@code extension} (RFC 6455 §9.1 lists),
 * {@code deflate} (RFC 7692 negotiation), {@code explain} (transcript explainer), {@code spec} (rules).
 */
package org.wslab.handshake;
