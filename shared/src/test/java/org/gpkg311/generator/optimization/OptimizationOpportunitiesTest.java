package org.gpkg311.generator.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.spatial.SpatialFixture;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * optimizationOpportunities on {@link SpatialFixture}. From serviceEfficiency's definitions by hand:
 * requests 8, 6, 5, 0 (median 5.5) → workloadRatio 1.4545, 1.0909, 0.9091, 0; district medians 10, 6, 70, NULL
 * (median 10) → responseTimeRatio 1, 0.6, 7; efficiencyScore 1.4545, 1.8182, 0.12987.
 * dailyCV (requestVolatility: zero-filled 92 days, sample SD): D1 8 single-request days → √((8 − 64/92)/91)/(8/92)
 * = 3.258125936084211; D2 6 days 3.8066839231596954; D3 5 days 4.194187500721539; D4 NULL (mean 0).
 */
class OptimizationOpportunitiesTest {

    static final double EPS = 1e-9;
    static GeneratorOutput out;
    static Table d;

    @BeforeAll
    static void run() {
        out = new OptimizationOpportunities().generate(SpatialFixture.snapshot(), RunSettings.defaults());
        d = out.layer("optimizationOpportunitiesDistricts");
    }

    static Object v(int district, String column) {
        return d.get(district, column);
    }

    @Test
    void gaps() {
        // Target = type-7 P25 of (6, 10, 70) = 6 + 0.5·4 = 8; best = 6.
        assertEquals("8.0", out.provenance().value("responseTargetHours"));
        assertEquals(2.0, (Double) v(0, "responseGapHours"), EPS);
        assertEquals(0.0, (Double) v(1, "responseGapHours"), EPS);
        assertEquals(62.0, (Double) v(2, "responseGapHours"), EPS);
        assertNull(v(3, "responseGapHours"));
        assertEquals(4.0, (Double) v(0, "responseGapToBestHours"), EPS);
        assertEquals(64.0, (Double) v(2, "responseGapToBestHours"), EPS);
        // P75 of efficiency (0.12987, 1.45455, 1.81818) = 1.45455 + 0.5·0.36364 = 1.63636.
        assertEquals(0.18181818181818166, (Double) v(0, "efficiencyGap"), EPS);
        assertEquals(0.0, (Double) v(1, "efficiencyGap"), EPS);
        assertEquals(1.5064935064935063, (Double) v(2, "efficiencyGap"), EPS);
        assertNull(v(3, "efficiencyGap"));
        // |workloadRatio − 1|.
        assertEquals(8 / 5.5 - 1, (Double) v(0, "workloadGap"), EPS);
        assertEquals(1.0, (Double) v(3, "workloadGap"), EPS);
        // dailyCV × share: 3.258126 · 8/19; D4 has no CV.
        assertEquals(1.3718424994038783, (Double) v(0, "volatilityImpact"), EPS);
        assertEquals(1.1037335528214576, (Double) v(2, "volatilityImpact"), EPS);
        assertNull(v(3, "volatilityImpact"));
        // workloadRatio × responseTimeRatio.
        assertEquals(1.4545454545454546, (Double) v(0, "workloadPressure"), EPS);
        assertEquals(6.363636363636363, (Double) v(2, "workloadPressure"), EPS);
        assertNull(v(3, "workloadPressure"));
    }

    @Test
    void hoursSaved() {
        // Σ max(0, h − 8): D1 10,20,30,5,5,40,2 → 2+12+22+32 = 68; D2 4,6,8,12,1 → 4; D3 50,60,100,80 → 258; D4 none → 0.
        assertEquals(68.0, (Double) v(0, "expectedHoursSaved"), EPS);
        assertEquals(4.0, (Double) v(1, "expectedHoursSaved"), EPS);
        assertEquals(258.0, (Double) v(2, "expectedHoursSaved"), EPS);
        assertEquals(0.0, (Double) v(3, "expectedHoursSaved"), EPS);
        Table r = out.layer("optimizationOpportunitiesRequests");
        for (int i = 0; i < r.rowCount(); i++) {
            String id = (String) r.get(i, "requestId");
            if (id.equals("r16")) assertEquals(52.0, (Double) r.get(i, "potentialHoursSaved"), EPS);
            if (id.equals("r08")) assertEquals(0.0, (Double) r.get(i, "potentialHoursSaved"), EPS);
            if (id.equals("r06")) assertNull(r.get(i, "potentialHoursSaved")); // open
        }
    }

    @Test
    void varianceWeightedOpportunityScore() {
        // Min–max over the districts that have each gap: response (2, 0, 62) → (0.032258, 0, 1);
        // efficiency (0.1818, 0, 1.5065) → (0.120690, 0, 1); workload (0.4545, 0.0909, 0.0909, 1) → (0.4, 0, 0, 1);
        // volatility (1.37184, 1.20211, 1.10373) → (1, 0.366930, 0). Population variances over D1..D3 (complete) give
        // weights 0.34718826561684857, 0.32034369894803855, 0.057340137187160745, 0.27512789824795214 (hand arithmetic).
        assertEquals(0.34718826561684857, (Double) v(0, "weightResponse"), EPS);
        assertEquals(0.32034369894803855, (Double) v(0, "weightEfficiency"), EPS);
        assertEquals(0.057340137187160745, (Double) v(0, "weightWorkload"), EPS);
        assertEquals(0.27512789824795214, (Double) v(0, "weightStability"), EPS);
        // 100 · Σ weight · component.
        assertEquals(34.7925745157022, (Double) v(0, "opportunityScore"), EPS);
        assertEquals(10.095262222349936, (Double) v(1, "opportunityScore"), EPS);
        assertEquals(66.75319645648872, (Double) v(2, "opportunityScore"), EPS);
        assertNull(v(3, "opportunityScore"));
        assertEquals(List.of(2, 3, 1), List.of(v(0, "priorityRank"), v(1, "priorityRank"), v(2, "priorityRank")));
        assertNull(v(3, "priorityRank"));
        // Quartile classes of 10.1 < 34.8 < 66.8 → 1, 2, 4.
        assertEquals("Moderate", v(0, "priorityLabel"));
        assertEquals("Low", v(1, "priorityLabel"));
        assertEquals("High", v(2, "priorityLabel"));
        // score × share (8/19, 6/19, 5/19) rescaled: D2 lowest → 0, D3 highest → 100, D1 79.71210817593784.
        assertEquals(79.71210817593784, (Double) v(0, "optimizationImpact"), 1e-7);
        assertEquals(0.0, (Double) v(1, "optimizationImpact"), EPS);
        assertEquals(100.0, (Double) v(2, "optimizationImpact"), EPS);
        // Largest weighted contribution: D1 stability 0.7908 of the score; D2 only stability; D3 response 0.5201 > 0.5.
        assertEquals("Stability", v(0, "opportunityCategory"));
        assertEquals("Stability", v(1, "opportunityCategory"));
        assertEquals("Response time", v(2, "opportunityCategory"));
        assertNull(v(3, "opportunityCategory"));
    }

    @Test
    void aWindowWithoutRequestsGivesNullGapsAndScores() {
        // No closed request → no district median, no target; no request → no workload ratio (median count 0)
        // and no CV: every gap and the score are NULL, and no district gets a made-up 0 of hours saved.
        GeneratorOutput empty = new OptimizationOpportunities().generate(
                SpatialFixture.snapshot(SpatialFixture.districts(), List.of()), RunSettings.defaults());
        Table t = empty.layer("optimizationOpportunitiesDistricts");
        assertEquals(4, t.rowCount());
        for (int i = 0; i < 4; i++) {
            assertNull(t.get(i, "responseGapHours"));
            assertNull(t.get(i, "workloadGap"));
            assertNull(t.get(i, "expectedHoursSaved"));
            assertNull(t.get(i, "opportunityScore"));
            assertNull(t.get(i, "opportunityCategory"));
            assertNull(t.get(i, "priorityLabel"));
        }
    }

    @Test
    void multiFactorWhenNoGapHoldsAMajority() {
        // Two gaps of weight 0.5 each contributing equally: the largest holds exactly half, not a majority.
        assertEquals("Multi-factor", OptimizationMetrics.category(new double[] {0.5, 0.5, 0, 0}, new Double[] {1.0, 1.0, 0.0, 0.0}, new boolean[4]));
        assertEquals("Efficiency", OptimizationMetrics.category(new double[] {0.4, 0.6, 0, 0}, new Double[] {1.0, 1.0, 0.0, 0.0}, new boolean[4]));
        // Floating-point noise past 12 digits is a tie (Revision 3): a share of 0.5 + 1e-14 is not a majority.
        assertEquals("Multi-factor", OptimizationMetrics.category(new double[] {0.5 + 2e-14, 0.5 - 2e-14, 0, 0}, new Double[] {1.0, 1.0, 0.0, 0.0}, new boolean[4]));
    }
}
