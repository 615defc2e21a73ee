package org.gpkg311.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDAL (Debian's gdal-bin and python3-gdal, an independent implementation) reads the written file. These
 * tests FAIL when GDAL is missing: .ci/run installs it, and a skipped reader would prove nothing.
 */
class GdalReaderTest {

    static final String PYTHON = "/usr/bin/python3";
    static final String VALIDATOR = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";

    @TempDir
    static Path dir;
    static Path file;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void write() throws IOException {
        file = dir.resolve("fixture.gpkg");
        GeoPackageWriter.write(file, Fixtures.GENERATOR, Fixtures.layers(), Fixtures.provenance());
    }

    @Test
    void validatorAcceptsTheFileWithoutAnyWarning() throws Exception {
        assertTrue(Files.isRegularFile(Path.of(VALIDATOR)),
                "GDAL's validate_gpkg.py is missing: apt-get install -y gdal-bin python3-gdal (.ci/run does this)");
        // -k: report every problem, --extra: also check cell contents against the declared types,
        // --warning-as-error: a warning fails the run
        Run run = run(PYTHON, VALIDATOR, "-v", "-k", "--extra", "--warning-as-error", file.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("Checking vector user table fixtureRequests"), run.out());
        assertTrue(run.out().contains("Checking attributes table fixtureRunInfo"), run.out());
        assertFalse(run.out().toLowerCase(Locale.ROOT).contains("warning"), run.out());
        assertFalse(run.out().contains("Req "), run.out());
        assertEquals("", run.err().strip());
    }

    @Test
    void validatorRejectsABrokenFile() throws Exception {
        // the check above can fail: a file whose application_id is wrong is refused
        Path broken = dir.resolve("broken.gpkg");
        Files.copy(file, broken);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + broken); var s = c.createStatement()) {
            s.execute("PRAGMA application_id = 0");
        }
        Run run = run(PYTHON, VALIDATOR, "-k", broken.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("Wrong application_id"), run.out());
    }

    @Test
    void ogrinfoShowsEveryLayerWithGeometryTypeCountAndExtent() throws Exception {
        Run run = run("ogrinfo", "-ro", "-so", "-al", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err().strip(), "GDAL printed warnings");
        List<String> summary = layerSummaries(run.out());
        // extents as GDAL prints them (%f) from the fixture literals -86.9123456789 35.9500000007 -86.6000000003 36.2500000001
        assertEquals(List.of(
                "fixtureDistricts | Multi Polygon | 3 | (-86.912346, 35.950000) - (-86.600000, 36.250000)",
                "fixtureRequests | Point | 5 | (-86.880000, 35.980000) - (-86.612346, 36.240000)",
                "fixtureLookup | None | 2 | -",
                "fixtureRunInfo | None | 6 | -"), summary);
        assertTrue(run.out().contains("DESCRIPTION=Fixture districts. One row per council district."), run.out());
        assertTrue(run.out().contains("lastRequestAt: DateTime"), run.out());
        assertTrue(run.out().contains("hasRequests: Integer(Boolean)"), run.out());
        assertTrue(run.out().contains("ID[\"EPSG\",4326]"), run.out());
        assertTrue(run.out().contains("\"key\" : \"quartileCut1\""), "provenance in the metadata extension: " + run.out());
    }

    @Test
    void ogrinfoReadsValuesNullsAndGeometries() throws Exception {
        Run run = run("ogrinfo", "-ro", "-q", file.toString(), "fixtureRequests", "-where", "fid IN (2, 5)");
        assertEquals(0, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.contains("address (String) = Café “Zoë”, 12 Ünter den Linden, 東京"), out);
        assertTrue(out.contains("openedAt (DateTime) = 2025/11/02 23:59:59.999+00"), out);
        assertTrue(out.contains("isOpen (Integer(Boolean)) = 1"), out);
        assertTrue(out.contains("POINT (-86.75 36.2400000009)"), out);
        // fid 5: every attribute NULL
        String nulls = out.substring(out.indexOf("OGRFeature(fixtureRequests):5"));
        assertEquals(7, nulls.split("= \\(null\\)", -1).length - 1, nulls);

        Run district = run("ogrinfo", "-ro", "-q", file.toString(), "fixtureDistricts", "-where", "fid = 2");
        assertTrue(district.out().contains("districtName (String) = Ünïcödé – Straße ✓ 東京"), district.out());
        assertTrue(district.out().contains("MULTIPOLYGON (((-86.8 36.1,-86.7 36.1,-86.7 36.2500000001,-86.8 36.2500000001,-86.8 36.1),"
                + "(-86.78 36.12,-86.72 36.12,-86.72 36.2,-86.78 36.2,-86.78 36.12)),((-86.65 36.0,-86.6000000003 36.0,-86.6000000003 36.05,-86.65 36.0)))"),
                district.out());
    }

    @Test
    void spatialFilterThroughTheRtreeFindsOneDistrict() throws Exception {
        Run run = run("ogrinfo", "-ro", "-q", "-spat", "-86.86", "36.14", "-86.84", "36.16", file.toString(), "fixtureDistricts");
        assertEquals(0, run.exit(), run.err());
        assertEquals(1, run.out().split("OGRFeature\\(", -1).length - 1, run.out());
        assertTrue(run.out().contains("districtName (String) = Downtown"), run.out());
    }

    @Test
    void gdalsSqliteQueriesAMultiLevelPackedRtree() throws Exception {
        // 5000 points: 99 leaves, 2 internal nodes and a root, read by Debian's SQLite inside GDAL
        java.util.Random r = new java.util.Random(21);
        org.gpkg311.table.Table many = new org.gpkg311.table.Table("manyPoints", org.gpkg311.table.GeometryKind.POINT, "Many points.",
                List.of(org.gpkg311.table.Column.integer("n", "N", "Row number.")));
        double minX = -86.8, minY = 36.0, maxX = -86.6, maxY = 36.2;
        double[][] xy = new double[5000][];
        for (int i = 0; i < xy.length; i++) {
            do {
                xy[i] = new double[] {-87 + 0.6 * r.nextDouble(), 35.9 + 0.5 * r.nextDouble()};
            } while (nearEdge(xy[i], minX, minY, maxX, maxY));
            many.addRow(Fixtures.GEOMETRY.createPoint(new org.locationtech.jts.geom.Coordinate(xy[i][0], xy[i][1]))).set("n", i);
        }
        Path big = dir.resolve("many.gpkg");
        GeoPackageWriter.write(big, "many", List.of(many), new org.gpkg311.provenance.Provenance());
        Run valid = run(PYTHON, VALIDATOR, "-k", "--extra", "--warning-as-error", big.toString());
        assertEquals(0, valid.exit(), valid.out() + valid.err());
        // count in the window by brute force here (no point lies within float rounding of an edge)
        long expected = java.util.Arrays.stream(xy).filter(p -> p[0] >= minX && p[0] <= maxX && p[1] >= minY && p[1] <= maxY).count();
        Run spat = run("ogrinfo", "-ro", "-so", "-spat", "" + minX, "" + minY, "" + maxX, "" + maxY, big.toString(), "manyPoints");
        assertEquals(0, spat.exit(), spat.err());
        assertTrue(spat.out().contains("Feature Count: " + expected), "expected " + expected + ": " + spat.out());
        Run sql = run("ogrinfo", "-ro", "-q", big.toString(), "-sql", "SELECT count(*) AS c FROM rtree_manyPoints_geom WHERE minx <= " + maxX
                + " AND maxx >= " + minX + " AND miny <= " + maxY + " AND maxy >= " + minY);
        assertTrue(sql.out().contains("c (Integer) = " + expected), sql.out() + sql.err());
    }

    /** Within 1e-4 degrees (≫ one float32 step, 8e-6 here) of a window edge. */
    private static boolean nearEdge(double[] p, double minX, double minY, double maxX, double maxY) {
        return Math.abs(p[0] - minX) < 1e-4 || Math.abs(p[0] - maxX) < 1e-4 || Math.abs(p[1] - minY) < 1e-4 || Math.abs(p[1] - maxY) < 1e-4;
    }

    /** "name | geometry | count | extent" per layer from {@code ogrinfo -so -al}. */
    static List<String> layerSummaries(String out) {
        List<String> layers = new ArrayList<>();
        String name = null, geometry = null, count = null, extent = "-";
        for (String line : out.split("\n")) {
            if (line.startsWith("Layer name: ")) {
                if (name != null) layers.add(name + " | " + geometry + " | " + count + " | " + extent);
                name = line.substring(12).strip();
                extent = "-";
            } else if (line.startsWith("Geometry: ")) {
                geometry = line.substring(10).strip();
            } else if (line.startsWith("Feature Count: ")) {
                count = line.substring(15).strip();
            } else if (line.startsWith("Extent: ")) {
                extent = line.substring(8).strip();
            }
        }
        if (name != null) layers.add(name + " | " + geometry + " | " + count + " | " + extent);
        return layers;
    }

    static Run run(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt"), err = Files.createTempFile(dir, "err", ".txt");
        Process p;
        try {
            p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " cannot run (GDAL missing? apt-get install -y gdal-bin python3-gdal): " + e.getMessage(), e);
        }
        int exit = p.waitFor();
        return new Run(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
