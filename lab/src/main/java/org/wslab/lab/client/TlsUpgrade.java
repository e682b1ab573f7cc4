package org.wslab.lab.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLSocket;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.framing.tls.TlsFailure;
import org.wslab.lab.common.TlsFailureLine;

/**
 * The TLS handshake (RFC 8446 §4) of a blocking {@code wss://} client (RFC 6455 §4.1 (5)) over an
 * already connected socket: SNI, the host name check and ALPN come from {@link ClientTls}. The
 * first bytes the server sends are kept, so a failure can tell a plain HTTP server from a
 * certificate nobody trusts ({@link TlsFailure#of}); every failure is one {@link TlsFailureLine}.
 */
final class TlsUpgrade {
    private TlsUpgrade() {
    }

    /** A connected TLS socket and what its handshake agreed. */
    record Upgraded(SSLSocket socket, TlsFacts facts) {}

    /** A plain socket that keeps the first octets it reads, for {@link TlsFailure#of}. */
    static final class HeadKeepingSocket extends Socket {
        private final byte[] head = new byte[64];
        private int length;

        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(super.getInputStream()) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    keep(b, off, n);
                    return n;
                }

                @Override
                public int read() throws IOException {
                    int c = super.read();
                    if (c >= 0) {
                        keep(new byte[] {(byte) c}, 0, 1);
                    }
                    return c;
                }
            };
        }

        private synchronized void keep(byte[] b, int off, int n) {
            int take = Math.min(Math.max(n, 0), head.length - length);
            System.arraycopy(b, off, head, length, take);
            length += take;
        }

        synchronized TlsFailure classify(Throwable failure) {
            return TlsFailure.of(failure, head.clone(), length);
        }
    }

    /**
     * Runs the handshake on {@code plain} within {@code timeoutMillis}; a timeout is rethrown as it
     * is (the caller names it), any other failure becomes the one line.
     */
    static Upgraded upgrade(HeadKeepingSocket plain, ClientTls tls, int timeoutMillis) throws SocketTimeoutException {
        SSLSocket ssl = null;
        try {
            ssl = (SSLSocket) tls.context().getSocketFactory().createSocket(plain, tls.host(), tls.port(), true);
            ssl.setSSLParameters(tls.parameters());
            ssl.setSoTimeout(timeoutMillis);
            ssl.startHandshake();
            return new Upgraded(ssl, TlsFacts.of(ssl.getSession(), ssl.getApplicationProtocol()));
        } catch (SocketTimeoutException e) {
            closeQuietly(ssl == null ? plain : ssl);
            throw e;
        } catch (IOException e) { // SSLException, or the connection reset under the handshake
            closeQuietly(ssl == null ? plain : ssl);
            throw TlsFailureLine.failure(plain.classify(e), tls.host(), tls.port(), e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the handshake failed; nothing to say goodbye to
        }
    }
}
