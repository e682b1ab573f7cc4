package org.wslab.handshake.jetty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Arrays;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.http.ResponseHeadParser;

/**
 * Our client handshake over a plain {@link Socket}: writes the request, reads until the response
 * head parses, and keeps the bytes that came after it (the first frames).
 */
final class RawSocketClient implements AutoCloseable {
    final Socket socket;
    ParseResult<ResponseHead> result;
    /** Bytes read after the response head. */
    byte[] leftover = new byte[0];

    RawSocketClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000); // a safety net against a hang, not an assertion
    }

    ResponseHead handshake(ClientHandshake hs) throws IOException {
        socket.getOutputStream().write(hs.requestBytes());
        socket.getOutputStream().flush();
        ResponseHeadParser parser = new ResponseHeadParser();
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[512];
        while (true) {
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("connection closed before the response head ended: " + result);
            }
            result = parser.feed(buf, 0, n);
            if (result instanceof ParseResult.Parsed<ResponseHead> p) {
                leftover = Arrays.copyOfRange(buf, p.consumed(), n);
                return p.head();
            }
            if (result instanceof ParseResult.Failed<ResponseHead> f) {
                throw new IOException(f.failure().toString());
            }
        }
    }

    /** Reads exactly {@code n} bytes, leftover first. */
    byte[] readExactly(int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int fromLeftover = Math.min(n, leftover.length);
        out.write(leftover, 0, fromLeftover);
        leftover = Arrays.copyOfRange(leftover, fromLeftover, leftover.length);
        InputStream in = socket.getInputStream();
        while (out.size() < n) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + out.size() + " of " + n + " bytes");
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
