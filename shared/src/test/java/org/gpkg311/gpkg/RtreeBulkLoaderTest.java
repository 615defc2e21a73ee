package org.gpkg311.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gpkg311.provenance.Provenance;
import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The packed R-tree checked by SQLite itself: rtreecheck and integrity_check accept the structure, a window
 * query through the tree finds exactly the entries a full scan finds, and SQLite's own insert and delete
 * algorithms keep working on it. Stored boxes are the tightest float32 boxes around the JTS envelopes.
 */
class RtreeBulkLoaderTest {

    @TempDir
    Path dir;
    Table points;
    Table polygons;

    /** {@code n} points (3000: 59 leaves of 51 cells, 2 internal nodes, a root) and 120 small polygons. */
    private Path write(int n) throws Exception {
        Random r = new Random(11);
        points = new Table("tPoints", GeometryKind.POINT, "Points.", List.of(Column.integer("n", "N", "Row number.")));
        for (int i = 0; i < n; i++) {
            points.addRow(Fixtures.GEOMETRY.createPoint(new Coordinate(-87 + 0.6 * r.nextDouble(), 35.9 + 0.5 * r.nextDouble()))).set("n", i);
        }
        points.addRow(Fixtures.GEOMETRY.createPoint()).set("n", -1); // stored, not indexed
        polygons = new Table("tPolygons", GeometryKind.POLYGON, "Polygons.", List.of());
        for (int i = 0; i < 120; i++) {
            double x = -87 + 0.6 * r.nextDouble(), y = 35.9 + 0.5 * r.nextDouble(), w = 0.01 * r.nextDouble(), h = 0.01 * r.nextDouble();
            polygons.addRow(Fixtures.GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + w, y),
                    new Coordinate(x + w, y + h), new Coordinate(x, y)}));
        }
        Path file = dir.resolve("t.gpkg");
        GeoPackageWriter.write(file, "t", List.of(points, polygons), new Provenance());
        return file;
    }

    @Test
    void sqliteAcceptsThePackedTree() throws Exception {
        Path file = write(3000);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals("ok", one(c, "SELECT rtreecheck('rtree_tPoints_geom')"));
            assertEquals("ok", one(c, "SELECT rtreecheck('rtree_tPolygons_geom')"));
            assertEquals("ok", one(c, "PRAGMA integrity_check"));
            byte[] root = (byte[]) one(c, "SELECT data FROM rtree_tPoints_geom_node WHERE nodeno = 1");
            assertEquals(2, ((root[0] & 0xFF) << 8) | (root[1] & 0xFF), "tree depth in the root");
            assertEquals(2, ((root[2] & 0xFF) << 8) | (root[3] & 0xFF), "cells in the root");
            assertEquals(62L, ((Number) one(c, "SELECT count(*) FROM rtree_tPoints_geom_node")).longValue());
            assertEquals(3000L, ((Number) one(c, "SELECT count(*) FROM rtree_tPoints_geom_rowid")).longValue());
            assertEquals(61L, ((Number) one(c, "SELECT count(*) FROM rtree_tPoints_geom_parent")).longValue());
        }
    }

    @Test
    void storedBoxesAreTheTightestFloatBoxesAroundTheEnvelopes() throws Exception {
        Path file = write(3000);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (Table t : List.of(points, polygons)) {
                List<List<Object>> stored = rows(c, "SELECT id, minx, maxx, miny, maxy FROM rtree_" + t.name() + "_geom ORDER BY id");
                int nonEmpty = 0;
                for (int i = 0; i < t.rowCount(); i++) if (!t.geometry(i).isEmpty()) nonEmpty++;
                assertEquals(nonEmpty, stored.size(), t.name());
                for (List<Object> s : stored) {
                    int row = ((Number) s.get(0)).intValue() - 1;
                    Envelope e = t.geometry(row).getEnvelopeInternal();
                    tight(e.getMinX(), (Double) s.get(1), true);
                    tight(e.getMaxX(), (Double) s.get(2), false);
                    tight(e.getMinY(), (Double) s.get(3), true);
                    tight(e.getMaxY(), (Double) s.get(4), false);
                }
            }
        }
    }

    /** A float bound around d: below (or above) it, and the next float towards d is past it. */
    private static void tight(double d, double stored, boolean lower) {
        float f = (float) stored;
        assertEquals(stored, (double) f, "stored value is a float");
        if (lower) {
            assertTrue(f <= d && Math.nextUp(f) > d, d + " -> " + f);
        } else {
            assertTrue(f >= d && Math.nextDown(f) < d, d + " -> " + f);
        }
    }

    @Test
    void windowQueriesFindWhatAFullScanFindsAlsoAfterSqliteEditsTheTree() throws Exception {
        Path file = write(3000);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            compareQueries(c, new Random(5));
            // SQLite's own insert (with node splits) and delete (with underflow handling) on the packed tree
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM rtree_tPoints_geom WHERE id % 3 = 0");
            }
            assertEquals(2000L, ((Number) one(c, "SELECT count(*) FROM rtree_tPoints_geom")).longValue());
            Random r = new Random(9);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO rtree_tPoints_geom VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 800; i++) {
                    double x = -87 + 0.6 * r.nextDouble(), y = 35.9 + 0.5 * r.nextDouble();
                    p.setLong(1, 10_000 + i);
                    p.setDouble(2, x);
                    p.setDouble(3, x);
                    p.setDouble(4, y);
                    p.setDouble(5, y);
                    p.executeUpdate();
                }
            }
            c.commit();
            assertEquals("ok", one(c, "SELECT rtreecheck('rtree_tPoints_geom')"));
            assertEquals(2800L, ((Number) one(c, "SELECT count(*) FROM rtree_tPoints_geom")).longValue());
            compareQueries(c, new Random(6));
        }
    }

    @Test
    void emptyLayerKeepsTheEmptyRootAndOneEntryIsALeafRoot() throws Exception {
        Path file = write(0);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(0L, ((Number) one(c, "SELECT count(*) FROM rtree_tPoints_geom")).longValue());
            assertEquals("ok", one(c, "SELECT rtreecheck('rtree_tPoints_geom')"));
        }
        file = write(1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(1L, ((Number) one(c, "SELECT count(*) FROM rtree_tPoints_geom")).longValue());
            assertEquals("ok", one(c, "SELECT rtreecheck('rtree_tPoints_geom')"));
        }
    }

    @Test
    void hilbertCurveFillsTheCornerBlockCellByCell() {
        // the first 16 positions of a Hilbert curve starting at (0, 0) fill the 4 × 4 corner block, each step to a neighbour
        long[][] at = new long[16][];
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                long d = RtreeBulkLoader.hilbert(x, y);
                assertTrue(d < 16, "(" + x + "," + y + ") -> " + d);
                at[(int) d] = new long[] {x, y};
            }
        }
        for (int d = 1; d < 16; d++) {
            assertEquals(1, Math.abs(at[d][0] - at[d - 1][0]) + Math.abs(at[d][1] - at[d - 1][1]), "step " + d);
        }
    }

    /** 200 random windows: the ids found through the tree's internal boxes equal those of a filter over a full scan. */
    private static void compareQueries(Connection c, Random r) throws SQLException {
        for (String t : List.of("rtree_tPoints_geom", "rtree_tPolygons_geom")) {
            List<List<Object>> all = rows(c, "SELECT id, minx, maxx, miny, maxy FROM " + t + " ORDER BY id");
            for (int q = 0; q < 200; q++) {
                double x = -87 + 0.6 * r.nextDouble(), y = 35.9 + 0.5 * r.nextDouble(), w = 0.1 * r.nextDouble(), h = 0.1 * r.nextDouble();
                List<Long> scan = new ArrayList<>();
                for (List<Object> e : all) {
                    if ((Double) e.get(1) <= x + w && (Double) e.get(2) >= x && (Double) e.get(3) <= y + h && (Double) e.get(4) >= y) {
                        scan.add(((Number) e.get(0)).longValue());
                    }
                }
                List<Long> indexed = new ArrayList<>();
                for (List<Object> row : rows(c, "SELECT id FROM " + t + " WHERE minx <= " + (x + w) + " AND maxx >= " + x
                        + " AND miny <= " + (y + h) + " AND maxy >= " + y + " ORDER BY id")) {
                    indexed.add(((Number) row.get(0)).longValue());
                }
                assertEquals(scan, indexed, t + " window " + x + " " + y + " " + w + " " + h);
            }
        }
    }

    private static Object one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<Object>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) row.add(rs.getObject(i));
                out.add(row);
            }
            return out;
        }
    }
}
