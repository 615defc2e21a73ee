package org.gpkg311.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A named raw input object that can be opened for reading (a local file, an S3 object, a test string), or a
 * listed object the run does not read: then {@code skipped} says why, and the data-quality report names it.
 */
public record RawSource(String name, Opener opener, String skipped) {

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public RawSource(String name, Opener opener) {
        this(name, opener, null);
    }

    /** A listed object that is not read, e.g. a key that is not a clean relative key. */
    public static RawSource skipped(String name, String why) {
        return new RawSource(name, () -> {
            throw new IOException(name + " is skipped (" + why + ") and cannot be opened");
        }, why);
    }

    public boolean isSkipped() {
        return skipped != null;
    }

    /** The data-quality note that names a skipped object. */
    public String skipNote() {
        return "object skipped, " + skipped + ": " + name;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }

    public static RawSource of(Path file) {
        return new RawSource(file.toString(), () -> Files.newInputStream(file));
    }

    public static RawSource of(String name, byte[] bytes) {
        return new RawSource(name, () -> new java.io.ByteArrayInputStream(bytes));
    }
}
