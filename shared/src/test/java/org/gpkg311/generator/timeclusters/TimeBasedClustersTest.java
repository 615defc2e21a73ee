package org.gpkg311.generator.timeclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.series.TimeFixture;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;

/**
 * Expected values from {@link TimeFixture} (five districts with a few requests each: below Cochran's minimum for
 * time groups, so only the districts' own profile columns are filled) and hand-made centroids for the naming.
 */
class TimeBasedClustersTest {

    private static final double EPS = 1e-12;
    private final GeneratorOutput out = new TimeBasedClusters().generate(TimeFixture.snapshot(), RunSettings.defaults());
    private final Table d = out.layer("timeBasedClustersDistricts");

    @Test
    void ownProfileColumns() {
        assertEquals(9, d.get(0, "dominantHour"));
        assertEquals("Tuesday", d.get(0, "dominantDay"));
        assertEquals(20, d.get(1, "dominantHour"));
        assertEquals("Sunday", d.get(1, "dominantDay"));
        assertEquals(13.0 / 16, (Double) d.get(0, "tuesdayShare"), EPS);
        assertEquals(15.0 / 16, (Double) d.get(0, "morningShare"), EPS);
        assertEquals(15.0 / 16, (Double) d.get(0, "businessHoursShare"), EPS);
        assertEquals(11.0 / 12, (Double) d.get(1, "weekendShare"), EPS);
        assertEquals(2.19139175005242, (Double) d.get(0, "dailyCV"), 1e-12); // as in requestVolatility
    }

    @Test
    void clusterPiecesFollowContiguity() {
        // neighbours 0–1, 1–2; cluster 0 = {0, 1, 3}: {0, 1} joined, 3 alone -> 2 pieces
        int[][] nb = {{1}, {0, 2}, {1}, {}};
        assertEquals(2, ClusterGeography.pieces(nb, new Integer[] {0, 0, 1, 0}, 0));
        assertEquals(1, ClusterGeography.pieces(nb, new Integer[] {0, 0, 1, 0}, 1));
    }

    /* Every fixture district has fewer than Cochran's 155 requests (5 per share, 31 shares): no clustering. */
    @Test
    void tooFewRequestsForTimeGroups() {
        assertEquals(155, TimeClusterMetrics.MIN_REQUESTS);
        for (int i = 0; i < d.rowCount(); i++) {
            assertEquals("Too few requests", d.get(i, "clusterLabel"));
            for (String c : List.of("clusterId", "clusterSize", "distanceToCentroid", "clusterConfidence",
                    "secondBestClusterId", "clusterWeekendShare", "clusterPeakHour", "clusterPieces")) {
                assertNull(d.get(i, c), c);
            }
        }
        assertEquals("NULL", out.provenance().value("clusterLabel.k"));
        assertTrue(out.provenance().value("clusterLabel.decision").contains("fewer than 4 eligible districts (0)"));
        Table r = out.layer("timeBasedClustersRequests");
        assertEquals("Too few requests", r.get(0, "clusterLabel"));
    }

    /*
     * City: weekend share 2/7, mornings 0.25, evenings 0.25 of the day. Group A: weekend 0.1 (below the city),
     * mornings 0.5 (2× the city) → "Weekday, mornings". Group B: weekend 0.5, evenings 0.6 (2.4×) →
     * "Weekend-heavy, evenings". Group C as A with a little more afternoon: the same two words, so A and C add their
     * next daypart by multiple.
     */
    @Test
    void namesSayWhatSetsTheCentroidApartFromTheCity() {
        double[] city = profile(new double[] {0.25, 0.25, 0.25, 0.25, 0.0}, 2.0 / 7);
        double[] a = profile(new double[] {0.1, 0.5, 0.2, 0.15, 0.05}, 0.1);
        double[] b = profile(new double[] {0.1, 0.1, 0.15, 0.6, 0.05}, 0.5);
        double[] c = profile(new double[] {0.05, 0.45, 0.3, 0.15, 0.05}, 0.1);
        String[] names = new TimeClusterMetrics.CityContrast(city).names(new double[][] {a, b}, null, null);
        assertEquals(List.of("Weekday, mornings", "Weekend-heavy, evenings"), List.of(names));
        names = new TimeClusterMetrics.CityContrast(city).names(new double[][] {a, b, c}, null, null);
        // a: after mornings (2×) comes nights (0.4×) vs afternoon 0.8×: afternoons; c: mornings 1.8×, afternoons 1.2×
        assertEquals(List.of("Weekday, mornings, afternoons", "Weekend-heavy, evenings", "Weekday, mornings, afternoons"), List.of(names));
    }

    /** A 31-feature profile: daypart shares [night, morning, afternoon, evening, late] spread evenly over their hours. */
    private static double[] profile(double[] daypart, double weekend) {
        double[] p = new double[31];
        int[][] hours = {{0, 6}, {6, 12}, {12, 17}, {17, 22}, {22, 24}};
        for (int k = 0; k < 5; k++) for (int h = hours[k][0]; h < hours[k][1]; h++) p[h] = daypart[k] / (hours[k][1] - hours[k][0]);
        for (int dd = 0; dd < 5; dd++) p[24 + dd] = (1 - weekend) / 5;
        p[29] = p[30] = weekend / 2;
        return p;
    }

    @Test
    void declaredColumnsAreTheSpecsList() {
        // generators.md section 6: the 7 day shares, the daypart shares, businessHoursShare, weekendShare, dailyCV
        assertEquals(List.of("clusterId", "clusterSize", "clusterLabel", "dominantHour", "dominantDay",
                        "distanceToCentroid", "clusterConfidence", "secondBestClusterId", "mondayShare", "tuesdayShare",
                        "wednesdayShare", "thursdayShare", "fridayShare", "saturdayShare", "sundayShare", "nightShare",
                        "morningShare", "afternoonShare", "eveningShare", "lateEveningShare", "businessHoursShare",
                        "weekendShare", "dailyCV", "clusterWeekendShare", "clusterBusinessHoursShare", "clusterPeakHour",
                        "clusterGeographicSpreadKm", "clusterPieces"),
                TimeBasedClusters.DISTRICT_COLUMNS.stream().map(Binding::name).toList());
        assertEquals(List.of("clusterId", "clusterLabel"),
                TimeBasedClusters.REQUEST_COLUMNS.stream().map(Binding::name).toList());
    }
}
