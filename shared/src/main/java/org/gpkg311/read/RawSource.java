package org.gpkg311.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A named raw input object that can be opened for reading (a local file, an S3 object, a test string). */
public record RawSource(String name, Opener opener) {

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
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
