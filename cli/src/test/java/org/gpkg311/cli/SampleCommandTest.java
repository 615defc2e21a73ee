package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gpkg311 sample`: the default city unchanged, `--requests` scaling it, a too-small size refused in one line. */
class SampleCommandTest {

    /** Rows and requests in the window of the default sample (wc -l and Python's csv; snapshot), see SampleCityScaleTest. */
    static final int DEFAULT_ROWS = 66_312, DEFAULT_IN_WINDOW = 48_661;

    @TempDir
    Path dir;

    @Test
    void withoutRequestsTheDefaultCityIsWrittenByteForByte() throws Exception {
        Path out = dir.resolve("default");
        assertEquals(0, Main.run("sample", "--output", out.toString()));
        // sha256sum of the file written by `gpkg311 sample` (pinned in SampleCityScaleTest, which says when and why)
        assertEquals("c79d29ce8ef23bfeba90cbe7acac3bf29fb556322e116b568d2a267aa5946016",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(out.resolve("raw/311/hubnashville-311-sample-1.csv")))));
        assertEquals(DEFAULT_ROWS, rows(out));
    }

    @Test
    void requestsScaleTheRowsInProportion() throws Exception {
        Path out = dir.resolve("small");
        assertEquals(0, Main.run("sample", "--requests", "12000", "--output", out.toString()));
        double expected = DEFAULT_ROWS * 12_000.0 / DEFAULT_IN_WINDOW;
        int rows = rows(out);
        assertTrue(Math.abs(rows - expected) < 0.03 * expected, rows + " rows, expected about " + Math.round(expected));
    }

    @Test
    void tooFewRequestsAreRefusedInOneLine() {
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(err, true), "sample", "--requests", "10", "--output", dir.resolve("x").toString());
        assertEquals(ErrorReporter.BAD_INPUT, exit);
        assertEquals("gpkg311: error: --requests must be at least 1000, got 10", err.toString().strip());
    }

    /** Data rows of the three export files (header lines not counted). */
    private static int rows(Path city) throws IOException {
        int rows = 0;
        for (String name : new String[] {"hubnashville-311-sample-1.csv", "hubnashville-311-sample-2.csv", "hubnashville-311-sample-3.csv.gz"}) {
            Path p = city.resolve("raw/311").resolve(name);
            try (InputStream raw = Files.newInputStream(p);
                 InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                while (r.readLine() != null) rows++;
            }
            rows--;
        }
        return rows;
    }
}
