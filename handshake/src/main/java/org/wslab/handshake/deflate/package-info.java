/**
 * permessage-deflate negotiation (RFC 7692 §5, §7.1): reading offers, the server's choice among
 * several offers, the client's check of the response, and the agreed
 * {@link org.wslab.handshake.deflate.DeflateParameters} the framing engine compresses with.
 */
package org.wslab.handshake.deflate;
