/** WebSocket extension lists (RFC 6455 §9.1): offers, parameters, the header's grammar. */
package org.wslab.handshake.extension;
