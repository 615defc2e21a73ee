package org.gpkg311.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.Generators;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.storage.LocalStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same 400 requests (src/test/resources/earlier, made by make_fixtures.py) once as the city's CSV export with
 * GeoJSON districts, once as the earlier pipeline's bucket (Parquet with float64-NaN dates and float districts, an
 * EPSG:2274 shapefile made by ogr2ogr): the real pipeline on both gives the same eleven GeoPackages.
 */
class EarlierPipelineLayoutTest {

    private static final CityProfile PROFILE = CityProfile.nashville();
    private static final Instant AS_OF = Instant.parse("2025-11-24T23:59:59Z");
    private static final Instant CLOCK = Instant.parse("2025-12-01T00:00:00Z");
    @TempDir
    Path dir;

    private static void copyResource(String resource, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = EarlierPipelineLayoutTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            Files.write(to, in.readAllBytes());
        }
    }

    private Path csvLayout() throws IOException {
        Path root = dir.resolve("csv");
        copyResource("/earlier/requests.csv", root.resolve("raw/311/requests.csv"));
        copyResource(Inputs.BUNDLED_DISTRICTS, root.resolve("reference/council-districts.geojson"));
        return root;
    }

    /** The earlier bucket; with {@code shapefile} false its districts are the GeoJSON under reference/ instead. */
    private Path earlierLayout(String name, boolean shapefile) throws Exception {
        Path root = dir.resolve(name);
        Path processed = root.resolve("processed-data");
        // an older file that must not be read: other rows, and the newest by LastModified although its name sorts last
        copyResource("/earlier/int-dates.parquet", processed.resolve("nashville311_last3months_2025-05-01_to_2025-08-01_x.parquet"));
        Files.setLastModifiedTime(processed.resolve("nashville311_last3months_2025-05-01_to_2025-08-01_x.parquet"),
                FileTime.from(Instant.parse("2025-08-02T00:00:00Z")));
        Path current = processed.resolve("nashville311_last3months_2025-08-25_to_2025-11-24_20251125.parquet");
        copyResource("/earlier/requests.parquet", current);
        Files.setLastModifiedTime(current, FileTime.from(Instant.parse("2025-11-25T06:00:00Z")));
        if (!shapefile) {
            copyResource(Inputs.BUNDLED_DISTRICTS, root.resolve("reference/council-districts.geojson"));
            return root;
        }
        Path boundaries = root.resolve("boundaries/nashvilleCouncilDistricts");
        Files.createDirectories(boundaries);
        Path gj = root.resolve("districts.geojson");
        copyResource(Inputs.BUNDLED_DISTRICTS, gj);
        org.gpkg311.testing.Ogr2ogr.run(boundaries, "-t_srs", "EPSG:2274",
                "nashvilleCouncilDistricts.shp", gj.toString());
        return root;
    }

    private Map<String, Path> run(Path input, String name) throws IOException {
        Inputs inputs = Inputs.resolve(List.of(input.toString()), null, PROFILE);
        Snapshot snapshot = Pipeline.prepare(inputs, PROFILE, AS_OF, CLOCK, "equivalence", RunListener.SILENT);
        Path out = dir.resolve("out-" + name);
        List<Generator> generators = Generators.all();
        List<Publication> published = Pipeline.publish(generators, snapshot, RunSettings.defaults(),
                new GeneratorRun(new LocalStorage(out), LAYOUT, dir.resolve("work-" + name), RunListener.SILENT), 2);
        assertEquals(11, published.size());
        Map<String, Path> files = new TreeMap<>(); // the staged files: what a commit would publish
        for (Generator g : generators) {
            files.put(g.name(), out.resolve(LAYOUT.stagedKey(snapshot.runId(), g.name(), PublicationLayout.GPKG)));
        }
        snapshots.put(name, snapshot);
        return files;
    }

    private static final PublicationLayout LAYOUT = PublicationLayout.folder();
    private final Map<String, Snapshot> snapshots = new TreeMap<>();

    /**
     * Three runs separate the two changes: CSV → Parquet must change nothing (every value to 1e-9 relative), and
     * GeoJSON → EPSG:2274 shapefile may move only what the projected vertices move (areas, centroids and what is
     * computed from them: 1e-6 relative). Together: CSV + GeoJSON and the earlier bucket agree to 1e-6, and every
     * value that does not depend on the polygons to 1e-9.
     */
    @Test
    void csvWithGeoJsonAndEarlierBucketGiveTheSameElevenFiles() throws Exception {
        Map<String, Path> fromCsv = run(csvLayout(), "csv");
        Map<String, Path> fromParquet = run(earlierLayout("parquet", false), "parquet");
        Map<String, Path> fromEarlier = run(earlierLayout("earlier", true), "earlier");

        Snapshot a = snapshots.get("csv"), b = snapshots.get("earlier");
        assertEquals(List.of(dir.resolve("earlier") + "/processed-data/"
                + "nashville311_last3months_2025-08-25_to_2025-11-24_20251125.parquet"), b.quality().sources());
        assertEquals(400, a.quality().rowsRead());
        for (Snapshot other : List.of(snapshots.get("parquet"), b)) {
            assertEquals(a.quality().rowsRead(), other.quality().rowsRead());
            assertEquals(a.quality().rowsAccepted(), other.quality().rowsAccepted());
            assertEquals(a.quality().rowsOutsideWindow(), other.quality().rowsOutsideWindow());
            assertEquals(a.quality().rejectedByReason(), other.quality().rejectedByReason());
            assertEquals(a.quality().notes(), other.quality().notes());
            assertEquals(a.requests(), other.requests(), "the same cleaned requests, district by district");
        }
        assertTrue(a.quality().rowsRejected() >= 10, "the NaN / blank open times are rejected: " + a.quality());
        assertEquals(35, b.districts().size());

        assertEquals(11, fromCsv.size());
        long exact = 0, moved = 0;
        for (String generator : fromCsv.keySet()) {
            exact += compareFiles(generator, fromCsv.get(generator), fromParquet.get(generator), 1e-9)[0];
            long[] shp = compareFiles(generator, fromParquet.get(generator), fromEarlier.get(generator), 1e-6);
            compareFiles(generator, fromCsv.get(generator), fromEarlier.get(generator), 1e-6);
            moved += shp[1];
        }
        assertTrue(exact > 5000, "values compared: " + exact);
        assertTrue(moved > 0, "the projection moves the areas a little");
    }

    @Test
    void rawObjectsWinOverTheEarlierLayoutAndAFolderWithoutParquetIsNotIt() throws Exception {
        Path root = earlierLayout("both", true);
        assertNotNull(EarlierPipelineLayout.find(new LocalStorage(root), PROFILE));
        copyResource("/earlier/requests.csv", root.resolve("raw/311/requests.csv"));
        Inputs inputs = Inputs.resolve(List.of(root.toString()), null, PROFILE);
        assertEquals(List.of(root + "/raw/311/requests.csv"), inputs.raw().stream().map(r -> r.name()).toList());
        assertNull(EarlierPipelineLayout.find(new LocalStorage(csvLayout()), PROFILE));
    }

    /** Every table of the two files, every column but the geometry blob; returns {values compared, beyond 1e-9}. */
    private static long[] compareFiles(String generator, Path a, Path b, double relative) throws SQLException {
        long compared = 0, beyond = 0;
        try (Connection ca = DriverManager.getConnection("jdbc:sqlite:" + a);
             Connection cb = DriverManager.getConnection("jdbc:sqlite:" + b)) {
            List<String> tables = tables(ca);
            assertEquals(tables, tables(cb), generator);
            assertFalse(tables.isEmpty(), generator);
            for (String table : tables) {
                List<List<Object>> ra = rows(ca, table), rb = rows(cb, table);
                List<String> columns = columns(ca, table);
                assertEquals(ra.size(), rb.size(), generator + "." + table + " rows");
                for (int r = 0; r < ra.size(); r++) {
                    if (table.endsWith("RunInfo") && namesTheInputs(ra.get(r))) {
                        assertEquals(ra.get(r).get(0), rb.get(r).get(0), generator + "." + table + " row " + r);
                        continue;
                    }
                    for (int c = 0; c < columns.size(); c++) {
                        Object va = ra.get(r).get(c), vb = rb.get(r).get(c);
                        String where = generator + "." + table + " row " + r + " column " + columns.get(c);
                        compared++;
                        assertSameValue(va, vb, relative, where);
                        if (!java.util.Objects.equals(va, vb) && !sameValue(va, vb, 1e-9)) beyond++;
                    }
                }
            }
        }
        return new long[] {compared, beyond};
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    /** Numbers, also those inside a text ("[0.14, 0.30]"), to a relative tolerance; anything else exactly. */
    private static void assertSameValue(Object va, Object vb, double relative, String where) {
        if (va instanceof Number na && vb instanceof Number nb) {
            assertNear(na.doubleValue(), nb.doubleValue(), relative, where);
            return;
        }
        if (!(va instanceof String ta && vb instanceof String tb)) {
            assertEquals(va, vb, where);
            return;
        }
        assertEquals(NUMBER.matcher(ta).replaceAll("#"), NUMBER.matcher(tb).replaceAll("#"), where);
        var ma = NUMBER.matcher(ta);
        var mb = NUMBER.matcher(tb);
        while (ma.find() && mb.find()) {
            assertNear(Double.parseDouble(ma.group()), Double.parseDouble(mb.group()), relative, where);
        }
    }

    private static boolean sameValue(Object va, Object vb, double relative) {
        try {
            assertSameValue(va, vb, relative, "");
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static void assertNear(double x, double y, double relative, String where) {
        if (Double.isNaN(x) && Double.isNaN(y)) return;
        assertEquals(x, y, relative * Math.max(Math.abs(x), Math.abs(y)), where);
    }

    /** A run-information row naming the input objects (or their digest), which differ by design. */
    private static boolean namesTheInputs(List<Object> row) {
        Object key = row.stream().filter(v -> v instanceof String).findFirst().orElse("");
        return INPUT_KEYS.matcher(key.toString()).matches();
    }

    private static final Pattern INPUT_KEYS = Pattern.compile("(?i)(sources|districtsSource|.*sha256.*|.*digest.*)");

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM gpkg_contents ORDER BY table_name")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static String geometryColumn(Connection c, String table) throws SQLException {
        try (var s = c.prepareStatement("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?")) {
            s.setString(1, table);
            ResultSet rs = s.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        String geometry = geometryColumn(c, table);
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\" LIMIT 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String name = md.getColumnName(i);
                if (!name.toLowerCase(Locale.ROOT).equals(geometry == null ? "" : geometry.toLowerCase(Locale.ROOT))) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private static List<List<Object>> rows(Connection c, String table) throws SQLException {
        List<String> columns = columns(c, table);
        String select = "SELECT " + String.join(", ", columns.stream().map(n -> "\"" + n + "\"").toList())
                + " FROM \"" + table + "\" ORDER BY rowid";
        List<List<Object>> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) row.add(rs.getObject(i));
                out.add(row);
            }
        }
        return out;
    }
}
