package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gpkg311.generator.Generators;
import org.gpkg311.pipeline.WorkFolders;
import org.junit.jupiter.api.Test;

/**
 * Spec "Sample data says so": a run on the synthetic sample city writes "synthetic sample data, not real
 * requests" into the provenance, every layer's description and the preview map; a run on the same rows under
 * other file names (as a real export would be named) says it nowhere.
 */
class SampleNoticeTest {

    static final String WORDS = "synthetic sample data, not real requests";

    @Test
    void everySampleFileSaysItInItsProvenanceLayersAndPreview() throws Exception {
        SampleRun.ensure();
        for (String name : Generators.names()) {
            Path gpkg = SampleRun.gpkg(name);
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + gpkg)) {
                assertTrue(lower(strings(db, "SELECT metadata FROM gpkg_metadata")).contains(WORDS), name + ": provenance");
                List<String> descriptions = strings(db, "SELECT description FROM gpkg_contents WHERE data_type = 'features'");
                assertFalse(descriptions.isEmpty(), name);
                for (String d : descriptions) assertTrue(d.toLowerCase(Locale.ROOT).startsWith(WORDS), name + ": layer description " + d);
            }
            String svg = Files.readString(gpkg.resolveSibling(name + ".svg"), StandardCharsets.UTF_8);
            assertTrue(svg.toLowerCase(Locale.ROOT).contains(WORDS), name + ": preview");
        }
    }

    @Test
    void theSameRowsUnderOtherNamesAreNotCalledSynthetic() throws Exception {
        SampleRun.ensure();
        Path dir = Path.of("target", "not-sample").toAbsolutePath();
        WorkFolders.delete(dir);
        Path in = dir.resolve("in"), out = dir.resolve("out");
        Files.createDirectories(in.resolve("raw/311"));
        Files.createDirectories(in.resolve("reference"));
        try (var files = Files.list(SampleRun.SAMPLE.resolve("raw/311"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, in.resolve("raw/311").resolve(f.getFileName().toString().replace("-311-sample-", "-export-")));
            }
        }
        Files.copy(SampleRun.SAMPLE.resolve("reference/council-districts.geojson"), in.resolve("reference/council-districts.geojson"));
        String name = "temporalPatterns";
        int exit = Main.run("generate", "--only", name, "--input", in.toString(), "--output", out.toString(),
                "--work-dir", dir.resolve("work").toString());
        assertEquals(0, exit);
        Path gpkg = out.resolve(name).resolve(name + ".gpkg");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + gpkg)) {
            String all = lower(strings(db, "SELECT metadata FROM gpkg_metadata")) + lower(strings(db, "SELECT description FROM gpkg_contents"));
            assertFalse(all.contains("synthetic"), "a run on real-looking exports says nothing of sample data");
        }
        assertFalse(Files.readString(gpkg.resolveSibling(name + ".svg")).toLowerCase(Locale.ROOT).contains("synthetic"));
        WorkFolders.delete(dir);
    }

    private static String lower(List<String> values) {
        return String.join("\n", values).toLowerCase(Locale.ROOT);
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
