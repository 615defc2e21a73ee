package org.gpkg311.generator.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.series.TimeFixture;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.Window;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;

/**
 * Expected values from {@link TimeFixture}'s hand-written weekly counts (x = 1..13, x̄ = 7, Sxx = 182):
 * D1 1,1,1,1,2,1,1,1,1,1,1,2,2 -> slope Σ(x − 7)y / 182 = 9/182; D2 2,2,2,2,0,1,0,0,0,2,1,0,0 -> −27/182;
 * D3 3 in week 8 -> 3/182; D5 2 every week -> 0 (constant); D4 none. Decimal literals for R², p, the CI
 * and the projection come from an independent plain-Python evaluation of the textbook formulas
 * (Student t via the regularised incomplete beta function, Numerical Recipes §6.4), t(0.975, 11) = 2.200985.
 */
class TrendDirectionTest {

    private static final double EPS = 1e-12;
    private final GeneratorOutput out = new TrendDirection().generate(TimeFixture.snapshot(), RunSettings.defaults());
    private final Table d = out.layer("trendDirectionDistricts");

    @Test
    void monthCounts() {
        assertEquals(List.of(5, 5, 6), List.of(d.get(0, "month1Count"), d.get(0, "month2Count"), d.get(0, "month3Count")));
        assertEquals(List.of(8, 1, 3), List.of(d.get(1, "month1Count"), d.get(1, "month2Count"), d.get(1, "month3Count")));
        assertEquals(List.of(0, 3, 0), List.of(d.get(2, "month1Count"), d.get(2, "month2Count"), d.get(2, "month3Count")));
        assertEquals(List.of(9, 9, 9), List.of(d.get(4, "month1Count"), d.get(4, "month2Count"), d.get(4, "month3Count")));
    }

    @Test
    void weeklyFit() {
        assertEquals(9.0 / 182, (Double) d.get(0, "weeklySlope"), EPS);
        assertEquals(-27.0 / 182, (Double) d.get(1, "weeklySlope"), EPS);
        assertEquals(3.0 / 182, (Double) d.get(2, "weeklySlope"), EPS);
        // D1: R² = Sxy² / (Sxx Syy) = 81 / (182 × 30/13) = 0.19285714…
        assertEquals(0.1928571428571429, (Double) d.get(0, "weeklyR2"), 1e-12);
        assertEquals(0.1332597435553797, (Double) d.get(0, "weeklyPValue"), 1e-9);
        assertEquals(0.3667002012072434, (Double) d.get(1, "weeklyR2"), 1e-12);
        assertEquals(0.028285932270412015, (Double) d.get(1, "weeklyPValue"), 1e-9);
        assertEquals(0.41149807937664706, (Double) d.get(0, "residualStdDev"), 1e-12);
        assertEquals(9.0 / 182, (Double) d.get(0, "trendMagnitude"), EPS);
        assertEquals(27.0 / 182, (Double) d.get(1, "trendMagnitude"), EPS);
        // D5: constant weekly series -> slope 0, R² and p NULL
        assertEquals(0.0, (Double) d.get(4, "weeklySlope"), EPS);
        assertNull(d.get(4, "weeklyR2"));
        assertNull(d.get(4, "weeklyPValue"));
        assertNull(d.get(4, "trendConfidenceLevel"));
        assertEquals(0.0, (Double) d.get(4, "residualStdDev"), EPS);
    }

    @Test
    void monthlyFitAndRates() {
        // D1 rates 5/31, 5/30, 6/31: slope (6/31 − 5/31)/2 = 1/62
        assertEquals(1.0 / 62, (Double) d.get(0, "monthlySlope"), EPS);
        assertEquals(0.8709677419354837, (Double) d.get(0, "monthlyR2"), 1e-12);
        assertEquals(0.2339080492819213, (Double) d.get(0, "monthlyPValue"), 1e-9);
        assertEquals(-0.08064516129032258, (Double) d.get(1, "monthlySlope"), 1e-12); // (3/31 − 8/31)/2
        assertEquals((5.0 / 31 + 5.0 / 30 + 6.0 / 31) / 3 * 30.44, (Double) d.get(0, "meanMonthlyRate"), EPS);
        assertEquals(5.0 / 30 * 30.44, (Double) d.get(0, "medianMonthlyRate"), EPS);
        // D3 rates 0, 3/30, 0: zero slope on a non-constant series -> R² 0, p 1
        assertEquals(0.0, (Double) d.get(2, "monthlySlope"), EPS);
        assertEquals(0.0, (Double) d.get(2, "monthlyR2"), 1e-12);
        assertEquals(1.0, (Double) d.get(2, "monthlyPValue"), 1e-9);
        assertEquals(0.0, (Double) d.get(2, "medianMonthlyRate"), EPS);
    }

    @Test
    void percentChangeAndRanks() {
        // 100 × slope × 30.44 / 7 / mean weekly: D1 100 × 9/182 × 30.44 / 7 / (16/13)
        assertEquals(100 * 9.0 / 182 * 30.44 / 7 / (16.0 / 13), (Double) d.get(0, "percentChangePerMonth"), 1e-9);
        assertEquals(-69.88775510204083, (Double) d.get(1, "percentChangePerMonth"), 1e-9);
        assertEquals(0.0, (Double) d.get(4, "percentChangePerMonth"), EPS);
        assertNull(d.get(3, "percentChangePerMonth")); // D4: mean weekly count 0
        // order D2 (−69.9) < D5 (0) < D1 (17.5) < D3 (31.1)
        assertEquals(62.5, d.get(0, "trendPercentile"));
        assertEquals(12.5, d.get(1, "trendPercentile"));
        assertEquals(2, d.get(0, "trendRank"));
        assertEquals(1, d.get(2, "trendRank"));
        assertEquals(4, d.get(1, "trendRank"));
        // quartiles −17.47, 8.74, 20.87
        assertEquals(3, d.get(0, "trendQuartile"));
        assertEquals(1, d.get(1, "trendQuartile"));
        assertEquals(4, d.get(2, "trendQuartile"));
        assertEquals(2, d.get(4, "trendQuartile"));
    }

    @Test
    void directionCategoryAndConfidence() {
        // D1 CI (−0.01768, 0.11659) holds 0; D2 CI (−0.27773, −0.01897) excludes it
        assertEquals("Stable", d.get(0, "trendDirection"));
        assertEquals("Decreasing", d.get(1, "trendDirection"));
        assertEquals("Stable", d.get(4, "trendDirection"));
        // the only significant district sets the median itself -> Strongly
        assertEquals("Strongly Decreasing", d.get(1, "trendCategory"));
        assertEquals("Stable", d.get(0, "trendCategory"));
        assertEquals("Below 90%", d.get(0, "trendConfidenceLevel")); // p = 0.13326 is above every α
        assertEquals(Math.abs(-69.88775510204083), Double.parseDouble(out.provenance().value("strongTrendThreshold")), 1e-9);
    }

    @Test
    void strongVersusModerate() {
        String[] dir = {"Increasing", "Decreasing", "Increasing", "Stable", null};
        Double[] pct = {10.0, -30.0, 40.0, 99.0, null};
        Double strong = TrendMetrics.strongThreshold(dir, pct); // median of |10|, |−30|, |40| = 30
        assertEquals(30.0, strong, EPS);
        assertEquals("Moderately Increasing", TrendMetrics.category(dir[0], pct[0], strong));
        assertEquals("Strongly Decreasing", TrendMetrics.category(dir[1], pct[1], strong)); // at the median: Strongly
        assertEquals("Strongly Increasing", TrendMetrics.category(dir[2], pct[2], strong));
        assertEquals("Stable", TrendMetrics.category(dir[3], pct[3], strong));
        assertNull(TrendMetrics.category(dir[4], pct[4], strong));
    }

    @Test
    void projectionOverTheNext30Days() {
        // future days Nov 25 .. Dec 24 at x = 14 − 3/7 + j/7, mean 15.785714; k = 30/7
        assertEquals(7.1366898407714725, (Double) d.get(0, "projectedNextMonth"), 1e-9);
        assertEquals(3.8103564826665988, (Double) d.get(0, "projectionLow"), 1e-9);
        assertEquals(10.463023198876346, (Double) d.get(0, "projectionHigh"), 1e-9);
        // D2's fit is negative next month: clamped at 0
        assertEquals(0.0, (Double) d.get(1, "projectedNextMonth"), EPS);
        assertEquals(0.0, (Double) d.get(1, "projectionLow"), EPS);
        assertEquals(4.780456638103427, (Double) d.get(1, "projectionHigh"), 1e-9);
        // D5: 2 per week, no residual -> 30/7 × 2 with a zero-width interval
        assertEquals(60.0 / 7, (Double) d.get(4, "projectedNextMonth"), 1e-12);
        assertEquals(60.0 / 7, (Double) d.get(4, "projectionLow"), 1e-12);
    }

    @Test
    void trendConsistency() {
        assertEquals(2.0 / 12, (Double) d.get(0, "trendConsistency"), EPS); // rises 4→5 and 11→12
        assertEquals(4.0 / 12, (Double) d.get(1, "trendConsistency"), EPS); // falls 4→5, 6→7, 10→11, 11→12
        assertEquals(1.0 / 12, (Double) d.get(2, "trendConsistency"), EPS);
        assertNull(d.get(4, "trendConsistency")); // zero slope
    }

    @Test
    void fewerThanThreeFullWeeksMeansNoWeeklyRegression() {
        // Window Wednesday Nov 5 .. Monday Nov 24: full weeks Nov 10–16 and Nov 17–23 only
        Window w = new Window(TimeFixture.ZONE, LocalDate.of(2025, 11, 5), LocalDate.of(2025, 11, 24), TimeFixture.AS_OF);
        Snapshot s = TimeFixture.snapshot(w, List.of(
                TimeFixture.request("a", "Noise", TimeFixture.local(LocalDate.of(2025, 11, 11), 9, 0), null, 1, true),
                TimeFixture.request("b", "Noise", TimeFixture.local(LocalDate.of(2025, 11, 18), 9, 0), null, 1, true),
                TimeFixture.request("c", "Noise", TimeFixture.local(LocalDate.of(2025, 11, 6), 9, 0), null, 1, true)));
        GeneratorOutput o = new TrendDirection().generate(s, RunSettings.defaults());
        Table t = o.layer("trendDirectionDistricts");
        for (String c : List.of("weeklySlope", "weeklyR2", "weeklyPValue", "percentChangePerMonth", "projectedNextMonth",
                "projectionLow", "projectionHigh", "trendDirection", "trendCategory", "trendConfidenceLevel",
                "trendPercentile", "trendQuartile", "trendRank", "trendMagnitude", "residualStdDev", "trendConsistency")) {
            assertNull(t.get(0, c), c);
        }
        assertTrue(o.provenance().value("weeklyRegression").contains("2 full Monday–Sunday week(s)"),
                o.provenance().value("weeklyRegression"));
        Table r = o.layer("trendDirectionRequests");
        for (int row = 0; row < r.rowCount(); row++) {
            Object expected = switch ((String) r.get(row, "requestId")) {
                case "a" -> 1;
                case "b" -> 2;
                default -> null; // Nov 6 lies before the first full week
            };
            assertEquals(expected, r.get(row, "weekIndex"));
        }
    }

    @Test
    void declaredColumnsAreTheSpecsList() {
        assertEquals(List.of("month1Count", "month2Count", "month3Count", "weeklySlope", "weeklyR2", "weeklyPValue",
                        "monthlySlope", "monthlyR2", "monthlyPValue", "percentChangePerMonth", "projectedNextMonth",
                        "projectionLow", "projectionHigh", "trendDirection", "trendCategory", "trendConfidenceLevel",
                        "trendPercentile", "trendQuartile", "trendRank", "meanMonthlyRate", "medianMonthlyRate",
                        "trendMagnitude", "residualStdDev", "trendConsistency"),
                TrendDirection.DISTRICT_COLUMNS.stream().map(Binding::name).toList());
        assertEquals(List.of("trendDirection", "weeklySlope", "weekIndex"),
                TrendDirection.REQUEST_COLUMNS.stream().map(Binding::name).toList());
    }

    @Test
    void confidenceLevelIsTheStrictestIntervalExcludingZero() {
        assertEquals("99%", TrendMetrics.confidenceLevel(0.004));
        assertEquals("95%", TrendMetrics.confidenceLevel(0.01));   // at p = .01 the 99% interval touches 0
        assertEquals("90%", TrendMetrics.confidenceLevel(0.07));
        assertEquals("Below 90%", TrendMetrics.confidenceLevel(0.10));
        assertNull(TrendMetrics.confidenceLevel(null));
    }
}
