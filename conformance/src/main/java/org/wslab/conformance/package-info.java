/**
 * A conformance checker for any WebSocket server (RFC 6455, RFC 7692), in Autobahn|Testsuite's numbering:
 * {@link org.wslab.conformance.ConformanceCase} (a case as data: rule, a {@link org.wslab.conformance.Script}
 * of frames or of compressed messages, strictness), {@link org.wslab.conformance.Catalogue} (every case), {@link org.wslab.conformance.Selection}
 * (glob picks), {@link org.wslab.conformance.Runner} (timeouts, parallelism, progress) and the
 * {@link org.wslab.conformance.Verdict} each {@link org.wslab.conformance.CaseResult} carries.
 * Sub-packages: {@code peer} (the byte-level peers and their wire log), {@code handshake} (scripts of
 * requests a case writes itself), {@code serve} (the client mode: clients judged), {@code cases} (one
 * class per category), {@code report} (results.json, JUnit XML), {@code junit} (dynamic tests for
 * {@code @TestFactory}).
 */
package org.wslab.conformance;
