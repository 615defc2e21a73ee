package org.gpkg311.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port on which nothing listens, held for as long as this is open: a socket is bound to it but
 * neither listens nor connects, so a connection to it is refused and no other socket can take the port
 * meanwhile. (A server socket bound to port 0 and closed again leaves the port free for anyone.)
 */
public final class RefusingPort implements AutoCloseable {

    private final Socket holder = new Socket();

    public RefusingPort() throws IOException {
        holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** {@code http://127.0.0.1:<port><path>} */
    public String url(String path) {
        return "http://127.0.0.1:" + holder.getLocalPort() + path;
    }

    @Override
    public void close() throws IOException {
        holder.close();
    }
}
