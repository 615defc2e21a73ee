package org.gpkg311.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.gpkg311.pipeline.RunListener;
import org.gpkg311.sample.SampleCity;

/** The sample city the CLI runs on by default: written on first use, then reused. */
final class SampleFolder {

    private SampleFolder() {}

    /** Writes the sample city (default seed) into {@code dir} unless it already holds one. */
    static Path ensure(Path dir, RunListener listener) throws IOException {
        if (!Files.isDirectory(dir.resolve("raw"))) {
            long t0 = System.nanoTime();
            SampleCity.write(dir, SampleCity.DEFAULT_SEED);
            listener.stage("sample", "write", Map.of("folder", dir), (System.nanoTime() - t0) / 1_000_000);
        }
        return dir;
    }
}
