package org.gpkg311.snapshot;

import java.io.IOException;

/** A serialised snapshot that this version cannot read: wrong magic, another format version, or damaged. */
public class SnapshotFormatException extends IOException {
    public SnapshotFormatException(String message) {
        super(message);
    }

    public SnapshotFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
