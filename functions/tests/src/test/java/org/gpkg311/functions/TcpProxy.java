package org.gpkg311.functions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of LocalStack that can go down and come back on the same port: while it is
 * down every open connection is reset and new ones are refused, exactly what a client sees of a stopped S3
 * endpoint, while LocalStack keeps its state (LocalStack 4.14 community does not persist state across a real
 * restart: PERSISTENCE=1 came back with NoSuchBucket when tried).
 */
final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private Thread acceptor;

    TcpProxy(URI target) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        // A port below the ephemeral range, so that no outgoing connection can take it while the relay is down.
        ServerSocket s = LoopbackPorts.listen();
        this.port = s.getLocalPort();
        accepting(s);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The endpoint comes back on the same port after {@link #stop}. */
    synchronized void start() throws IOException {
        if (!server.isClosed()) return; // still up (e.g. a test failed before it stopped it): keep that failure visible
        accepting(LoopbackPorts.listen(port));
    }

    private void accepting(ServerSocket s) {
        server = s;
        acceptor = new Thread(() -> accept(s), "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * The endpoint goes away: the listening socket closes and every relayed connection is cut. When this
     * returns the port is really free. The JDK releases a socket that a thread is blocked accepting on only
     * once that thread has woken, so until then the kernel still listens: a connect right after close()
     * succeeded, and a start() right after it failed with "Address already in use" (the CI failure of
     * PublicationLoopbackTest; 2,000 stop/start cycles reproduce it at once). Hence the wait for the
     * accepting thread.
     */
    void stop() throws IOException {
        Thread waitFor;
        synchronized (this) {
            server.close();
            for (Socket c : open) {
                try {
                    c.setSoLinger(true, 0); // RST, as from a process that died
                    c.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
            open.clear();
            waitFor = acceptor;
        }
        try {
            waitFor.join(10_000); // outside the lock: the accepting thread takes it for a just-accepted connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the relay stopped", e);
        }
        if (waitFor.isAlive()) throw new IOException("the relay's accepting thread did not stop");
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                synchronized (this) {
                    // Accepted just before stop(): this connection must not outlive the outage either.
                    if (s.isClosed()) {
                        client.setSoLinger(true, 0);
                        client.close();
                        upstream.close();
                        continue;
                    }
                    open.add(client);
                    open.add(upstream);
                }
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // closed by stop(), or LocalStack refused: the client sees a reset
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // one side went away
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
