package org.gpkg311.ingest;

import java.io.IOException;

/**
 * A pull that did not complete; nothing was written. The message is one line naming the request (the
 * page's offset) and the reason. {@link #network()} tells a service that could not be reached (no
 * answer, timeouts, resets) from one that answered wrongly (an error body, a malformed page, a count
 * that does not match).
 */
public final class PullFailedException extends IOException {

    private final boolean network;

    PullFailedException(String message, boolean network, Throwable cause) {
        super(message.replaceAll("\\s*\\R\\s*", " "), cause);
        this.network = network;
    }

    public boolean network() {
        return network;
    }
}
