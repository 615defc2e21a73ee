package org.gpkg311.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.attributes.AttributesDao;
import mil.nga.geopackage.attributes.AttributesResultSet;
import mil.nga.geopackage.attributes.AttributesRow;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.extension.metadata.Metadata;
import mil.nga.geopackage.extension.metadata.MetadataExtension;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.extension.rtree.RTreeIndexTableDao;
import mil.nga.geopackage.extension.schema.SchemaExtension;
import mil.nga.geopackage.extension.schema.columns.DataColumns;
import mil.nga.geopackage.extension.schema.columns.DataColumnsDao;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.sf.GeometryType;
import org.gpkg311.table.Column;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** NGA's GeoPackage library (an independent Java implementation) reads the written file. */
class NgaReaderTest {

    @TempDir
    static Path dir;
    static GeoPackage gpkg;

    @BeforeAll
    static void open() throws IOException {
        Path file = dir.resolve("fixture.gpkg");
        GeoPackageWriter.write(file, Fixtures.GENERATOR, Fixtures.layers(), Fixtures.provenance());
        gpkg = GeoPackageManager.open(false, file.toFile()); // read-only
    }

    @AfterAll
    static void close() {
        if (gpkg != null) gpkg.close();
    }

    @Test
    void headerAndTables() {
        assertEquals("GPKG", gpkg.getApplicationId());
        assertEquals(10200, gpkg.getUserVersion());
        assertEquals(List.of("fixtureDistricts", "fixtureRequests"), gpkg.getFeatureTables().stream().sorted().toList());
        assertEquals(List.of("fixtureLookup", "fixtureRunInfo"), gpkg.getAttributesTables().stream().sorted().toList());
    }

    @Test
    void contentsCarryDescriptionAndExactExtent() throws Exception {
        Contents c = gpkg.getContentsDao().queryForId("fixtureDistricts");
        assertEquals("Fixture districts. One row per council district.", c.getDescription());
        assertEquals("fixtureDistricts", c.getIdentifier());
        // literals from the fixture coordinates
        assertEquals(List.of(-86.9123456789, 35.9500000007, -86.6000000003, 36.2500000001),
                List.of(c.getMinX(), c.getMinY(), c.getMaxX(), c.getMaxY()));
        assertEquals(4326L, c.getSrsId());
        assertEquals("2025-11-24T13:05:00Z", c.getLastChange().toInstant().toString());
    }

    @Test
    void featuresAndGeometriesReadBackExactly() throws Exception {
        FeatureDao dao = gpkg.getFeatureDao("fixtureDistricts");
        assertEquals(GeometryType.MULTIPOLYGON, dao.getGeometryType());
        assertEquals(4326L, dao.getSrsId());
        List<String> wkt = List.of(Fixtures.DISTRICT_1, Fixtures.DISTRICT_2, Fixtures.DISTRICT_3);
        List<String> names = new ArrayList<>();
        FeatureResultSet rs = dao.queryForAll();
        try {
            while (rs.moveToNext()) {
                FeatureRow row = rs.getRow();
                int i = (int) row.getId() - 1;
                // NGA's own WKT of its own decoding, parsed by JTS: the geometry survived exactly
                Geometry read = new WKTReader().read(row.getGeometry().getWkt());
                assertTrue(read.equalsExact(Fixtures.wkt(wkt.get(i))), "district " + (i + 1) + ": " + read);
                assertEquals(4326, row.getGeometry().getSrsId());
                names.add((String) row.getValue("districtName"));
            }
        } finally {
            rs.close();
        }
        assertEquals(List.of("Downtown", "Ünïcödé – Straße ✓ 東京", "Quiet"), names);
    }

    @Test
    void pointsTypedValuesAndNulls() throws Exception {
        FeatureDao dao = gpkg.getFeatureDao("fixtureRequests");
        assertEquals(GeometryType.POINT, dao.getGeometryType());
        assertEquals(5, dao.count());
        FeatureRow r2 = dao.queryForIdRow(2);
        mil.nga.sf.Point p = (mil.nga.sf.Point) r2.getGeometryValue();
        assertEquals(List.of(-86.75, 36.2400000009), List.of(p.getX(), p.getY()));
        assertEquals("REQ-2", r2.getValue("requestId"));
        assertEquals(0.30000000000000004, r2.getValue("responseHours"));
        assertEquals("Café “Zoë”, 12 Ünter den Linden, 東京", r2.getValue("address"));
        assertEquals(Boolean.TRUE, r2.getValue("isOpen"));
        // NGA reads DATETIME into java.util.Date
        assertEquals("2025-11-02T23:59:59.999Z", ((java.util.Date) r2.getValue("openedAt")).toInstant().toString());
        FeatureRow r1 = dao.queryForIdRow(1);
        assertEquals(5_000_000_000L, ((Number) r1.getValue("bigCount")).longValue());
        assertEquals(Boolean.FALSE, r1.getValue("isOpen"));
        FeatureRow r5 = dao.queryForIdRow(5);
        for (Column c : Fixtures.REQUEST_COLUMNS) assertNull(r5.getValue(c.name()), c.name());
    }

    @Test
    void attributeTablesHoldTheProvenance() throws Exception {
        AttributesDao dao = gpkg.getAttributesDao("fixtureRunInfo");
        List<String> keys = new ArrayList<>();
        AttributesResultSet rs = dao.queryForAll();
        try {
            while (rs.moveToNext()) {
                AttributesRow row = rs.getRow();
                keys.add(row.getValue("key") + "=" + row.getValue("value"));
            }
        } finally {
            rs.close();
        }
        assertEquals(List.of("generator=fixture", "generatorVersion=1.0.0", "asOf=2025-11-24T13:05:00Z", "rowsRead=12",
                "quartileCut1=0.30000000000000004", "note=Ünïcödé ✓"), keys);
    }

    @Test
    void rtreeIndexExtensionIsPresentAndQueryable() throws Exception {
        RTreeIndexExtension rtree = new RTreeIndexExtension(gpkg);
        assertTrue(rtree.has("fixtureDistricts"));
        assertTrue(rtree.has("fixtureRequests"));
        RTreeIndexTableDao index = rtree.getTableDao("fixtureRequests");
        assertEquals(5, index.count());
        // a box around the points 1 (-86.85 36.15) and 5 (-86.71 36.11) only
        var rs = index.query(new BoundingBox(-86.86, 36.10, -86.70, 36.16));
        List<Long> ids = new ArrayList<>();
        try {
            while (rs.moveToNext()) ids.add(rs.getRow().getId());
        } finally {
            rs.close();
        }
        assertEquals(List.of(1L, 5L), ids.stream().sorted().toList());
    }

    @Test
    void everyColumnHasItsAliasAndDescription() throws Exception {
        SchemaExtension schema = new SchemaExtension(gpkg);
        assertTrue(schema.has());
        DataColumnsDao dao = schema.getDataColumnsDao();
        List<Table> layers = Fixtures.layers();
        for (Table t : layers) {
            for (Column c : t.columns()) {
                DataColumns dc = dao.getDataColumn(t.name(), c.name());
                assertNotNull(dc, t.name() + "." + c.name());
                assertEquals(Arrays.asList(c.alias(), c.alias(), c.description()), Arrays.asList(dc.getName(), dc.getTitle(), dc.getDescription()),
                        t.name() + "." + c.name());
            }
        }
        // one literal, independent of the declarations above
        assertEquals("Area (km²)", dao.getDataColumn("fixtureDistricts", "areaSqKm").getName());
        assertEquals(3, dao.queryByTable("fixtureRunInfo").size());
    }

    @Test
    void metadataExtensionHoldsTheProvenanceDocument() throws Exception {
        MetadataExtension ext = new MetadataExtension(gpkg);
        assertTrue(ext.has());
        List<Metadata> all = ext.getMetadataDao().queryForAll();
        assertEquals(1, all.size());
        Metadata md = all.get(0);
        assertEquals("application/json", md.getMimeType());
        assertEquals("dataset", md.getMetadataScopeName());
        var json = new ObjectMapper().readTree(md.getMetadata());
        assertEquals("asOf", json.get("provenance").get(2).get("key").asText());
        var refs = ext.getMetadataReferenceDao().queryForAll();
        assertEquals(1, refs.size());
        assertEquals("geopackage", refs.get(0).getReferenceScopeName());
        assertNull(refs.get(0).getTableName());
    }
}
