/**
 * The transcript explainer: a recorded request and response in, every header classified
 * (required / optional / obsolete / unrelated) and every RFC 6455 / RFC 7692 rule listed with
 * pass, fail or info out.
 */
package org.wslab.handshake.explain;
