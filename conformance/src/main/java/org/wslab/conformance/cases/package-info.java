/**
 * The cases, one class per category: the opening handshake (0.x, RFC 6455 §4, RFC 7692 §5, §7.1; two
 * classes, {@code HandshakeCases} and {@code HandshakeNegotiationCases}), framing (Autobahn 1.x, RFC 6455
 * §5.2), ping/pong (2.x, §5.5), reserved bits (3.x, §5.2), opcodes (4.x, §5.2), fragmentation (5.x,
 * §5.4), UTF-8 (6.x, §8.1), close (7.x, §5.5.1, §7.4), limits (9.x, §10.4), misc (10.x, §5.4) and
 * permessage-deflate (12.x, 13.x, RFC 7692, on payloads of {@code DeflateCorpus}), written with the
 * small vocabulary of {@code Cases}.
 */
package org.wslab.conformance.cases;
