/**
 * WebSocket over HTTP/2 (RFC 8441): cases played on an HTTP/2 connection's CONNECT streams instead of
 * a TCP connection of their own — the setting of §3, the extended CONNECT of §4 and §5, and RFC 6455's
 * frames inside the stream's DATA, its END_STREAM and RST_STREAM standing for TCP's FIN and reset.
 */
package org.wslab.conformance.http2;
