/**
 * HTTP/1.1 heads for the opening handshake (RFC 9112 §2–5, RFC 9110 §5): models
 * ({@link org.wslab.handshake.http.RequestHead}, {@link org.wslab.handshake.http.ResponseHead},
 * {@link org.wslab.handshake.http.Headers}), incremental parsers with typed failures and limits,
 * and a byte-exact writer. Sans-I/O: bytes in, values out.
 */
package org.wslab.handshake.http;
