package org.gpkg311.functions;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports below the kernel's ephemeral range. A port taken from that range (bind to port 0) is ours
 * only while we hold it: once it is let go (the relay during an outage, a probed port before the emulator
 * binds it), any outgoing connection or {@code bind(0)} on the machine may get it, and binding it again
 * then fails with "Address already in use". Neither ever hands out a port outside the range.
 */
final class LoopbackPorts {

    private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LINUX_DEFAULT_LOW = 32768;
    private static final int LOWEST = 20_000;
    private static final int TRIES = 200;

    private LoopbackPorts() {
    }

    /** A listening socket on a port no other process is handed by the kernel; it may be closed and bound again. */
    static ServerSocket listen() throws IOException {
        int low = ephemeralLow();
        int from = low > LOWEST + 1000 ? LOWEST : 1024;
        if (low <= from) throw new IOException("no loopback port below the ephemeral range (" + RANGE + " starts at " + low + ")");
        BindException last = null;
        for (int i = 0; i < TRIES; i++) {
            try {
                return listen(ThreadLocalRandom.current().nextInt(from, low));
            } catch (BindException taken) {
                last = taken; // a service listens there: try another
            }
        }
        throw last;
    }

    /** A port that was free a moment ago, for a process that binds it itself (the Lambda emulator). */
    static int free() throws IOException {
        try (ServerSocket s = listen()) {
            return s.getLocalPort();
        }
    }

    static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true); // the relay's own closed connections (TIME_WAIT) must not block its return
        try {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** The first port of the ephemeral range (Linux's default where the file is absent). */
    static int ephemeralLow() throws IOException {
        if (!Files.isReadable(RANGE)) return LINUX_DEFAULT_LOW;
        // readAllLines, not readString: on JDK 25 readString of this procfs file returned its first byte only.
        return Integer.parseInt(Files.readAllLines(RANGE).get(0).trim().split("\\s+")[0]);
    }
}
