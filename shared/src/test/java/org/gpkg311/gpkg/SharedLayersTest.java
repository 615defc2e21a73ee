package org.gpkg311.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * A layer that extends a base layer, written by copying the base's rows and R-tree from the shared file,
 * holds exactly what the same layer built as a plain table and bound row by row holds: every table of the
 * file, cell by cell with its SQLite storage class, the R-tree's shadow tables included.
 */
class SharedLayersTest {

    @TempDir
    Path dir;

    private static final List<Column> OWN = List.of(
            Column.text("category", "Category", "A label per point."),
            Column.real("score", "Score", "A score per point."),
            Column.bool("flagged", "Flagged", "A flag per point."));

    @Test
    void copiedBaseRowsEqualRowsBoundOneByOne() throws Exception {
        Table base = Fixtures.requests();
        Table extended = Table.extending(base, "fixtureRequests", base.description(), OWN);
        fillOwn(extended);
        Table plain = plainCopy(base, extended);

        Path shared = dir.resolve("shared.gpkg"), direct = dir.resolve("direct.gpkg");
        try (SharedLayers layers = new SharedLayers(dir.resolve("base"))) {
            GeoPackageWriter.write(shared, Fixtures.GENERATOR, List.of(Fixtures.districts(), extended), Fixtures.provenance(), List.of(), layers);
        }
        GeoPackageWriter.write(direct, Fixtures.GENERATOR, List.of(Fixtures.districts(), plain), Fixtures.provenance());

        assertSameTables(direct, shared);
        GeoPackageCheck.verify(shared, List.of(Fixtures.districts(), extended));
        assertFalse(Files.exists(dir.resolve("base")), "closing removes the base files and their folder");
    }

    @Test
    void aDeepRtreeAndNoOwnColumnsAreCopiedAsPackedHere() throws Exception {
        // 5,000 points: three R-tree levels at 4 KiB pages (51 cells a node), so inner nodes and parents are copied too
        Table base = new Table("points", GeometryKind.POINT, "Random points.", List.of(Column.integer("n", "N", "Point number.")));
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 5000; i++) {
            base.addRow(Fixtures.GEOMETRY.createPoint(new Coordinate(-87 + rnd.nextDouble(), 36 + rnd.nextDouble()))).set("n", i);
        }
        Table bare = Table.extending(base, "fixtureBare", "No own columns.", List.of());
        Table withOwn = Table.extending(base, "fixturePoints", "Own columns.", OWN);
        fillOwn(withOwn);

        Path shared = dir.resolve("shared.gpkg"), direct = dir.resolve("direct.gpkg");
        try (SharedLayers layers = new SharedLayers(dir.resolve("base"))) {
            GeoPackageWriter.write(shared, Fixtures.GENERATOR, List.of(bare, withOwn), Fixtures.provenance(), List.of(), layers);
        }
        GeoPackageWriter.write(direct, Fixtures.GENERATOR, List.of(plainCopy(base, bare), plainCopy(base, withOwn)), Fixtures.provenance());
        assertSameTables(direct, shared);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + shared); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM \"rtree_fixturePoints_geom_parent\"")) {
            rs.next();
            // 5000 leaves' cells in ceil(5000/51) = 99 leaf nodes under ceil(99/51) = 2 inner nodes under the root
            assertEquals(99 + 2, rs.getInt(1));
        }
    }

    @Test
    void filesWrittenAtOnceShareOneBaseFile() throws Exception {
        Table base = Fixtures.requests();
        Path folder = dir.resolve("base");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SharedLayers layers = new SharedLayers(folder)) {
            List<Future<Path>> files = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int k = i;
                files.add(pool.submit(() -> {
                    Table t = Table.extending(base, "fixtureRequests", "File " + k, OWN);
                    fillOwn(t);
                    Path file = dir.resolve("f" + k + ".gpkg");
                    GeoPackageWriter.write(file, Fixtures.GENERATOR, List.of(t), Fixtures.provenance(), List.of(), layers);
                    GeoPackageCheck.verify(file, List.of(t));
                    return file;
                }));
            }
            for (Future<Path> f : files) assertTrue(Files.size(f.get()) > 0);
            try (var entries = Files.list(folder)) {
                assertEquals(1, entries.count(), "one base file for eight files");
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(Files.exists(folder));
    }

    /* The base file cannot be written (its folder is gone, so SQLite cannot create it): every file that needs it
       fails, each with an exception of its own that names the base file (a run collects them as suppressed,
       and one object cannot suppress itself), and no GeoPackage is left behind. */
    @Test
    void aBaseFileThatCannotBeWrittenFailsEveryFileWithItsOwnError() throws Exception {
        Table base = Fixtures.requests();
        Path folder = dir.resolve("base");
        try (SharedLayers layers = new SharedLayers(folder)) {
            Files.delete(folder);
            List<IOException> errors = new ArrayList<>();
            for (String name : List.of("a.gpkg", "b.gpkg")) {
                Table t = Table.extending(base, "fixtureRequests", "x", OWN);
                errors.add(assertThrows(IOException.class, () -> GeoPackageWriter.write(dir.resolve(name), Fixtures.GENERATOR,
                        List.of(t), Fixtures.provenance(), List.of(), layers)));
                assertFalse(Files.exists(dir.resolve(name)), name);
            }
            assertNotSame(errors.get(0), errors.get(1));
            assertSame(errors.get(0).getCause(), errors.get(1).getCause(), "the base file was tried once");
            for (IOException e : errors) {
                assertTrue(e.getMessage().startsWith("writing the shared rows of fixtureRequests to " + folder.resolve("fixtureRequests-1.sqlite")),
                        e.getMessage());
            }
            Files.createDirectories(folder); // for close, which removes it
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no file, temporary or not, is left");
        }
    }

    @Test
    void theBaseColumnsOfAnExtendingLayerAreReadOnly() {
        Table base = Fixtures.requests();
        Table t = Table.extending(base, "fixtureRequests", "x", OWN);
        assertEquals("REQ-1", t.get(0, "requestId"));
        assertThrows(IllegalStateException.class, () -> t.row(0).set("requestId", "other"));
        assertThrows(IllegalStateException.class, () -> t.set(0, 0, "other"));
        assertThrows(IllegalStateException.class, () -> t.addRow(Fixtures.point(0)));
        t.row(0).set("category", "A");
        assertEquals("A", t.get(0, "category"));
    }

    /** Own values with NULLs, a unicode text, and a value on every third row only. */
    private static void fillOwn(Table t) {
        for (int r = 0; r < t.rowCount(); r++) {
            if (r % 3 == 1) continue;
            t.row(r).set("category", r % 2 == 0 ? "Hot spot · 99%" : "Kälte ✓").set("score", r * 0.1).set("flagged", r % 2 == 0);
        }
    }

    /** The same layer as a plain table: every value set one by one from the two tables' cells. */
    private static Table plainCopy(Table base, Table extended) {
        Table plain = new Table(extended.name(), base.geometryKind(), extended.description(), extended.columns());
        for (int r = 0; r < base.rowCount(); r++) {
            Table.Row row = plain.addRow(base.geometry(r));
            for (Column col : extended.columns()) row.set(col.name(), extended.get(r, col.name()));
        }
        return plain;
    }

    private static void assertSameTables(Path expected, Path actual) throws SQLException {
        assertEquals(dump(expected), dump(actual));
    }

    /** Every table's rows (by rowid), each cell as its storage class and value; the schema's SQL first. */
    private static List<String> dump(Path file) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT type, name, sql FROM sqlite_master ORDER BY name")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                    if (rs.getString(1).equals("table") && !rs.getString(2).startsWith("sqlite_")) tables.add(rs.getString(2));
                }
            }
            for (String t : tables) {
                try (Statement q = c.createStatement();
                     ResultSet rs = q.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY rowid")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(t);
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            row.append(" | ").append(v == null ? "null" : v.getClass().getSimpleName() + ":"
                                    + (v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v));
                        }
                        out.add(row.toString());
                    }
                }
            }
        }
        return out;
    }
}
