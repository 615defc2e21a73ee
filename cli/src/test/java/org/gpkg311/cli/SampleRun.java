package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.gpkg311.pipeline.WorkFolders;
import org.gpkg311.sample.SampleCity;

/**
 * The README's main job on the sample city, run once per test JVM (it takes a few seconds) and shared
 * by the tests that read its outputs. Lives under target/ so that `mvn clean` removes it.
 */
final class SampleRun {

    static final Path DIR = Path.of("target", "sample-run").toAbsolutePath();
    static final Path SAMPLE = DIR.resolve("sample");
    static final Path OUT = DIR.resolve("out");
    static final Path WORK = DIR.resolve("work");
    private static boolean done;

    private SampleRun() {}

    static synchronized void ensure() throws IOException {
        if (done) return;
        WorkFolders.delete(DIR);
        SampleCity.write(SAMPLE, SampleCity.DEFAULT_SEED);
        int exit = Main.run("generate", "--input", SAMPLE.toString(), "--output", OUT.toString(), "--work-dir", WORK.toString());
        assertEquals(0, exit, "generate on the sample city");
        done = true;
    }

    static Path gpkg(String name) {
        return OUT.resolve(name).resolve(name + ".gpkg");
    }

    static Path json(String name) {
        return OUT.resolve(name).resolve(name + ".json");
    }

}
