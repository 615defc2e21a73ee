package org.gpkg311.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs Debian's GDAL tools (an independent GeoPackage reader); a missing GDAL fails the test, never skips it. */
final class Gdal {

    static final String PYTHON = "/usr/bin/python3";
    static final String VALIDATOR = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";

    record Result(int exit, String out, String err) {}

    private Gdal() {}

    /** validate_gpkg.py -v -k --extra --warning-as-error FILE */
    static Result validate(Path gpkg) throws IOException, InterruptedException {
        return run(PYTHON, VALIDATOR, "-v", "-k", "--extra", "--warning-as-error", gpkg.toString());
    }

    /** ogrinfo -ro -so -al FILE */
    static Result summary(Path gpkg) throws IOException, InterruptedException {
        return run("ogrinfo", "-ro", "-so", "-al", gpkg.toString());
    }

    static Result run(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("gdal-out", ".txt"), err = Files.createTempFile("gdal-err", ".txt");
        try {
            Process p;
            try {
                p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError(command[0] + " cannot run (apt-get install -y gdal-bin python3-gdal; .ci/run does this): " + e.getMessage(), e);
            }
            int exit = p.waitFor();
            return new Result(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
