package org.gpkg311.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoPackageCheckTest {

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void write() throws Exception {
        file = dir.resolve("fixture.gpkg");
        GeoPackageWriter.write(file, Fixtures.GENERATOR, Fixtures.layers(), Fixtures.provenance());
    }

    @Test
    void acceptsWhatWasWritten() throws Exception {
        GeoPackageCheck.verify(file, Fixtures.layers());
    }

    @Test
    void opensReadOnly() throws Exception {
        long modified = Files.getLastModifiedTime(file).toMillis();
        byte[] before = Files.readAllBytes(file);
        Thread.sleep(10);
        GeoPackageCheck.verify(file, Fixtures.layers());
        assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
        assertEquals(java.util.Arrays.hashCode(before), java.util.Arrays.hashCode(Files.readAllBytes(file)));
    }

    @Test
    void reportsAMissingRowAndAMovedExtent() throws Exception {
        sql("DELETE FROM fixtureRequests WHERE fid = 5", "UPDATE gpkg_contents SET max_y = 36.25 WHERE table_name = 'fixtureDistricts'");
        GeoPackageCheckException e = assertThrows(GeoPackageCheckException.class, () -> GeoPackageCheck.verify(file, Fixtures.layers()));
        assertEquals(List.of(
                "layer fixtureDistricts extent [-86.9123456789, 35.9500000007, -86.6000000003, 36.25], expected [-86.9123456789, 35.9500000007, -86.6000000003, 36.2500000001]",
                "layer fixtureRequests has 4 rows, expected 5",
                "layer fixtureRequests R-tree holds 4 entries, expected 5"), e.problems());
        assertEquals(true, e.getMessage().startsWith("GeoPackage " + file + " failed its check: layer fixtureDistricts extent"));
    }

    @Test
    void reportsAMissingLayerAndAWrongGeometryType() throws Exception {
        Table other = new Table("fixtureOther", GeometryKind.POINT, "d", List.of());
        Table asPolygon = new Table("fixtureDistricts", GeometryKind.POLYGON, "d", List.of());
        GeoPackageCheckException e = assertThrows(GeoPackageCheckException.class, () -> GeoPackageCheck.verify(file, List.of(other, asPolygon)));
        assertEquals(List.of(
                "layer fixtureOther is not in gpkg_contents",
                "layer fixtureDistricts extent [-86.9123456789, 35.9500000007, -86.6000000003, 36.2500000001], expected [null, null, null, null]",
                "layer fixtureDistricts has 3 rows, expected 0",
                "layer fixtureDistricts geometry type MULTIPOLYGON, expected POLYGON",
                "layer fixtureDistricts R-tree holds 3 entries, expected 0"), e.problems());
    }

    @Test
    void reportsAMissingColumn() throws Exception {
        Table wider = Fixtures.lookup();
        Table expected = new Table(wider.name(), GeometryKind.NONE, "d", List.of(wider.columns().get(0), wider.columns().get(1),
                Column.integer("extra", "Extra", "Not written.")));
        expected.addRow(null);
        expected.addRow(null);
        GeoPackageCheckException e = assertThrows(GeoPackageCheckException.class, () -> GeoPackageCheck.verify(file, List.of(expected)));
        assertEquals(List.of("layer fixtureLookup has no column extra"), e.problems());
    }

    @Test
    void reportsAForeignHeader() throws Exception {
        sql("PRAGMA application_id = 0", "PRAGMA user_version = 10400");
        GeoPackageCheckException e = assertThrows(GeoPackageCheckException.class, () -> GeoPackageCheck.verify(file, Fixtures.layers()));
        assertEquals(List.of("application_id is 0x00000000, expected 0x47504B47 ('GPKG')", "user_version is 10400, expected 10200"), e.problems());
    }

    @Test
    void reportsAMissingFile() {
        GeoPackageCheckException e = assertThrows(GeoPackageCheckException.class, () -> GeoPackageCheck.verify(dir.resolve("none.gpkg"), List.of()));
        assertEquals(List.of("no such file"), e.problems());
    }

    @Test
    void reportsACorruptFile() throws Exception {
        // overwrite the middle of the file (data pages) with garbage
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 8192; i < 12288 && i < bytes.length; i++) bytes[i] = (byte) 0x5A;
        Files.write(file, bytes);
        assertThrows(java.io.IOException.class, () -> GeoPackageCheck.verify(file, Fixtures.layers()));
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String st : statements) s.execute(st);
        }
    }
}
