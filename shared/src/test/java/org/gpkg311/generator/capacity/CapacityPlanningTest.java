package org.gpkg311.generator.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.spatial.SpatialFixture;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * capacityPlanning on a regular hand-made series over the 92 window days 2025-08-25 .. 2025-11-24
 * (every request opened at 15:00 UTC, i.e. the same local date in Nashville):
 * D1: 2 requests a day closed 24 h later (closures 0 on day 0, then 2; the two of the last day are open at asOf);
 * D2: 1 a day for days 0–45, 3 a day for days 46–91, each closed 1 h later;
 * D3: 1 a day closed 72 h later (closures from day 3; the last three days' requests open at asOf);
 * D4: none.
 */
class CapacityPlanningTest {

    static final double EPS = 1e-9;
    static GeneratorOutput out;
    static Table d;

    @BeforeAll
    static void run() {
        List<ServiceRequest> r = new ArrayList<>();
        LocalDate start = LocalDate.of(2025, 8, 25);
        for (int day = 0; day < 92; day++) {
            String opened = start.plusDays(day) + "T15:00:00Z";
            for (int k = 0; k < 2; k++) r.add(SpatialFixture.req("a" + day + "_" + k, 1, "Trash", null, -86.79, 36.11, opened, 24));
            int d2 = day < 46 ? 1 : 3;
            for (int k = 0; k < d2; k++) r.add(SpatialFixture.req("b" + day + "_" + k, 2, "Trash", null, -86.77, 36.11, opened, 1));
            r.add(SpatialFixture.req("c" + day, 3, "Trash", null, -86.75, 36.11, opened, 72));
        }
        Snapshot s = SpatialFixture.snapshot(SpatialFixture.districts(), r);
        out = new CapacityPlanning().generate(s, RunSettings.defaults());
        d = out.layer("capacityPlanningDistricts");
    }

    static Object v(int district, String column) {
        return d.get(district, column);
    }

    @Test
    void dailyIntakeStatistics() {
        assertEquals(2.0, (Double) v(0, "dailyIntakeMedian"), EPS);
        assertEquals(0.0, (Double) v(0, "dailyIntakeMAD"), EPS);
        assertEquals(0.0, (Double) v(0, "dailyIntakeIQR"), EPS);
        // D2: 46 ones and 46 threes: median (1 + 3)/2 = 2; |x − 2| = 1 everywhere → 1.4826 × 1;
        // Q1 at h = 91·0.25 = 22.75 → 1, Q3 at 68.25 → 3: IQR 2.
        assertEquals(2.0, (Double) v(1, "dailyIntakeMedian"), EPS);
        assertEquals(1.4826, (Double) v(1, "dailyIntakeMAD"), EPS);
        assertEquals(2.0, (Double) v(1, "dailyIntakeIQR"), EPS);
        assertEquals(0.0, (Double) v(3, "dailyIntakeMedian"), EPS);
    }

    @Test
    void capacityUtilizationAndPressure() {
        // D1 closures: one 0 then 91 twos → Q1 = Q3 = 2, fence 2 + 1.5·0 = 2; recent 2 → utilization 1;
        // backlog 2 (the last day's pair); median closures 2 → pressure 1.
        assertEquals(2.0, (Double) v(0, "demonstratedCapacity"), EPS);
        assertEquals(2.0, (Double) v(0, "recentDailyIntake"), EPS);
        assertEquals(1.0, (Double) v(0, "utilization"), EPS);
        assertEquals(2, v(0, "backlog"));
        assertEquals(1.0, (Double) v(0, "pressureDays"), EPS);
        // D2 closures = intake: fence 3 + 1.5·2 = 6; recent 3 → 0.5; nothing open → pressure 0/2 = 0.
        assertEquals(6.0, (Double) v(1, "demonstratedCapacity"), EPS);
        assertEquals(3.0, (Double) v(1, "recentDailyIntake"), EPS);
        assertEquals(0.5, (Double) v(1, "utilization"), EPS);
        assertEquals(0, v(1, "backlog"));
        assertEquals(0.0, (Double) v(1, "pressureDays"), EPS);
        // D3: closures three 0s then 89 ones → fence 1; utilization 1; backlog 3 → pressure 3/1.
        assertEquals(1.0, (Double) v(2, "demonstratedCapacity"), EPS);
        assertEquals(3, v(2, "backlog"));
        assertEquals(3.0, (Double) v(2, "pressureDays"), EPS);
        // D4: fence 0 → NULL capacity and utilization; median closures 0 → NULL pressure; backlog 0.
        assertNull(v(3, "demonstratedCapacity"));
        assertNull(v(3, "utilization"));
        assertNull(v(3, "pressureDays"));
        assertEquals(0, v(3, "backlog"));
    }

    @Test
    void trendAndDaysToCapacity() {
        // D2: OLS of the step (1 ×46, 3 ×46) on x = 1..92: Sxx = 92·(92² − 1)/12 = 64883;
        // Sxy = −1058 + 3·1058 = 2116 (Σ over x > 46 of x − 46.5 = 1058) → slope 2116/64883 = 0.032612548741581.
        // daysToCapacity = (6 − 3) / slope = 3·64883/2116 = 91.98913043478261.
        assertEquals(0.032612548741581, (Double) v(1, "intakeTrendPerDay"), 1e-12);
        assertEquals(91.98913043478261, (Double) v(1, "daysToCapacity"), 1e-9);
        // Flat intake: slope 0 → not rising → NULL.
        assertEquals(0.0, (Double) v(0, "intakeTrendPerDay"), 1e-12);
        assertNull(v(0, "daysToCapacity"));
        assertNull(v(3, "daysToCapacity"));
        // month3 = 2025-10-25 .. 11-24 (31 days), all in D2's second half → 3 per day.
        assertEquals(2.0, (Double) v(0, "currentMonthIntakePerDay"), EPS);
        assertEquals(3.0, (Double) v(1, "currentMonthIntakePerDay"), EPS);
        assertEquals(0.0, (Double) v(3, "currentMonthIntakePerDay"), EPS);
    }

    @Test
    void varianceWeightedCapacityRisk() {
        // Normalised over D1..D3 (D4 lacks utilization): utilization 1, 0, 1; pressure 1/3, 0, 1; trend 0, 1, 0.
        // Population variances 2/9, 14/81, 2/9 → weights 18/50 = 0.36, 14/50 = 0.28, 0.36.
        // D1 = 100·(0.36 + 0.28/3) = 45.333…; D2 = 36; D3 = 100·(0.36 + 0.28) = 64; D4 NULL.
        assertEquals(0.36, (Double) v(0, "weightUtilization"), EPS);
        assertEquals(0.28, (Double) v(0, "weightPressureDays"), EPS);
        assertEquals(0.36, (Double) v(3, "weightIntakeTrend"), EPS);
        assertEquals(45.33333333333333, (Double) v(0, "capacityRisk"), EPS);
        assertEquals(36.0, (Double) v(1, "capacityRisk"), EPS);
        assertEquals(64.0, (Double) v(2, "capacityRisk"), EPS);
        assertNull(v(3, "capacityRisk"));
        // Quartile classes of 36 < 45.33 < 64 → 1, 2, 4.
        assertEquals("Lower-middle quarter", v(0, "capacityRiskCategory"));
        assertEquals("Lowest quarter", v(1, "capacityRiskCategory"));
        assertEquals("Highest quarter", v(2, "capacityRiskCategory"));
        assertNull(v(3, "capacityRiskCategory"));
        assertEquals("0.36", out.provenance().value("capacityRisk.weight.utilization"));
    }

    @Test
    void capacityStatusBySilhouette() {
        // z-scores (sample SD): utilization (1, 0.5, 1) → 0.57735, −1.1547, 0.57735; pressure (1, 0, 3) → −0.21822, −0.87287, 1.09109.
        // Distances: D1–D3 1.309307, D1–D2 1.8516403, D2–D3 2.6186147 → clusters {D1, D3}, {D2};
        // ordered by utilization: {D2} Low, {D1, D3} High. Silhouettes: D1 1 − 1.309307/1.8516403 = 0.29289;
        // D3 1 − 1.309307/2.6186147 = 0.5; D2 alone 0.
        assertEquals("High", v(0, "capacityStatus"));
        assertEquals("Low", v(1, "capacityStatus"));
        assertEquals("High", v(2, "capacityStatus"));
        assertNull(v(3, "capacityStatus"));
        assertEquals(0.2928932, (Double) v(0, "capacityConfidence"), 1e-6);
        assertEquals(0.5, (Double) v(2, "capacityConfidence"), 1e-6);
        assertEquals(0.0, (Double) v(1, "capacityConfidence"), 1e-12);
    }

    @Test
    void aWindowWithoutRequestsGivesZeroCountsAndNullRatios() {
        // 92 zero days everywhere: median, MAD, IQR, recent intake and month rate 0; closures all 0 → fence 0 →
        // NULL capacity and utilization; median closures 0 → NULL pressure; flat intake → slope 0, no daysToCapacity;
        // every capacityRisk component undefined or constant → NULL risk, no status.
        GeneratorOutput empty = new CapacityPlanning().generate(
                SpatialFixture.snapshot(SpatialFixture.districts(), List.of()), RunSettings.defaults());
        Table t = empty.layer("capacityPlanningDistricts");
        assertEquals(4, t.rowCount());
        for (int i = 0; i < 4; i++) {
            assertEquals(0.0, (Double) t.get(i, "dailyIntakeMedian"), 0.0);
            assertEquals(0.0, (Double) t.get(i, "recentDailyIntake"), 0.0);
            assertEquals(0.0, (Double) t.get(i, "intakeTrendPerDay"), 0.0);
            assertEquals(0.0, (Double) t.get(i, "currentMonthIntakePerDay"), 0.0);
            assertEquals(0, t.get(i, "backlog"));
            assertNull(t.get(i, "demonstratedCapacity"));
            assertNull(t.get(i, "utilization"));
            assertNull(t.get(i, "pressureDays"));
            assertNull(t.get(i, "daysToCapacity"));
            assertNull(t.get(i, "capacityRisk"));
            assertNull(t.get(i, "capacityStatus"));
        }
    }

    @Test
    void requestContextCarriesTheDistrictValues() {
        Table r = out.layer("capacityPlanningRequests");
        for (int i = 0; i < r.rowCount(); i++) {
            if (!"c5".equals(r.get(i, "requestId"))) continue;
            assertEquals("High", r.get(i, "capacityStatus"));
            assertEquals(1.0, (Double) r.get(i, "utilization"), EPS);
            assertEquals(64.0, (Double) r.get(i, "capacityRisk"), EPS);
            return;
        }
        throw new AssertionError("c5 missing");
    }
}
