package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.Generators;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.generator.common.LayerSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the spec's class rules on the real outputs: for every quartile/quintile column and every
 * quartile label, a higher class always holds strictly higher values of its metric and the top class
 * holds the maximum; every percentile lies in 0..100; rank 1 is the highest value.
 */
class ClassColumnsTest {

    /** generator, class column, metric column, number of classes, labels low→high (null: the column holds the class number). */
    record ClassColumn(String generator, String classColumn, String metric, int classes, List<String> labels) {}

    /** The class rules as the generators declare them: every district binding that is the class (or label) of a metric. */
    static List<ClassColumn> classColumns(List<Generator> generators) {
        List<ClassColumn> out = new ArrayList<>();
        for (Generator g : generators) {
            LayerSpec<?> districts = g.schema().get(0);
            for (Binding<?> b : districts.bindings()) {
                Binding.ClassRule rule = b.classRule();
                if (rule != null) out.add(new ClassColumn(g.name(), b.name(), rule.metric(), rule.classes(), rule.labels()));
            }
        }
        return out;
    }

    static final List<ClassColumn> CLASS_COLUMNS = classColumns(Generators.all());

    @BeforeAll
    static void run() throws Exception {
        SampleRun.ensure();
    }

    @Test
    void everyGeneratorWithClassesDeclaresItsRules() {
        // The spec's class columns: thirteen, in nine of the eleven generators.
        assertEquals(13, CLASS_COLUMNS.size(), CLASS_COLUMNS.toString());
        assertEquals(9, CLASS_COLUMNS.stream().map(ClassColumn::generator).distinct().count(), CLASS_COLUMNS.toString());
    }

    @Test
    void higherClassesHoldStrictlyHigherValuesAndTheTopClassHoldsTheMaximum() throws Exception {
        for (ClassColumn c : CLASS_COLUMNS) {
            try (Connection db = open(c.generator())) {
                check(c, db);
            }
        }
    }

    /** A higher class holds strictly higher values of the metric, and the maximum is in the top class. */
    static void check(ClassColumn c, Connection db) throws Exception {
        List<double[]> rows = new ArrayList<>(); // {class, metric}
        try (ResultSet rs = db.createStatement().executeQuery("SELECT " + c.classColumn() + ", " + c.metric()
                + " FROM " + c.generator() + "Districts WHERE " + c.metric() + " IS NOT NULL")) {
            while (rs.next()) {
                Object cls = rs.getObject(1);
                int k = c.labels() == null ? ((Number) cls).intValue() : c.labels().indexOf((String) cls) + 1;
                assertTrue(k >= 1 && k <= c.classes(), c + ": class " + cls);
                rows.add(new double[] {k, rs.getDouble(2)});
            }
        }
        assertTrue(rows.size() >= 4, c + " has values");
        double max = rows.stream().mapToDouble(r -> r[1]).max().orElseThrow();
        for (double[] a : rows) {
            if (a[1] == max) assertEquals(c.classes(), (int) a[0], c + ": the maximum is in the top class");
            for (double[] b : rows) {
                if (a[0] < b[0]) assertTrue(a[1] < b[1], c + ": class " + a[0] + " value " + a[1] + " vs class " + b[0] + " value " + b[1]);
            }
        }
    }

    @Test
    void everyOrdinalColumnHoldsOnlyItsDeclaredLevels() throws Exception {
        int checked = 0;
        for (Generator g : Generators.all()) {
            try (Connection db = open(g.name())) {
                for (LayerSpec<?> layer : g.schema()) {
                    for (org.gpkg311.table.Column c : layer.columns()) {
                        if (c.levels() == null) continue;
                        List<String> present = new ArrayList<>();
                        try (ResultSet rs = db.createStatement().executeQuery("SELECT DISTINCT " + c.name() + " FROM " + layer.name()
                                + " WHERE " + c.name() + " IS NOT NULL")) {
                            while (rs.next()) present.add(rs.getString(1));
                        }
                        assertTrue(present.size() >= 2, g.name() + "." + layer.name() + "." + c.name() + ": " + present);
                        for (String v : present) {
                            assertTrue(c.levels().indexOf(v) >= 0, layer.name() + "." + c.name() + " holds \"" + v
                                    + "\", not one of " + c.levels().lowToHigh() + " (the map would fall back to unordered colours)");
                        }
                        checked++;
                    }
                }
            }
        }
        // Declared with ordered(): trendDirection, volatilityCategory, capacityStatus, each in the district and
        // the request layer (6), and the per-request responseVsDistrictLabel (1). Ordered by labelOf(): the two
        // priorityLabels, efficiencyCategory and temporalCategory in both layers (8), and capacityRiskCategory,
        // diversityCategory, recurrenceCategory and complexityCategory in the district layer only (4).
        assertEquals(19, checked);
    }

    @Test
    void percentilesLieIn0To100AndRankOneIsTheHighest() throws Exception {
        for (String name : Generators.names()) {
            try (Connection db = open(name)) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = db.createStatement().executeQuery("SELECT name FROM pragma_table_info('" + name + "Districts')")) {
                    while (rs.next()) columns.add(rs.getString(1));
                }
                for (String col : columns) {
                    if (!col.endsWith("Percentile")) continue;
                    try (ResultSet rs = db.createStatement().executeQuery("SELECT min(" + col + "), max(" + col + ") FROM " + name + "Districts")) {
                        assertTrue(rs.getDouble(1) >= 0 && rs.getDouble(2) <= 100, name + "." + col);
                    }
                    String rank = col.replace("Percentile", "Rank");
                    assertTrue(columns.contains(rank), name + "." + col + " has its companion " + rank);
                    try (ResultSet rs = db.createStatement().executeQuery("SELECT " + rank + " FROM " + name + "Districts WHERE "
                            + col + " = (SELECT max(" + col + ") FROM " + name + "Districts)")) {
                        while (rs.next()) assertEquals(1, rs.getInt(1), name + "." + rank + " of the highest percentile");
                    }
                }
            }
        }
    }

    static Connection open(String generator) throws Exception {
        Path file = SampleRun.gpkg(generator);
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }
}
