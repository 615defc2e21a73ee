package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gpkg311.docs.ColumnTables;
import org.gpkg311.generator.Generators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.extension.schema.columns.DataColumns;
import mil.nga.geopackage.extension.schema.columns.DataColumnsDao;
import mil.nga.geopackage.features.user.FeatureDao;

/**
 * The README's main job, end to end on the sample city: every generator's GeoPackage and JSON are
 * written, accepted by two independent readers (GDAL and NGA), described column by column, and a
 * rerun gives identical table contents.
 */
class SampleCityEndToEndTest {

    @TempDir
    static Path dir;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void generateAll() throws Exception {
        SampleRun.ensure();
    }

    static Path gpkg(String name) {
        return SampleRun.gpkg(name);
    }

    static JsonNode summary(String name) throws Exception {
        return JSON.readTree(SampleRun.json(name).toFile());
    }

    @Test
    void everyGeneratorWroteItsGeoPackageJsonAndPreview() throws Exception {
        for (String name : Generators.names()) {
            assertTrue(Files.size(gpkg(name)) > 100_000, name + ".gpkg");
            JsonNode s = summary(name);
            assertEquals(name, s.get("generator").asText());
            assertEquals(name + "Districts", s.get("layers").get(0).get("name").asText());
            Path svg = SampleRun.OUT.resolve(name).resolve(name + ".svg");
            var preview = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
            assertEquals(35, preview.getElementsByTagName("path").getLength(), name + ".svg maps the 35 districts");
        }
        try (var files = Files.list(SampleRun.WORK)) {
            assertEquals(List.of(), files.toList(), "the work folder is emptied after publishing");
        }
    }

    @Test
    void gdalValidatesEveryFileWithoutWarningAndSeesBothLayers() throws Exception {
        for (String name : Generators.names()) {
            // the QGIS styles table is there while GDAL validates: one default style per feature table
            assertEquals(QgisStylesTest.featureTables(gpkg(name)).stream().sorted().toList(), defaultStyles(gpkg(name)), name);
            Gdal.Result v = Gdal.validate(gpkg(name));
            assertEquals(0, v.exit(), name + ": " + v.out() + v.err());
            assertFalse(v.out().toLowerCase(Locale.ROOT).contains("warning"), name + ": " + v.out());

            Gdal.Result info = Gdal.summary(gpkg(name));
            assertEquals(0, info.exit(), info.err());
            String text = info.out();
            assertEquals(35, featureCount(text, name + "Districts"), name);
            assertTrue(text.contains("Layer name: " + name + "Districts\n") || text.contains("Layer name: " + name + "Districts\r"), text);
            assertTrue(geometryOf(text, name + "Districts").equals("Multi Polygon"), text);
            assertTrue(geometryOf(text, name + "Requests").equals("Point"), text);
            JsonNode requests = summary(name).get("layers").get(1);
            assertEquals(name + "Requests", requests.get("name").asText());
            assertEquals(requests.get("rowCount").asLong(), featureCount(text, name + "Requests"), name);
            assertTrue(featureCount(text, name + "Requests") > 40_000, "about 49k requests, ~5% without coordinates");
        }
    }

    @Test
    void ngaReadsFeaturesRtreeAndEveryColumnsAliasAndDescription() throws Exception {
        for (String name : Generators.names()) {
            try (GeoPackage gp = GeoPackageManager.open(gpkg(name).toFile(), false)) {
                List<String> tables = gp.getFeatureTables();
                assertTrue(tables.contains(name + "Districts") && tables.contains(name + "Requests"), name + ": " + tables);
                DataColumnsDao dataColumns = DataColumnsDao.create(gp);
                RTreeIndexExtension rtree = new RTreeIndexExtension(gp);
                for (String table : tables) {
                    FeatureDao dao = gp.getFeatureDao(table);
                    assertTrue(rtree.has(table), table + " has an R-tree");
                    assertTrue(dao.count() > 0, table);
                    for (String column : dao.getColumnNames()) {
                        if (column.equals("fid") || column.equals(dao.getGeometryColumnName())) continue;
                        DataColumns dc = dataColumns.getDataColumn(table, column);
                        assertNotNull(dc, table + "." + column + " is described in gpkg_data_columns");
                        assertFalse(dc.getName() == null || dc.getName().isBlank(), table + "." + column + " alias");
                        assertFalse(dc.getDescription() == null || dc.getDescription().isBlank(), table + "." + column + " description");
                    }
                }
                assertTrue(gp.getAttributesTables().contains(name + "RunInfo"), name + ": " + gp.getAttributesTables());
            }
        }
    }

    @Test
    void oneRunIdAndOneWindowAcrossAllFiles() throws Exception {
        String runId = summary("serviceEfficiency").get("provenance").get("runId").asText();
        assertTrue(runId.startsWith("local-"), runId);
        for (String name : Generators.names()) {
            JsonNode p = summary(name).get("provenance");
            assertEquals(runId, p.get("runId").asText(), name);
            assertEquals("2025-11-24", p.get("windowEndDate").asText(), name);
            assertEquals("92", p.get("windowDays").asText(), name);
        }
    }

    @Test
    void aRerunGivesIdenticalTableContents() throws Exception {
        Path again = dir.resolve("again");
        assertEquals(0, Main.run("generate", "--only", "serviceEfficiency", "--input", SampleRun.SAMPLE.toString(),
                "--output", again.toString(), "--work-dir", SampleRun.WORK.toString()));
        Path first = gpkg("serviceEfficiency"), second = again.resolve("serviceEfficiency/serviceEfficiency.gpkg");
        List<String> tables = userTables(first);
        assertEquals(tables, userTables(second));
        assertTrue(tables.contains("serviceEfficiencyRunInfo"), tables.toString());
        for (String table : tables) {
            assertEquals(dump(first, table), dump(second, table), table);
        }
    }

    @Test
    void docsColumnTablesMatchTheDeclarations() throws Exception {
        String documented = Files.readString(Path.of("..", ColumnTables.FILE), StandardCharsets.UTF_8);
        assertEquals(ColumnsCommand.render(), documented, ColumnTables.FILE + " is stale: run ./gpkg311 columns --output " + ColumnTables.FILE);
    }

    static long featureCount(String ogrinfo, String layer) {
        Matcher m = Pattern.compile("Layer name: " + layer + "\\R(?:.*\\R)*?Feature Count: (\\d+)").matcher(ogrinfo);
        assertTrue(m.find(), layer + " in " + ogrinfo);
        return Long.parseLong(m.group(1));
    }

    static String geometryOf(String ogrinfo, String layer) {
        Matcher m = Pattern.compile("Layer name: " + layer + "\\R(?:.*\\R)*?Geometry: (.+)").matcher(ogrinfo);
        assertTrue(m.find(), layer + " in " + ogrinfo);
        return m.group(1).strip();
    }

    static List<String> defaultStyles(Path gpkg) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             ResultSet rs = c.createStatement().executeQuery("SELECT f_table_name FROM layer_styles WHERE useAsDefault = 1"
                     + " AND styleQML LIKE '<!DOCTYPE qgis%' ORDER BY f_table_name")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    static List<String> userTables(Path gpkg) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             ResultSet rs = c.createStatement().executeQuery("SELECT table_name FROM gpkg_contents ORDER BY table_name")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /** Every row of a table as text, in fid order (geometry blobs as hex). */
    static String dump(Path gpkg, String table) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    sb.append(v instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : String.valueOf(v)).append('|');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
