package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the spec's class rules on the real outputs: for every quartile/quintile column and every
 * quartile label, a higher class always holds strictly higher values of its metric and the top class
 * holds the maximum; every percentile lies in 0..100; rank 1 is the highest value.
 */
class ClassColumnsTest {

    static final List<String> QUARTILE_LABELS = List.of("Lowest quarter", "Lower-middle quarter", "Upper-middle quarter", "Highest quarter");
    static final List<String> PRIORITY = List.of("Low", "Moderate", "Elevated", "High");

    /** generator, class column, metric column, labels low→high (null: the column holds the class number). */
    record ClassColumn(String generator, String classColumn, String metric, List<String> labels) {}

    static final List<ClassColumn> CLASS_COLUMNS = List.of(
            new ClassColumn("serviceEfficiency", "efficiencyQuartile", "efficiencyScore", null),
            new ClassColumn("serviceEfficiency", "efficiencyCategory", "efficiencyScore",
                    List.of("Least efficient", "Below median", "Above median", "Most efficient")),
            new ClassColumn("geographicPatterns", "densityQuintile", "requestDensity", null),
            new ClassColumn("temporalPatterns", "consistencyQuartile", "consistencyScore", null),
            new ClassColumn("temporalPatterns", "temporalCategory", "weekdayWeekendRatio",
                    List.of("Weekend-leaning", "Balanced-low", "Balanced-high", "Weekday-dominant")),
            new ClassColumn("requestVolatility", "volatilityQuartile", "dailyCV", null),
            new ClassColumn("trendDirection", "trendQuartile", "percentChangePerMonth", null),
            new ClassColumn("serviceTypeInsights", "diversityCategory", "shannonDiversity", QUARTILE_LABELS),
            new ClassColumn("serviceTypeInsights", "recurrenceCategory", "recurringShare", QUARTILE_LABELS),
            new ClassColumn("serviceTypeInsights", "complexityCategory", "complexityIndex", QUARTILE_LABELS),
            new ClassColumn("capacityPlanning", "capacityRiskCategory", "capacityRisk", QUARTILE_LABELS),
            new ClassColumn("predictiveHotspots", "priorityLabel", "riskScore", PRIORITY),
            new ClassColumn("optimizationOpportunities", "priorityLabel", "opportunityScore", PRIORITY));

    @BeforeAll
    static void run() throws Exception {
        SampleRun.ensure();
    }

    @Test
    void higherClassesHoldStrictlyHigherValuesAndTheTopClassHoldsTheMaximum() throws Exception {
        for (ClassColumn c : CLASS_COLUMNS) {
            List<double[]> rows = new ArrayList<>(); // {class, metric}
            int topClass = c.labels() == null ? (c.classColumn().endsWith("Quintile") ? 5 : 4) : c.labels().size();
            try (Connection db = open(c.generator());
                 ResultSet rs = db.createStatement().executeQuery("SELECT " + c.classColumn() + ", " + c.metric()
                         + " FROM " + c.generator() + "Districts WHERE " + c.metric() + " IS NOT NULL")) {
                while (rs.next()) {
                    Object cls = rs.getObject(1);
                    int k = c.labels() == null ? ((Number) cls).intValue() : c.labels().indexOf((String) cls) + 1;
                    assertTrue(k >= 1 && k <= topClass, c + ": class " + cls);
                    rows.add(new double[] {k, rs.getDouble(2)});
                }
            }
            assertTrue(rows.size() >= 4, c + " has values");
            double max = rows.stream().mapToDouble(r -> r[1]).max().orElseThrow();
            for (double[] a : rows) {
                if (a[1] == max) assertEquals(topClass, (int) a[0], c + ": the maximum is in the top class");
                for (double[] b : rows) {
                    if (a[0] < b[0]) assertTrue(a[1] < b[1], c + ": class " + a[0] + " value " + a[1] + " vs class " + b[0] + " value " + b[1]);
                }
            }
        }
    }

    @Test
    void percentilesLieIn0To100AndRankOneIsTheHighest() throws Exception {
        for (String name : org.gpkg311.generator.Generators.names()) {
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
