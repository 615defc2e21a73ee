package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.gpkg311.ingest.LoopbackFeatureServer;
import org.gpkg311.ingest.RefusingPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gpkg311 ingest} against a loopback FeatureServer: the object's path on stdout, then generate reads it; exit codes. */
class IngestCommandTest {

    @TempDir
    Path dir;

    record Outcome(int exit, String out, String err) {}

    static synchronized Outcome run(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(new PrintWriter(err, true), args);
            return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void ingestPrintsTheObjectAndGenerateReadsIt() throws Exception {
        Path bucket = dir.resolve("bucket");
        try (var server = LoopbackFeatureServer.start(5_000, 3, Instant.parse("2025-08-01T00:00:00Z"), Instant.parse("2025-11-24T20:00:00Z"), 2000)) {
            Outcome o = run("ingest", "--service", server.layerUrl(), "--output", bucket.toString(), "--as-of", "2025-11-24T23:59:59Z",
                    "--work-dir", dir.resolve("work").toString());
            assertEquals(0, o.exit(), o.err());
            long expected = server.rowsOpenedSince(Instant.parse("2025-08-17T00:00:00Z"));
            Path object = Path.of(o.out().strip());
            assertTrue(Files.isRegularFile(object), o.out());
            assertTrue(object.startsWith(bucket.resolve("raw/311")), object.toString());
            assertTrue(object.getFileName().toString().matches("nashville-2025-08-17_2025-11-24-\\d{8}T\\d{6}Z\\.json\\.gz"), object.toString());
            // progress: the count, then one line per page (ceil(expected / 2000) pages)
            assertTrue(o.err().contains("count     " + expected + " rows for Date_Time_Opened >= TIMESTAMP '2025-08-17 00:00:00'"), o.err());
            assertEquals((expected + 1999) / 2000, o.err().lines().filter(l -> l.contains(" page ")).count(), o.err());

            Outcome again = run("ingest", "--service", server.layerUrl(), "--output", bucket.toString(), "--as-of", "2025-11-24T23:59:59Z");
            assertEquals(0, again.exit(), again.err());
            assertEquals("", again.out());
            assertTrue(again.err().contains("nothing written"), again.err());
        }
        Outcome g = run("generate", "--input", bucket.toString(), "--only", "serviceEfficiency", "--output", dir.resolve("out").toString(),
                "--work-dir", dir.resolve("tmp").toString());
        assertEquals(0, g.exit(), g.err());
        assertTrue(Files.isRegularFile(dir.resolve("out/serviceEfficiency/serviceEfficiency.gpkg")), g.out());
    }

    @Test
    void anErrorBodyExitsWith2AndOneLine() throws Exception {
        try (var server = LoopbackFeatureServer.start(5_000, 3, Instant.parse("2025-08-01T00:00:00Z"), Instant.parse("2025-11-24T20:00:00Z"), 2000)) {
            server.errorBodyOnPage(2);
            Outcome o = run("ingest", "--service", server.layerUrl(), "--output", dir.resolve("bucket").toString(),
                    "--as-of", "2025-11-24T23:59:59Z", "--backoff-ms", "5");
            assertEquals(2, o.exit(), o.err());
            String last = o.err().strip().lines().reduce((a, b) -> b).orElse("");
            assertEquals("gpkg311: error: page 2 at offset 2000: the service answered with error 500 Error performing query operation", last);
            assertEquals("", o.out());
            assertFalse(Files.exists(dir.resolve("bucket/raw")));
        }
    }

    @Test
    void anUnreachableServiceExitsWith3() throws Exception {
        Outcome o;
        try (RefusingPort nobody = new RefusingPort()) {
            o = run("ingest", "--service", nobody.url("/arcgis/rest/services/x/FeatureServer/0"),
                    "--output", dir.resolve("bucket").toString(), "--attempts", "2", "--backoff-ms", "5");
        }
        assertEquals(3, o.exit(), o.err());
        assertTrue(o.err().strip().startsWith("gpkg311: error: layer description (?f=json): cannot connect"), o.err());
        assertFalse(o.err().strip().contains("\n"), o.err());
    }
}
