package org.gpkg311.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** GDAL's ogr2ogr as an independent writer of test inputs; a missing GDAL fails the test (CI installs it). */
public final class Ogr2ogr {

    private Ogr2ogr() {
    }

    /** Runs {@code ogr2ogr -q args…} in {@code dir}. */
    public static void run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-q"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "ogr2ogr " + cmd + ": " + out);
    }
}
