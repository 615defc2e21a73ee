package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.Generators;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.generator.common.LayerSpec;
import org.gpkg311.table.Column;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The static schema tells the truth: every generator's file on the sample city holds exactly the layers
 * and columns (name, type, alias, description) that {@code Generator.schema()} states without data, and
 * every bound column has a value somewhere unless it is marked as legitimately empty on the sample city.
 */
class SchemaTest {

    @BeforeAll
    static void run() throws Exception {
        SampleRun.ensure();
    }

    @Test
    void theFilesHoldExactlyTheDeclaredLayersAndColumns() throws Exception {
        for (Generator g : Generators.all()) {
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + SampleRun.gpkg(g.name()))) {
                List<String> layers = strings(db, "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY rowid");
                assertEquals(g.schema().stream().map(LayerSpec::name).toList(), layers, g.name());
                for (LayerSpec<?> layer : g.schema()) {
                    List<String> declared = new ArrayList<>(), written = new ArrayList<>();
                    for (Column c : layer.columns()) declared.add(c.name() + " " + org.gpkg311.gpkg.GeoPackageWriter.sqlType(c.type()) + " | " + c.alias() + " | " + c.description());
                    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT t.name, t.type, d.name, d.description"
                            + " FROM pragma_table_info('" + layer.name() + "') t LEFT JOIN gpkg_data_columns d"
                            + " ON d.table_name = '" + layer.name() + "' AND d.column_name = t.name"
                            + " WHERE t.name NOT IN ('fid', 'geom') ORDER BY t.cid")) {
                        while (rs.next()) written.add(rs.getString(1) + " " + rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4));
                    }
                    assertEquals(declared, written, layer.name());
                }
            }
        }
    }

    @Test
    void everyBoundColumnHasAValueOnTheSampleCityUnlessMarkedEmpty() throws Exception {
        int bindings = 0;
        for (Generator g : Generators.all()) {
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + SampleRun.gpkg(g.name()))) {
                for (LayerSpec<?> layer : g.schema()) {
                    for (Binding<?> b : layer.bindings()) {
                        bindings++;
                        long filled = Long.parseLong(strings(db, "SELECT count(*) FROM \"" + layer.name() + "\" WHERE \"" + b.name() + "\" IS NOT NULL").get(0));
                        if (b.emptyOnSampleCity()) assertEquals(0, filled, layer.name() + "." + b.name() + " is marked empty on the sample city");
                        else assertTrue(filled > 0, layer.name() + "." + b.name() + " is NULL in every row of the sample city");
                    }
                }
            }
        }
        assertTrue(bindings > 300, "bindings checked: " + bindings);
    }

    static List<String> strings(Connection db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
