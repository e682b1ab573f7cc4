/**
 * The client mode, the checker turned round (Autobahn's "fuzzingserver"):
 * {@link org.wslab.conformance.serve.ClientModeServer} plays a case against each echo client that
 * connects and judges it with the same judge and verdicts; {@link org.wslab.conformance.serve.ClientCases}
 * is the catalogue's frame cases plus the client-only ones (RFC 6455 §5.1 masking, §7.1.1 TCP close).
 */
package org.wslab.conformance.serve;
