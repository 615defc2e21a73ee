package org.gpkg311.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay the S3 outage tests stand on: it relays, goes down (refuses), and comes back on its own port. */
class TcpProxyTest {

    private ServerSocket echo;
    private TcpProxy proxy;
    private int port;

    /** An echo server on loopback and the relay in front of it. */
    @BeforeEach
    void relayInFrontOfAnEchoServer() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread echoing = new Thread(() -> echoAll(echo), "echo");
        echoing.setDaemon(true);
        echoing.start();
        proxy = new TcpProxy(URI.create("http://127.0.0.1:" + echo.getLocalPort()));
        port = proxy.endpoint().getPort();
    }

    @AfterEach
    void close() throws IOException {
        try {
            proxy.close();
        } finally {
            echo.close();
        }
    }

    @Test
    void stoppedItRefusesAtOnceAndStartedAgainAtOnceItRelays() throws Exception {
        // Back to back, as the outage tests do it; before the relay waited for its accepting thread, the
        // listener outlived stop() and start() failed with "Address already in use" within a few cycles.
        for (int i = 0; i < 300; i++) {
            proxy.stop();
            assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(), "cycle " + i);
            proxy.start();
        }
        assertEquals("after", roundTrip(port, "after"));
    }

    @Test
    void theRelayGoesDownAndComesBackOnAPortTheKernelNeverHandsOut() throws Exception {
        int ephemeralLow = Integer.parseInt(java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                .get(0).trim().split("\\s+")[0]);
        assertTrue(port < ephemeralLow, port + " is below the ephemeral range starting at " + ephemeralLow);
        assertEquals("one", roundTrip(port, "one"));

        proxy.stop();
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        proxy.start(); // at once: the old listener must be gone, not still closing
        assertEquals("again", roundTrip(port, "again"));
        proxy.stop();
        // While it is down, outgoing connections take ephemeral ports; none of them is the relay's.
        List<Socket> outgoing = new ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), echo.getLocalPort());
                outgoing.add(s);
                assertTrue(s.getLocalPort() != port);
            }
            proxy.start();
            assertEquals(port, proxy.endpoint().getPort());
            assertEquals("two", roundTrip(port, "two"));
        } finally {
            for (Socket s : outgoing) s.close();
        }
    }

    private static String roundTrip(int port, String text) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            byte[] sent = text.getBytes(StandardCharsets.US_ASCII);
            s.getOutputStream().write(sent);
            s.getOutputStream().flush();
            byte[] back = s.getInputStream().readNBytes(sent.length);
            assertArrayEquals(sent, back);
            return new String(back, StandardCharsets.US_ASCII);
        }
    }

    private static void echoAll(ServerSocket echo) {
        while (!echo.isClosed()) {
            try {
                Socket c = echo.accept();
                Thread t = new Thread(() -> {
                    try (c; InputStream in = c.getInputStream(); OutputStream out = c.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException ignored) {
                        // the test's side went away
                    }
                }, "echo-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }
}
