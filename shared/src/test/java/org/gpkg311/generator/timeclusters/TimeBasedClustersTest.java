package org.gpkg311.generator.timeclusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.series.TimeFixture;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.Window;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;

/**
 * Expected values from {@link TimeFixture}: the 31 features (24 hourly + 7 day shares) of D1, D2, D3, D5
 * (D4 has none), z-scored with the population SD; an independent plain-Python brute force over every
 * partition for k = 2 and 3 (k ≤ n − 1 = 3) gives k = 2 {D1, D3, D5 | D2}, mean silhouette 0.18522
 * (k = 3: 0.06646). Clusters are numbered by mean businessHoursShare: D2 (0) is 1, {D1, D3, D5} (0.979) is 2.
 */
class TimeBasedClustersTest {

    private static final double EPS = 1e-12;
    private final GeneratorOutput out = new TimeBasedClusters().generate(TimeFixture.snapshot(), RunSettings.defaults());
    private final Table d = out.layer("timeBasedClustersDistricts");

    @Test
    void clustersSizesAndLabels() {
        assertEquals(2, d.get(0, "clusterId"));
        assertEquals(1, d.get(1, "clusterId"));
        assertEquals(2, d.get(2, "clusterId"));
        assertNull(d.get(3, "clusterId"));
        assertEquals(2, d.get(4, "clusterId"));
        assertEquals(3, d.get(0, "clusterSize"));
        assertEquals(1, d.get(1, "clusterSize"));
        // cluster 1 (D2): weekday share/5 = 1/60 < weekend share/2 = 11/24; evening 10/12 over 5 hours is its busiest daypart
        assertEquals("Weekend evenings", d.get(1, "clusterLabel"));
        // cluster 2: weekday/5 = 0.1958 > weekend/2 = 0.0104; afternoon (1/16 + 1 + 13/27)/3/5 = 0.103 > morning 0.081
        assertEquals("Weekday afternoons", d.get(0, "clusterLabel"));
    }

    @Test
    void silhouettesDistancesAndSecondBest() {
        assertEquals(0.22381393085306364, (Double) d.get(0, "clusterConfidence"), 1e-9);
        assertEquals(0.0, (Double) d.get(1, "clusterConfidence"), 1e-12);
        assertEquals(0.2597434763413579, (Double) d.get(2, "clusterConfidence"), 1e-9);
        assertEquals(0.257340794534258, (Double) d.get(4, "clusterConfidence"), 1e-9);
        assertEquals(3.7027206019889873, (Double) d.get(0, "distanceToCentroid"), 1e-9);
        assertEquals(0.0, (Double) d.get(1, "distanceToCentroid"), 1e-12);
        assertEquals(3.222252005242194, (Double) d.get(2, "distanceToCentroid"), 1e-9);
        assertEquals(1, d.get(0, "secondBestClusterId"));
        assertEquals(2, d.get(1, "secondBestClusterId"));
        String byK = out.provenance().value("timeClusterSilhouetteByK");
        assertTrue(byK.startsWith("k=2: 0.18522455") && byK.contains("; k=3: 0.0664583") && !byK.contains("k=4"), byK);
        assertEquals("2", out.provenance().value("timeClusterK"));
    }

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
    void centroidProfileColumns() {
        assertEquals(11.0 / 12, (Double) d.get(1, "clusterWeekendShare"), EPS);
        assertEquals(0.0, (Double) d.get(1, "clusterBusinessHoursShare"), EPS);
        assertEquals(20, d.get(1, "clusterPeakHour"));
        // cluster 2: weekend (1/16 + 0 + 0)/3; business (15/16 + 1 + 1)/3; hour 9 (13/16 + 0 + 1/27)/3 is the busiest
        assertEquals(1.0 / 48, (Double) d.get(0, "clusterWeekendShare"), EPS);
        assertEquals((15.0 / 16 + 2) / 3, (Double) d.get(0, "clusterBusinessHoursShare"), EPS);
        assertEquals(9, d.get(0, "clusterPeakHour"));
        assertEquals(d.get(0, "clusterPeakHour"), d.get(4, "clusterPeakHour"));
    }

    @Test
    void geographicSpreadAndPieces() {
        // cluster 2 centroids at lon −86.795, −86.775, −86.595 on lat 36.105: mean lon −86.721667; mean offset
        // 0.084444° along the parallel; arc length N·cos φ·Δλ with WGS84 N = a / √(1 − e² sin² φ) (the geodesic
        // differs from the parallel arc by ~1e-8 relative at 11 km)
        double a = 6378137.0, f = 1 / 298.257223563, e2 = f * (2 - f), phi = Math.toRadians(36.105);
        double n = a / Math.sqrt(1 - e2 * Math.sin(phi) * Math.sin(phi));
        double expectedKm = n * Math.cos(phi) * Math.toRadians((0.073333333333333 + 0.053333333333333 + 0.126666666666667) / 3) / 1000;
        assertEquals(expectedKm, (Double) d.get(0, "clusterGeographicSpreadKm"), 1e-5);
        assertEquals(0.0, (Double) d.get(1, "clusterGeographicSpreadKm"), EPS);
        // D1, D3 and D5 touch no other member (D2 lies between D1 and D3): three pieces; D2 alone: one
        assertEquals(3, d.get(0, "clusterPieces"));
        assertEquals(1, d.get(1, "clusterPieces"));
        assertNull(d.get(3, "clusterPieces"));
    }

    @Test
    void clusterPiecesFollowContiguity() {
        // neighbours 0–1, 1–2; cluster 0 = {0, 1, 3}: {0, 1} joined, 3 alone -> 2 pieces
        int[][] nb = {{1}, {0, 2}, {1}, {}};
        assertEquals(2, ClusterGeography.pieces(nb, new Integer[] {0, 0, 1, 0}, 0));
        assertEquals(1, ClusterGeography.pieces(nb, new Integer[] {0, 0, 1, 0}, 1));
    }

    @Test
    void labelsRepeatedAcrossClustersGetTheirNumber() {
        double[] morningWeekday = new double[31];
        morningWeekday[9] = 1.0;
        morningWeekday[24] = 1.0; // all on Monday
        String[] labels = TimeClusterMetrics.labels(new double[][] {morningWeekday, morningWeekday.clone()});
        assertEquals("Weekday mornings (cluster 1)", labels[0]);
        assertEquals("Weekday mornings (cluster 2)", labels[1]);
    }

    @Test
    void fewerDistrictsWithRequestsThanTheSmallestClusteringNeeds() {
        Snapshot s = TimeFixture.snapshot(Window.endingAt(TimeFixture.AS_OF, TimeFixture.ZONE), List.of(
                TimeFixture.request("a", "Noise", TimeFixture.local(TimeFixture.weekDay(2, 1), 9, 0), null, 1, true),
                TimeFixture.request("b", "Noise", TimeFixture.local(TimeFixture.weekDay(3, 5), 22, 0), null, 2, true)));
        GeneratorOutput o = new TimeBasedClusters().generate(s, RunSettings.defaults());
        Table t = o.layer("timeBasedClustersDistricts");
        for (int i = 0; i < t.rowCount(); i++) {
            for (String c : List.of("clusterId", "clusterSize", "clusterLabel", "distanceToCentroid", "clusterConfidence",
                    "secondBestClusterId", "clusterWeekendShare", "clusterPieces")) {
                assertNull(t.get(i, c), c);
            }
        }
        assertEquals(9, t.get(0, "dominantHour")); // own profile still filled
        Provenance.Entry k = o.provenance().entries().stream().filter(e -> e.key().equals("timeClusterK")).findFirst().orElseThrow();
        assertEquals("NULL", k.value());
        assertTrue(k.description().contains("fewer than 3"), k.description());
    }

    @Test
    void requestContext() {
        Table r = out.layer("timeBasedClustersRequests");
        for (int row = 0; row < r.rowCount(); row++) {
            if (((String) r.get(row, "requestId")).startsWith("D2-")) {
                assertEquals(1, r.get(row, "clusterId"));
                assertEquals("Weekend evenings", r.get(row, "clusterLabel"));
            }
        }
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
