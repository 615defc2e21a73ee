package org.gpkg311.read;

import java.util.Locale;

/** Hears how far a long read has got, every {@link BoundedInput#PROGRESS_STEP} bytes of (uncompressed) input. */
@FunctionalInterface
public interface ReadProgress {

    /**
     * @param source the object being read
     * @param bytes  bytes read from it so far, after decompression
     * @param line   the line (CSV) or feature (JSON) reached
     */
    void reading(String source, long bytes, long line);

    /** One line on stderr per step: a short read prints nothing, a long one shows that it is moving. */
    ReadProgress STDERR = (source, bytes, line) -> System.err.printf(Locale.ROOT,
            "gpkg311: reading %s: %d MiB so far (line %d)%n", source, bytes >> 20, line);

    ReadProgress SILENT = (source, bytes, line) -> { };
}
