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

    /* Pressure divides by the mean daily closures: D1 182/92, D3 89/92 (closures of the days' requests in the window). */
    static final double D1_PRESSURE = 2 / (182.0 / 92), D3_PRESSURE = 3 / (89.0 / 92);

    @Test
    void capacityUtilizationAndPressure() {
        // D1 closures: one 0 then 91 twos → best 7-day mean 2; recent 2 → utilization 1 (Over capacity);
        // backlog 2 (the last day's pair); mean closures 182/92 → pressure 92/91.
        assertEquals(2.0, (Double) v(0, "demonstratedCapacity"), EPS);
        assertEquals(2.0, (Double) v(0, "recentDailyIntake"), EPS);
        assertEquals(1.0, (Double) v(0, "utilization"), EPS);
        assertEquals(2, v(0, "backlog"));
        assertEquals(D1_PRESSURE, (Double) v(0, "pressureDays"), EPS);
        // D2 closures = intake: the best week is the 3-a-day half → capacity 3; recent 3 → utilization 1; nothing open.
        assertEquals(3.0, (Double) v(1, "demonstratedCapacity"), EPS);
        assertEquals(3.0, (Double) v(1, "recentDailyIntake"), EPS);
        assertEquals(1.0, (Double) v(1, "utilization"), EPS);
        assertEquals(0, v(1, "backlog"));
        assertEquals(0.0, (Double) v(1, "pressureDays"), EPS);
        // D3: closures three 0s then 89 ones → capacity 1; utilization 1; backlog 3 → pressure 3 / (89/92).
        assertEquals(1.0, (Double) v(2, "demonstratedCapacity"), EPS);
        assertEquals(3, v(2, "backlog"));
        assertEquals(D3_PRESSURE, (Double) v(2, "pressureDays"), EPS);
        // D4: nothing closed → NULL capacity, utilization and pressure; backlog 0.
        assertNull(v(3, "demonstratedCapacity"));
        assertNull(v(3, "utilization"));
        assertNull(v(3, "pressureDays"));
        assertEquals(0, v(3, "backlog"));
    }

    @Test
    void bestWeeklyPaceOfClosures() {
        // 0 0 7 0 0 0 0 | 0 14: windows of 7 → sums 7, 7, 21 (days 2..8 hold 7 + 14) → 21/7 = 3
        assertEquals(3.0, CapacityMetrics.bestWeeklyPace(new double[] {0, 0, 7, 0, 0, 0, 0, 0, 14}), EPS);
        assertNull(CapacityMetrics.bestWeeklyPace(new double[] {0, 0, 0, 0, 0, 0, 0, 0}));
        assertNull(CapacityMetrics.bestWeeklyPace(new double[] {5, 5}));
    }

    @Test
    void trendDaysToCapacityAndOutlook() {
        // D2: OLS of the step (1 ×46, 3 ×46) on x = 1..92: Sxx = 92·(92² − 1)/12 = 64883;
        // Sxy = −1058 + 3·1058 = 2116 (Σ over x > 46 of x − 46.5 = 1058) → slope 2116/64883 = 0.032612548741581.
        // Recent intake 3 is not below the capacity 3 → no daysToCapacity; utilization 1 → Over capacity.
        assertEquals(0.032612548741581, (Double) v(1, "intakeTrendPerDay"), 1e-12);
        assertNull(v(1, "daysToCapacity"));
        for (int i = 0; i < 3; i++) assertEquals("Over capacity", v(i, "capacityOutlook"));
        assertEquals("No capacity shown", v(3, "capacityOutlook"));
        assertEquals(0.0, (Double) v(0, "intakeTrendPerDay"), 1e-12);
        assertNull(v(0, "daysToCapacity"));
        assertNull(v(3, "daysToCapacity"));
        // the rule itself: capacity 6, recent 3, slope 2116/64883 → 91.989 days ≤ H = 92 → within; H = 91 → beyond
        Double days = CapacityMetrics.daysToCapacity(6.0, 3.0, 2116 / 64883.0);
        assertEquals(91.98913043478261, days, 1e-9);
        assertEquals("Reaches capacity within the horizon", CapacityMetrics.outlook(6.0, 0.5, 2116 / 64883.0, days, 92));
        assertEquals("Beyond the horizon", CapacityMetrics.outlook(6.0, 0.5, 2116 / 64883.0, days, 91));
        assertEquals("Not rising", CapacityMetrics.outlook(6.0, 0.5, 0.0, null, 92));
        // month3 = 2025-10-25 .. 11-24 (31 days), all in D2's second half → 3 per day.
        assertEquals(2.0, (Double) v(0, "currentMonthIntakePerDay"), EPS);
        assertEquals(3.0, (Double) v(1, "currentMonthIntakePerDay"), EPS);
        assertEquals(0.0, (Double) v(3, "currentMonthIntakePerDay"), EPS);
    }

    @Test
    void varianceWeightedCapacityRisk() {
        // Utilization is 1 in D1..D3 (D4 lacks it): constant → dropped (weight 0). Pressure min–max: D1 a, D2 0,
        // D3 1 with a = D1/D3 pressure; trend: 0, 1, 0. Weights ∝ population variances.
        double a = D1_PRESSURE / D3_PRESSURE;
        double m = (a + 1) / 3, varP = ((a - m) * (a - m) + m * m + (1 - m) * (1 - m)) / 3, varT = 2.0 / 9;
        double wP = varP / (varP + varT), wT = varT / (varP + varT);
        assertEquals(0.0, (Double) v(0, "weightUtilization"), EPS);
        assertEquals(wP, (Double) v(0, "weightPressureDays"), EPS);
        assertEquals(wT, (Double) v(3, "weightIntakeTrend"), EPS);
        assertEquals(100 * wP * a, (Double) v(0, "capacityRisk"), EPS);
        assertEquals(100 * wT, (Double) v(1, "capacityRisk"), EPS);
        assertEquals(100 * wP, (Double) v(2, "capacityRisk"), EPS);
        assertNull(v(3, "capacityRisk"));
    }

    @Test
    void capacityStatusOverCapacityAtUtilizationOne() {
        // utilization ≥ 1 → "Over capacity" with NULL confidence; nothing is left for the score classes
        for (int i = 0; i < 3; i++) {
            assertEquals("Over capacity", v(i, "capacityStatus"));
            assertNull(v(i, "capacityConfidence"));
        }
        assertNull(v(3, "capacityStatus"));
    }

    @Test
    void aWindowWithoutRequestsGivesZeroCountsAndNullRatios() {
        // 92 zero days everywhere: median, MAD, IQR, recent intake and month rate 0; closures all 0 → no pace shown →
        // NULL capacity and utilization; nothing closed → NULL pressure; flat intake → slope 0, no daysToCapacity;
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
            assertEquals("Over capacity", r.get(i, "capacityStatus"));
            assertEquals(1.0, (Double) r.get(i, "utilization"), EPS);
            assertEquals(v(2, "capacityRisk"), r.get(i, "capacityRisk"));
            return;
        }
        throw new AssertionError("c5 missing");
    }
}
