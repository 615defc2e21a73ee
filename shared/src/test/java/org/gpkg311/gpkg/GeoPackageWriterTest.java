package org.gpkg311.gpkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.gpkg311.provenance.Provenance;
import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written file read back with plain SQL: header, registrations, values, extents, index, atomic replace. */
class GeoPackageWriterTest {

    @TempDir
    Path dir;

    private Path written() throws IOException {
        Path file = dir.resolve("fixture.gpkg");
        GeoPackageWriter.write(file, Fixtures.GENERATOR, Fixtures.layers(), Fixtures.provenance());
        return file;
    }

    @Test
    void headerDeclaresGeoPackage12() throws Exception {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        // SQLite header: application_id at offset 68, user_version at offset 60, both big-endian
        assertArrayEquals(new byte[] {'G', 'P', 'K', 'G'}, Arrays.copyOfRange(bytes, 68, 72));
        assertEquals(10200, java.nio.ByteBuffer.wrap(bytes, 60, 4).getInt());
        assertEquals(List.of(List.of("ok")), query(file, "PRAGMA integrity_check"));
        assertEquals(List.of(), query(file, "PRAGMA foreign_key_check"));
        assertEquals(List.of(List.of("delete")), query(file, "PRAGMA journal_mode"), "a reader opening the file gets the default journal");
    }

    @Test
    void noJournalOrTemporaryFileLeft() throws Exception {
        written();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("fixture.gpkg"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void spatialRefSysHasTheThreeRequiredRows() throws Exception {
        List<List<Object>> rows = query(written(),
                "SELECT srs_id, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys ORDER BY srs_id");
        assertEquals(3, rows.size());
        assertEquals(List.of(-1, "NONE", -1, "undefined"), rows.get(0));
        assertEquals(List.of(0, "NONE", 0, "undefined"), rows.get(1));
        assertEquals(List.of(4326, "EPSG", 4326), rows.get(2).subList(0, 3));
        assertTrue(((String) rows.get(2).get(3)).startsWith("GEOGCS[\"WGS 84\""));
    }

    @Test
    void contentsRegisterEveryTableWithExactExtentsAndAsOfAsLastChange() throws Exception {
        List<List<Object>> rows = query(written(), "SELECT table_name, data_type, identifier, description, last_change,"
                + " min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents ORDER BY table_name");
        assertEquals(4, rows.size());
        // extents: literals read off the fixture coordinates, compared exactly
        assertEquals(Arrays.asList("fixtureDistricts", "features", "fixtureDistricts", "Fixture districts. One row per council district.",
                "2025-11-24T13:05:00.000Z", -86.9123456789, 35.9500000007, -86.6000000003, 36.2500000001, 4326), rows.get(0));
        assertEquals(Arrays.asList("fixtureLookup", "attributes", "fixtureLookup", "Fixture lookup table.",
                "2025-11-24T13:05:00.000Z", null, null, null, null, null), rows.get(1));
        assertEquals(Arrays.asList("fixtureRequests", "features", "fixtureRequests", "Fixture requests. One point per service request with coordinates.",
                "2025-11-24T13:05:00.000Z", -86.88, 35.98, -86.6123456789, 36.2400000009, 4326), rows.get(2));
        assertEquals("fixtureRunInfo", rows.get(3).get(0));
        assertEquals("attributes", rows.get(3).get(1));
    }

    @Test
    void geometryColumnsAndTypedColumns() throws Exception {
        Path file = written();
        assertEquals(List.of(List.of("fixtureDistricts", "geom", "MULTIPOLYGON", 4326, 0, 0), List.of("fixtureRequests", "geom", "POINT", 4326, 0, 0)),
                query(file, "SELECT * FROM gpkg_geometry_columns ORDER BY table_name"));
        assertEquals(List.of(
                        List.of("fid", "INTEGER", 1), List.of("geom", "POINT", 0), List.of("requestId", "TEXT", 0),
                        List.of("districtId", "MEDIUMINT", 0), List.of("bigCount", "INTEGER", 0), List.of("responseHours", "REAL", 0),
                        List.of("address", "TEXT", 0), List.of("openedAt", "DATETIME", 0), List.of("isOpen", "BOOLEAN", 0)),
                query(file, "SELECT name, type, pk FROM pragma_table_info('fixtureRequests')"));
        assertEquals(List.of(List.of("fid", "INTEGER", 1), List.of("key", "TEXT", 0), List.of("value", "TEXT", 0), List.of("description", "TEXT", 0)),
                query(file, "SELECT name, type, pk FROM pragma_table_info('fixtureRunInfo')"));
    }

    @Test
    void valuesRoundTripWithTheirStorageClasses() throws Exception {
        List<List<Object>> rows = query(written(), "SELECT fid, requestId, districtId, bigCount, responseHours, address, openedAt, isOpen,"
                + " typeof(openedAt), typeof(isOpen), typeof(bigCount) FROM fixtureRequests ORDER BY fid");
        assertEquals(Arrays.asList(1, "REQ-1", 1, 5_000_000_000L, 1.5, "1 Broadway", "2025-11-01T08:30:00.000Z", 0, "text", "integer", "integer"), rows.get(0));
        assertEquals(Arrays.asList(2, "REQ-2", 2, -1, 0.30000000000000004, "Café “Zoë”, 12 Ünter den Linden, 東京", "2025-11-02T23:59:59.999Z", 1,
                "text", "integer", "integer"), rows.get(1));
        assertEquals(Arrays.asList(3, "REQ-3", 2, 0, 1e-300, "it's \"quoted\"", "1999-12-31T23:59:59.000Z", 1, "text", "integer", "integer"), rows.get(2));
        assertEquals(Arrays.asList(5, null, null, null, null, null, null, null, "null", "null", "null"), rows.get(4));
        assertEquals(List.of(Arrays.asList(3, "Quiet", null, 0, 0, null)),
                query(written(), "SELECT districtId, districtName, areaSqKm, requestCount, hasRequests, lastRequestAt FROM fixtureDistricts WHERE fid = 3"));
    }

    @Test
    void geometryBlobsCarryTheGeoPackageHeader() throws Exception {
        List<List<Object>> rows = query(written(), "SELECT geom FROM fixtureRequests WHERE fid = 1 UNION ALL SELECT geom FROM fixtureDistricts WHERE fid = 1");
        byte[] point = (byte[]) rows.get(0).get(0);
        // "GP", version 0, flags 0x01 (little-endian, no envelope), srs_id 4326 = 0x000010E6 little-endian, WKB point
        assertArrayEquals(new byte[] {'G', 'P', 0, 0x01, (byte) 0xE6, 0x10, 0, 0, 1, 1, 0, 0, 0}, Arrays.copyOf(point, 13));
        assertEquals(29, point.length);
        byte[] polygon = (byte[]) rows.get(1).get(0);
        // flags 0x03: little-endian, envelope indicator 1 [minx, maxx, miny, maxy]; WKB type 6 = MultiPolygon after the 32-byte envelope
        assertArrayEquals(new byte[] {'G', 'P', 0, 0x03, (byte) 0xE6, 0x10, 0, 0}, Arrays.copyOf(polygon, 8));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(polygon).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(-86.9123456789, b.getDouble(8));
        assertEquals(-86.8, b.getDouble(16));
        assertEquals(36.1, b.getDouble(24));
        assertEquals(36.2, b.getDouble(32));
        assertEquals(1, polygon[40]);
        assertEquals(6, b.getInt(41));
    }

    @Test
    void rtreeHoldsEveryFeatureRoundedOutward() throws Exception {
        Path file = written();
        List<List<Object>> rows = query(file, "SELECT id, minx, maxx, miny, maxy FROM rtree_fixtureRequests_geom ORDER BY id");
        assertEquals(5, rows.size());
        for (int i = 0; i < 5; i++) {
            double x = Fixtures.POINTS[i][0], y = Fixtures.POINTS[i][1];
            List<Object> r = rows.get(i);
            assertEquals(i + 1, r.get(0));
            // float32 storage: the box contains the point and is at most one float ulp wide on each side
            assertTrue(number(r.get(1)) <= x && number(r.get(2)) >= x, "x inside box " + r);
            assertTrue(number(r.get(3)) <= y && number(r.get(4)) >= y, "y inside box " + r);
            assertTrue(number(r.get(2)) - number(r.get(1)) <= 2 * Math.ulp((float) x));
        }
        assertEquals(List.of(List.of(3)), query(file, "SELECT count(*) FROM rtree_fixtureDistricts_geom"));
        // a spatial query through the index finds district 1 only
        assertEquals(List.of(List.of(1)), query(file, "SELECT id FROM rtree_fixtureDistricts_geom WHERE minx <= -86.85 AND maxx >= -86.85"
                + " AND miny <= 36.15 AND maxy >= 36.15"));
        assertEquals(List.of(), query(file, "SELECT name FROM sqlite_master WHERE name = 'rtree_fixtureLookup_geom'"));
    }

    @Test
    void rtreeTriggersAreThoseOfTheStandard() throws Exception {
        Path file = written();
        assertEquals(List.of(List.of("rtree_fixtureRequests_geom_delete"), List.of("rtree_fixtureRequests_geom_insert"),
                        List.of("rtree_fixtureRequests_geom_update1"), List.of("rtree_fixtureRequests_geom_update2"),
                        List.of("rtree_fixtureRequests_geom_update3"), List.of("rtree_fixtureRequests_geom_update4")),
                query(file, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'fixtureRequests' ORDER BY name"));
        // the delete trigger, copied from GeoPackage 1.2 Annex F.3 with t = fixtureRequests, c = geom, i = fid
        assertEquals("""
                CREATE TRIGGER rtree_fixtureRequests_geom_delete AFTER DELETE ON fixtureRequests
                  WHEN old.geom NOT NULL
                BEGIN
                  DELETE FROM rtree_fixtureRequests_geom WHERE id = OLD.fid;
                END""", query(file, "SELECT sql FROM sqlite_master WHERE name = 'rtree_fixtureRequests_geom_delete'").get(0).get(0));
        assertEquals("CREATE VIRTUAL TABLE \"rtree_fixtureRequests_geom\" USING rtree(id, minx, maxx, miny, maxy)",
                query(file, "SELECT sql FROM sqlite_master WHERE name = 'rtree_fixtureRequests_geom'").get(0).get(0));
        // the delete trigger works without any ST_ function
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM fixtureRequests WHERE fid = 2");
        }
        assertEquals(List.of(List.of(1), List.of(3), List.of(4), List.of(5)), query(file, "SELECT id FROM rtree_fixtureRequests_geom ORDER BY id"));
    }

    @Test
    void extensionsAreRegistered() throws Exception {
        assertEquals(List.of(
                        Arrays.asList("fixtureDistricts", "geom", "gpkg_rtree_index", "write-only"),
                        Arrays.asList("fixtureRequests", "geom", "gpkg_rtree_index", "write-only"),
                        Arrays.asList("gpkg_data_column_constraints", null, "gpkg_schema", "read-write"),
                        Arrays.asList("gpkg_data_columns", null, "gpkg_schema", "read-write"),
                        Arrays.asList("gpkg_metadata", null, "gpkg_metadata", "read-write"),
                        Arrays.asList("gpkg_metadata_reference", null, "gpkg_metadata", "read-write")),
                query(written(), "SELECT table_name, column_name, extension_name, scope FROM gpkg_extensions ORDER BY table_name"));
    }

    @Test
    void everyColumnHasItsAliasAndDescription() throws Exception {
        Path file = written();
        assertEquals(List.of(
                        List.of("districtId", "District", "District", "Council district number."),
                        List.of("districtName", "District Name", "District Name", "Name of the council district."),
                        List.of("areaSqKm", "Area (km²)", "Area (km²)", "Geodesic area in square kilometres."),
                        List.of("requestCount", "Requests", "Requests", "Requests in the window."),
                        List.of("hasRequests", "Has Requests", "Has Requests", "True when the district has at least one request."),
                        List.of("lastRequestAt", "Last Request (UTC)", "Last Request (UTC)", "When the latest request was opened.")),
                query(file, "SELECT column_name, name, title, description FROM gpkg_data_columns WHERE table_name = 'fixtureDistricts' ORDER BY rowid"));
        // 6 + 7 + 2 + 3 declared columns
        assertEquals(List.of(List.of(18)), query(file, "SELECT count(*) FROM gpkg_data_columns"));
        assertEquals(List.of(List.of("key", "Key"), List.of("value", "Value"), List.of("description", "Description")),
                query(file, "SELECT column_name, name FROM gpkg_data_columns WHERE table_name = 'fixtureRunInfo' ORDER BY rowid"));
    }

    @Test
    void provenanceIsInRunInfoAndInTheMetadataExtension() throws Exception {
        Path file = written();
        assertEquals(List.of(
                        List.of(1, "generator", "fixture", "Generator that made this file."),
                        List.of(2, "generatorVersion", "1.0.0", "Version of the generator."),
                        List.of(3, "asOf", "2025-11-24T13:05:00Z", "Instant the window ends at."),
                        List.of(4, "rowsRead", "12", "Rows read from the sources."),
                        List.of(5, "quartileCut1", "0.30000000000000004", "First quartile cut of the request counts (type 7)."),
                        List.of(6, "note", "Ünïcödé ✓", "A unicode value.")),
                query(file, "SELECT fid, key, value, description FROM fixtureRunInfo ORDER BY fid"));
        List<List<Object>> md = query(file, "SELECT m.md_scope, m.mime_type, m.metadata, r.reference_scope, r.table_name, r.timestamp"
                + " FROM gpkg_metadata m JOIN gpkg_metadata_reference r ON r.md_file_id = m.id");
        assertEquals(1, md.size());
        assertEquals(Arrays.asList("dataset", "application/json"), md.get(0).subList(0, 2));
        assertEquals(Arrays.asList("geopackage", null, "2025-11-24T13:05:00.000Z"), md.get(0).subList(3, 6));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree((String) md.get(0).get(2));
        assertEquals("fixture", json.get("generator").asText());
        assertEquals(6, json.get("provenance").size());
        assertEquals("quartileCut1", json.get("provenance").get(4).get("key").asText());
        assertEquals("0.30000000000000004", json.get("provenance").get(4).get("value").asText());
    }

    @Test
    void rewriteReplacesTheFile() throws Exception {
        Path file = written();
        Table small = new Table("fixtureRequests", GeometryKind.POINT, "One point.", Fixtures.REQUEST_COLUMNS);
        small.addRow(Fixtures.point(0)).set("requestId", "ONLY");
        GeoPackageWriter.write(file, Fixtures.GENERATOR, List.of(small), Fixtures.provenance());
        assertEquals(List.of(List.of("fixtureRequests"), List.of("fixtureRunInfo")), query(file, "SELECT table_name FROM gpkg_contents ORDER BY 1"));
        assertEquals(List.of(List.of("ONLY")), query(file, "SELECT requestId FROM fixtureRequests"));
    }

    @Test
    void failureMidWriteKeepsThePreviousFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = written();
        byte[] before = Files.readAllBytes(file);
        // the second layer fails on its last row, after the first layer has been written to the temporary file
        Table bad = new Table("fixtureDistricts", GeometryKind.MULTIPOLYGON, "Bad.", Fixtures.DISTRICT_COLUMNS);
        bad.addRow(Fixtures.wkt(Fixtures.DISTRICT_1));
        bad.addRow(Fixtures.wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GeoPackageWriter.write(file, Fixtures.GENERATOR, List.of(Fixtures.requests(), bad), Fixtures.provenance()));
        assertEquals("layer fixtureDistricts (MULTIPOLYGON), row 1: geometry is a Polygon; wrap it in a MultiPolygon", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("fixture.gpkg"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void failureOnAFirstWriteLeavesNothing() {
        Path file = dir.resolve("sub/new.gpkg");
        Table bad = new Table("x", GeometryKind.POINT, "Bad.", List.of());
        bad.addRow(Fixtures.wkt(Fixtures.DISTRICT_1));
        assertThrows(IllegalArgumentException.class, () -> GeoPackageWriter.write(file, "g", List.of(bad), new Provenance()));
        assertFalse(Files.exists(file));
        assertEquals(0, dir.resolve("sub").toFile().list().length);
    }

    @Test
    void twoWritesOfTheSameInputHaveIdenticalTables() throws Exception {
        Path a = dir.resolve("a.gpkg"), b = dir.resolve("b.gpkg");
        GeoPackageWriter.write(a, Fixtures.GENERATOR, Fixtures.layers(), Fixtures.provenance());
        Thread.sleep(5); // a clock-based value would differ
        GeoPackageWriter.write(b, Fixtures.GENERATOR, Fixtures.layers(), Fixtures.provenance());
        List<List<Object>> tables = query(a, "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'view') ORDER BY name");
        assertEquals(tables, query(b, "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'view') ORDER BY name"));
        assertEquals(query(a, "SELECT type, name, sql FROM sqlite_master ORDER BY name"), query(b, "SELECT type, name, sql FROM sqlite_master ORDER BY name"));
        int compared = 0;
        for (List<Object> t : tables) {
            String name = (String) t.get(0);
            if (!query(a, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + name + "'").isEmpty()) {
                String sql = "SELECT * FROM \"" + name + "\" ORDER BY rowid";
                List<List<Object>> rowsA = query(a, sql);
                assertEquals(rowsA.stream().map(GeoPackageWriterTest::printable).toList(),
                        query(b, sql).stream().map(GeoPackageWriterTest::printable).toList(), name);
                compared++;
            }
        }
        assertTrue(compared >= 16, "compared " + compared + " tables"); // incl. the R-tree shadow tables
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "even the files are byte-identical");
    }

    @Test
    void withoutAsOfLastChangeIsTheWriteTime() throws Exception {
        Path file = dir.resolve("now.gpkg");
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        GeoPackageWriter.write(file, "g", List.of(Fixtures.requests()), new Provenance().add("k", "v", "d"));
        java.time.Instant after = java.time.Instant.now();
        java.time.Instant stamp = java.time.Instant.parse((String) query(file, "SELECT last_change FROM gpkg_contents LIMIT 1").get(0).get(0));
        assertTrue(!stamp.isBefore(before) && !stamp.isAfter(after), stamp.toString());
    }

    @Test
    void dateTimeTextIsIso8601UtcWithMilliseconds() {
        assertEquals("2025-11-02T23:59:59.999Z", GeoPackageWriter.isoUtc(java.time.Instant.parse("2025-11-02T23:59:59.999999999Z")));
        assertEquals("1970-01-01T00:00:00.000Z", GeoPackageWriter.isoUtc(java.time.Instant.EPOCH));
        assertEquals("0999-03-04T05:06:07.089Z", GeoPackageWriter.isoUtc(java.time.Instant.parse("0999-03-04T05:06:07.089Z")));
        assertEquals("1969-12-31T23:59:59.500Z", GeoPackageWriter.isoUtc(java.time.Instant.ofEpochMilli(-500)));
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 10_000; i++) {
            java.time.Instant t = java.time.Instant.ofEpochSecond(r.nextLong(253_402_300_799L), r.nextInt(1_000_000_000));
            assertEquals(GeoPackageWriter.DATETIME.format(t), GeoPackageWriter.isoUtc(t));
        }
    }

    @Test
    void asOfMayBeAZonedDateTime() {
        assertEquals(java.time.Instant.parse("2025-11-24T19:05:00Z"), GeoPackageWriter.lastChange(
                new Provenance().add("asOf", "2025-11-24T13:05-06:00[America/Chicago]", "d")));
        assertThrows(IllegalArgumentException.class, () -> GeoPackageWriter.lastChange(new Provenance().add("asOf", "yesterday", "d")));
    }

    @Test
    void emptyLayerHasNullExtent() throws Exception {
        Path file = dir.resolve("empty.gpkg");
        GeoPackageWriter.write(file, "g", List.of(new Table("gRequests", GeometryKind.POINT, "None.", Fixtures.REQUEST_COLUMNS)), Fixtures.provenance());
        assertEquals(List.of(Arrays.asList(null, null, null, null)), query(file, "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'gRequests'"));
        GeoPackageCheck.verify(file, List.of(new Table("gRequests", GeometryKind.POINT, "None.", Fixtures.REQUEST_COLUMNS)));
    }

    @Test
    void rejectsDeclarationsTheFileCannotHold() {
        Path file = dir.resolve("x.gpkg");
        Table sameAlias = new Table("a", GeometryKind.NONE, "d", List.of(Column.text("one", "Same", "d"), Column.text("two", "Same", "d")));
        assertEquals("table a: alias \"Same\" used by two columns (gpkg_data_columns needs one alias per column)",
                assertThrows(IllegalArgumentException.class, () -> GeoPackageWriter.write(file, "g", List.of(sameAlias), new Provenance())).getMessage());
        Table reserved = new Table("a", GeometryKind.NONE, "d", List.of(Column.text("fid", "Id", "d")));
        assertThrows(IllegalArgumentException.class, () -> GeoPackageWriter.write(file, "g", List.of(reserved), new Provenance()));
        Table badName = new Table("a b", GeometryKind.NONE, "d", List.of());
        assertThrows(IllegalArgumentException.class, () -> GeoPackageWriter.write(file, "g", List.of(badName), new Provenance()));
        Table twice = new Table("gRunInfo", GeometryKind.NONE, "d", List.of());
        assertThrows(IllegalArgumentException.class, () -> GeoPackageWriter.write(file, "g", List.of(twice), new Provenance()));
        assertFalse(Files.exists(file));
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    /** byte[] compares by identity: turn rows into comparable text. */
    private static List<Object> printable(List<Object> row) {
        return row.stream().map(v -> v instanceof byte[] b ? (Object) java.util.HexFormat.of().formatHex(b) : v).toList();
    }

    static List<List<Object>> query(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) row.add(rs.getObject(i));
                rows.add(row);
            }
            return rows;
        }
    }

}
