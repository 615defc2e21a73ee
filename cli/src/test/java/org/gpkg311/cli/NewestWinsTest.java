package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gpkg311.sample.SampleCity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Newest wins in an output folder: a run of an earlier as-of over a later set is refused (exit 2) and changes nothing. */
class NewestWinsTest {

    @TempDir
    Path dir;

    @Test
    void anOlderRunOverANewerSetPublishesNothing() throws Exception {
        Path sample = dir.resolve("sample");
        SampleCity.write(sample, SampleCity.DEFAULT_SEED);
        Path out = dir.resolve("out");
        List<String> only = List.of("trendDirection");
        assertEquals(0, Main.run("generate", "--input", sample.toString(), "--output", out.toString(),
                "--work-dir", dir.resolve("work").toString(), "--only", only.get(0)));
        String newer = PublishedSet.assertOneCompleteSet(out, only);
        Map<String, String> before = PublishedSet.digests(out);

        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(err, true), "generate", "--input", sample.toString(), "--output", out.toString(),
                "--work-dir", dir.resolve("work").toString(), "--only", only.get(0), "--as-of", "2025-11-10T23:59:59Z");

        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("not published") && err.toString().contains(newer), err.toString());
        assertEquals(before, PublishedSet.digests(out), "the newer set is byte-identical, no staging left");
    }
}
