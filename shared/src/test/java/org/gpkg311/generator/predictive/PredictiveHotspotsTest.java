package org.gpkg311.generator.predictive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.trend.TrendMetrics;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.spatial.SpatialFixture;
import org.gpkg311.stats.Ols;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * predictiveHotspots on {@link SpatialFixture}. The window 2025-08-25 (a Monday) .. 11-24 holds 13 full weeks;
 * weeks 11–13 are Nov 3–9, 10–16, 17–23. Raw factors by hand:
 * growth = OLS slope on x = 1..13 / mean weekly count, Sxx = 182, x̄ = 7: D1 weeks (…, 3, 3, 2): Sxy = 4·3 + 5·3 + 6·2 = 39,
 * growth = (39/182)/(8/13) = 0.348214; D2 (…, 5, 1, 0): 25/182 / (6/13) = 0.297619; D3 (…, 5, 0, 0): 20/182 / (5/13) = 0.285714;
 * D4 mean 0 → NULL. density 2, 2, 1, 0; backlog 1/8, 1/6, 1/5, NULL; response 1, 0.6, 7, NULL; dailyCV 3.2581, 3.8067, 4.1942,
 * NULL; recurrence 0.375, 0, 0, NULL; offHours 0, 0, 0 (every request at 09:00–11:00 local on a weekday) → constant →
 * dropped; concentration (Herfindahl) 0.28125, 0.38889, 0.52, NULL.
 */
class PredictiveHotspotsTest {

    static final double EPS = 1e-9;
    static Snapshot snapshot;
    static GeneratorOutput out;
    static Table d;

    @BeforeAll
    static void run() {
        snapshot = SpatialFixture.snapshot();
        out = new PredictiveHotspots().generate(snapshot, RunSettings.defaults());
        d = out.layer("predictiveHotspotsDistricts");
    }

    static Object v(int district, String column) {
        return d.get(district, column);
    }

    @Test
    void normalisedFactors() {
        // Min–max over the districts that have each factor.
        assertEquals(1.0, (Double) v(0, "growthFactor"), EPS);
        assertEquals(0.1904761904761907, (Double) v(1, "growthFactor"), EPS);
        assertEquals(0.0, (Double) v(2, "growthFactor"), EPS);
        assertNull(v(3, "growthFactor"));
        assertEquals(0.5, (Double) v(2, "densityFactor"), EPS);
        assertEquals(0.0, (Double) v(3, "densityFactor"), EPS);
        assertEquals(0.5555555555555554, (Double) v(1, "backlogFactor"), EPS);
        assertEquals(0.0625, (Double) v(0, "responseFactor"), EPS);
        assertEquals(0.5860276800148503, (Double) v(1, "volatilityFactor"), EPS);
        assertEquals(1.0, (Double) v(0, "recurrenceFactor"), EPS);
        assertEquals(0.45084351367073877, (Double) v(1, "concentrationFactor"), EPS);
        // Constant off-hours share: dropped, NULL factor, weight 0.
        for (int i = 0; i < 4; i++) assertNull(v(i, "offHoursFactor"));
        assertEquals(0.0, (Double) v(0, "weightOffHours"), EPS);
    }

    @Test
    void weightsScoreAndLabels() {
        // Population variances of the normalised factors over D1..D3 (complete), divided by their sum (hand arithmetic).
        assertEquals(0.15958239089597648, (Double) v(0, "weightGrowth"), EPS);
        assertEquals(0.047168789802363026, (Double) v(0, "weightDensity"), EPS);
        assertEquals(0.14208870014538982, (Double) v(0, "weightBacklog"), EPS);
        assertEquals(0.17761997409952326, (Double) v(0, "weightResponse"), EPS);
        assertEquals(0.14290270930452986, (Double) v(0, "weightVolatility"), EPS);
        assertEquals(0.18867515920945213, (Double) v(0, "weightRecurrence"), EPS);
        assertEquals(0.14196227654276541, (Double) v(0, "weightConcentration"), EPS);
        assertEquals(40.652758828901185, (Double) v(0, "riskScore"), EPS);
        assertEquals(30.42513172015574, (Double) v(1, "riskScore"), EPS);
        assertEquals(62.815805499338985, (Double) v(2, "riskScore"), EPS);
        assertNull(v(3, "riskScore"));
        assertEquals(List.of(2, 3, 1), List.of(v(0, "riskRank"), v(1, "riskRank"), v(2, "riskRank")));
        // Mid-rank of 3 values: (1 + 0.5)/3 = 50, 0.5/3 = 16.7, 2.5/3 = 83.3.
        assertEquals(50.0, v(0, "riskPercentile"));
        assertEquals(16.7, v(1, "riskPercentile"));
        assertEquals(83.3, v(2, "riskPercentile"));
        assertEquals("Moderate", v(0, "priorityLabel"));
        assertEquals("Low", v(1, "priorityLabel"));
        assertEquals("High", v(2, "priorityLabel"));
        // Largest weighted contribution: D1 recurrence 0.18868 (growth 0.15958); D2 volatility 0.08374 (backlog 0.07894);
        // D3 response 0.17762.
        assertEquals("Recurrence", v(0, "dominantRiskFactor"));
        assertEquals("Volatility", v(1, "dominantRiskFactor"));
        assertEquals("Response time", v(2, "dominantRiskFactor"));
        assertNull(v(3, "dominantRiskFactor"));
    }

    @Test
    void riskCategoryAndGiStar() {
        // score classes of riskScore: three scores (D4 has none) are fewer than 4 → No distinct groups, NULL confidence
        assertEquals("No distinct groups", v(0, "riskCategory"));
        assertEquals("No distinct groups", v(2, "riskCategory"));
        assertNull(v(0, "riskConfidence"));
        assertNull(v(3, "riskCategory"));
        assertTrue(out.provenance().value("riskCategory.classes").contains("fewer than 4 defined values (3)"));
        // Gi* over D1..D3 (D4 has no score and leaves the chain): n = 3, x̄ = 44.6312, population S;
        // D1 W = 2: −1.3450753228713708; D2 neighbours everyone (n·W − W² = 0) → undefined; D3 W = 2: 0.29427944030644304.
        assertEquals(-1.3450753228713708, (Double) v(0, "riskGiZ"), 1e-9);
        assertNull(v(1, "riskGiZ"));
        assertEquals(0.29427944030644304, (Double) v(2, "riskGiZ"), 1e-9);
        assertEquals("Not significant", v(0, "riskHotSpot"));
        assertNull(v(3, "riskGiZ"));
    }

    @Test
    void dominantFactorIsTheLargestPositiveContribution() {
        // contributions (weight × factor) of district 0: growth 0.1, density 0.3, backlog 0.3 → density
        // (the tie with backlog goes to the earlier factor); district 1: all 0 → no factor contributes → NULL.
        List<Double[]> weighted = List.of(new Double[] {0.1, 0.0}, new Double[] {0.3, 0.0}, new Double[] {0.3, 0.0});
        assertEquals("Density", PredictiveMetrics.dominant(weighted, 0));
        assertNull(PredictiveMetrics.dominant(weighted, 1));
    }

    @Test
    void aWindowWithoutRequestsGivesEveryDistrictWithNullRisk() {
        // No request: every factor is undefined or constant, so every factor is dropped, no weight is defined and
        // riskScore, riskCategory and dominantRiskFactor are NULL for all four districts (no crash, no made-up 0).
        GeneratorOutput empty = new PredictiveHotspots().generate(
                SpatialFixture.snapshot(SpatialFixture.districts(), List.of()), RunSettings.defaults());
        Table t = empty.layer("predictiveHotspotsDistricts");
        assertEquals(4, t.rowCount());
        for (int i = 0; i < 4; i++) {
            assertNull(t.get(i, "riskScore"));
            assertNull(t.get(i, "riskCategory"));
            assertNull(t.get(i, "dominantRiskFactor"));
            assertNull(t.get(i, "priorityLabel"));
            assertEquals(0.0, (Double) t.get(i, "weightGrowth"), 0.0);
        }
    }

    @Test
    void projectionComesFromTheTrendGenerator() {
        Double[] projected = TrendMetrics.compute(SnapshotSeries.compute(snapshot)).projectedNextMonth();
        for (int i = 0; i < 4; i++) assertEquals(projected[i], v(i, "projectedNextMonth"));
    }

    @Test
    void weeksToHotspot() {
        // Last full week's counts 2, 0, 0, 0 → P75 = 0 + 0.25·2 = 0.5. Every fitted week-13 value is above it
        // (D1 1.9011, D2 1.2857, D3 1.0440) → NULL; D4 is flat → NULL.
        assertEquals("0.5", out.provenance().value("hotspotTargetWeeklyCount"));
        for (int i = 0; i < 4; i++) assertNull(v(i, "weeksToHotspot"));
        // Rising fit y = x on x = 1..4: fitted week 4 = 4; target 6.5 → (6.5 − 4)/1 = 2.5 weeks.
        Ols fit = Ols.fit(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4});
        assertEquals(2.5, PredictiveMetrics.weeksToHotspot(fit, 4, 6.5), EPS);
        assertNull(PredictiveMetrics.weeksToHotspot(fit, 4, 3.0));
        // Fitted week 4 = 4 exactly equals the target 4: it reaches it now, (4 − 4)/1 = 0 weeks; only "already
        // above" is NULL in the spec.
        assertEquals(0.0, PredictiveMetrics.weeksToHotspot(fit, 4, 4.0), EPS);
        Ols falling = Ols.fit(new double[] {1, 2, 3}, new double[] {3, 2, 1});
        assertNull(PredictiveMetrics.weeksToHotspot(falling, 3, 10.0));
        // the outlook, horizon = 4 full weeks: 2.5 weeks is within, (100 − 4)/1 = 96 beyond; at the target: already above
        assertEquals("Within the horizon", PredictiveMetrics.hotspotOutlook(fit, 4, 6.5));
        assertEquals("Within the horizon", PredictiveMetrics.hotspotOutlook(fit, 4, 8.0)); // exactly 4 weeks: included
        assertEquals("Beyond the horizon", PredictiveMetrics.hotspotOutlook(fit, 4, 100.0));
        assertEquals("Already above", PredictiveMetrics.hotspotOutlook(fit, 4, 4.0));
        assertEquals("Not rising", PredictiveMetrics.hotspotOutlook(falling, 3, 10.0));
        for (int i = 0; i < 3; i++) assertEquals("Already above", v(i, "hotspotOutlook"));
    }
}
