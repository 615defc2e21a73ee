package org.gpkg311.generator.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.common.DistrictLayer;
import org.gpkg311.generator.common.RequestLayer;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.table.Column;
import org.gpkg311.table.Table;
import org.gpkg311.testing.SnapshotFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * serviceEfficiency on a fixture worked by hand:
 * D1 (2 km²): closed in 1, 2, 3, 10 h + 1 open; D2 (4 km²): closed in 4, 6, 8 h;
 * D3 (5 km²): closed in 5 h + 1 closed without a close time (no point); D4 (10 km²): no request.
 */
class ServiceEfficiencyTest {

    private static final double EPS = 1e-12;
    private static final Instant AS_OF = Instant.parse("2025-11-24T18:00:00Z");
    private static final Instant T = Instant.parse("2025-11-10T15:00:00Z");

    static Snapshot snapshot;
    static Table districts;
    static Table requests;

    @BeforeAll
    static void build() {
        snapshot = new SnapshotFixture(AS_OF)
                .district(1, 2).district(2, 4).district(3, 5).district(4, 10)
                .closed(1, T, 1).closed(1, T, 2).closed(1, T, 3).closed(1, T, 10).open(1, T)
                .closed(2, T, 4).closed(2, T, 6).closed(2, T, 8)
                .closed(3, T, 5).add(3, T, null, false, false, "Public Safety")
                .build();
        GeneratorOutput out = new ServiceEfficiency().generate(snapshot, RunSettings.defaults());
        districts = out.layer("serviceEfficiencyDistricts");
        requests = out.layer("serviceEfficiencyRequests");
    }

    private static Object d(int row, String column) {
        return districts.get(row, column);
    }

    @Test
    void columnsAreExactlyThoseTheSpecNames() {
        // generators.md section 1, copied in its order: district metrics, then the request context.
        List<String> districtMetrics = List.of("closedCount", "openCount", "closureRate", "medianResponseHours",
                "meanResponseHours", "p90ResponseHours", "workloadRatio", "responseTimeRatio", "efficiencyScore",
                "efficiencyPercentile", "efficiencyQuartile", "efficiencyCategory", "efficiencyRank",
                "cityMedianResponseHours", "requestDensity", "densityWorkloadRatio", "workloadResponseQuadrant");
        List<String> requestFields = List.of("efficiencyScore", "efficiencyQuartile", "efficiencyCategory",
                "districtMedianResponseHours", "responseVsDistrictMedian", "responseVsDistrictLabel");
        List<String> expectedDistricts = new ArrayList<>(names(DistrictLayer.BASE_COLUMNS));
        expectedDistricts.addAll(districtMetrics);
        List<String> expectedRequests = new ArrayList<>(names(RequestLayer.BASE_COLUMNS));
        expectedRequests.addAll(requestFields);
        assertEquals(expectedDistricts, names(districts.columns()));
        assertEquals(expectedRequests, names(requests.columns()));
        assertEquals(4, districts.rowCount(), "every district is present, the empty one too");
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).toList();
    }

    @Test
    void countsAndResponseTimes() {
        // requestCount 5, 3, 2, 0 (the unlocated D3 request counts); closed 4, 3, 2, 0; open 1, 0, 0, 0
        assertEquals(5, d(0, "requestCount"));
        assertEquals(2, d(2, "requestCount"));
        assertEquals(0, d(3, "requestCount"));
        assertEquals(4, d(0, "closedCount"));
        assertEquals(1, d(0, "openCount"));
        assertEquals(2, d(2, "closedCount"));
        assertEquals(0.8, (double) d(0, "closureRate"), EPS);
        assertEquals(1.0, (double) d(2, "closureRate"), EPS);
        assertNull(d(3, "closureRate"), "no request: undefined, not 0");
        // D1 hours [1,2,3,10]: median 2.5, mean 4, p90 type 7: h = 3·0.9 = 2.7 → 3 + 0.7·7 = 7.9
        assertEquals(2.5, (double) d(0, "medianResponseHours"), EPS);
        assertEquals(4.0, (double) d(0, "meanResponseHours"), EPS);
        assertEquals(7.9, (double) d(0, "p90ResponseHours"), 1e-9);
        // D2 [4,6,8]: p90 h = 2·0.9 = 1.8 → 6 + 0.8·2 = 7.6
        assertEquals(7.6, (double) d(1, "p90ResponseHours"), 1e-9);
        // D3: the closed request without a close time has no response time → [5]
        assertEquals(5.0, (double) d(2, "medianResponseHours"), EPS);
        assertNull(d(3, "medianResponseHours"));
        assertNull(d(3, "p90ResponseHours"));
    }

    @Test
    void ratiosScoresAndClasses() {
        // median request count of [5,3,2,0] = 2.5 → workload 2, 1.2, 0.8, 0
        assertEquals(2.0, (double) d(0, "workloadRatio"), EPS);
        assertEquals(1.2, (double) d(1, "workloadRatio"), EPS);
        assertEquals(0.0, (double) d(3, "workloadRatio"), EPS);
        // median of district medians [2.5, 6, 5] = 5 → response ratio 0.5, 1.2, 1.0, NULL
        assertEquals(0.5, (double) d(0, "responseTimeRatio"), EPS);
        assertEquals(1.2, (double) d(1, "responseTimeRatio"), EPS);
        assertNull(d(3, "responseTimeRatio"));
        // efficiency 4, 1, 0.8, NULL
        assertEquals(4.0, (double) d(0, "efficiencyScore"), EPS);
        assertEquals(1.0, (double) d(1, "efficiencyScore"), EPS);
        assertEquals(0.8, (double) d(2, "efficiencyScore"), 1e-12);
        assertNull(d(3, "efficiencyScore"));
        // mid-rank among 3: 2.5/3 → 83.3, 1.5/3 → 50.0, 0.5/3 → 16.7
        assertEquals(83.3, (double) d(0, "efficiencyPercentile"), EPS);
        assertEquals(50.0, (double) d(1, "efficiencyPercentile"), EPS);
        assertEquals(16.7, (double) d(2, "efficiencyPercentile"), EPS);
        // quartiles of [0.8, 1, 4]: Q1 0.9, Q2 1, Q3 2.5 → classes 4, 2, 1
        assertEquals(4, d(0, "efficiencyQuartile"));
        assertEquals(2, d(1, "efficiencyQuartile"));
        assertEquals(1, d(2, "efficiencyQuartile"));
        assertNull(d(3, "efficiencyQuartile"));
        assertEquals("Most efficient", d(0, "efficiencyCategory"));
        assertEquals("Below median", d(1, "efficiencyCategory"));
        assertEquals("Least efficient", d(2, "efficiencyCategory"));
        assertEquals(1, d(0, "efficiencyRank"));
        assertEquals(3, d(2, "efficiencyRank"));
        assertNull(d(3, "efficiencyRank"));
    }

    @Test
    void cityMedianDensityAndQuadrants() {
        // all response hours [1,2,3,4,5,6,8,10] → median 4.5, on every row
        for (int i = 0; i < 4; i++) assertEquals(4.5, (double) d(i, "cityMedianResponseHours"), EPS);
        // density 2.5, 0.75, 0.4, 0; median 0.575
        assertEquals(2.5, (double) d(0, "requestDensity"), EPS);
        assertEquals(0.0, (double) d(3, "requestDensity"), EPS);
        assertEquals(2.5 / 0.575, (double) d(0, "densityWorkloadRatio"), 1e-12);
        assertEquals(0.4 / 0.575, (double) d(2, "densityWorkloadRatio"), 1e-12);
        assertEquals("High workload, fast response", d(0, "workloadResponseQuadrant"));
        assertEquals("High workload, slow response", d(1, "workloadResponseQuadrant"));
        assertEquals("Low workload, fast response", d(2, "workloadResponseQuadrant"), "ratio exactly 1 is not slow");
        assertNull(d(3, "workloadResponseQuadrant"));
    }

    @Test
    void requestLayerHoldsLocatedRequestsWithTheirDistrictContext() {
        assertEquals(9, requests.rowCount(), "10 requests, one without a point");
        // row 0: D1, 1 h against a district median of 2.5 → 0.4, faster
        assertEquals("1", requests.get(0, "requestId"));
        assertEquals(0.4, (double) requests.get(0, "responseVsDistrictMedian"), 1e-12);
        assertEquals("Faster than the district median", requests.get(0, "responseVsDistrictLabel"));
        assertEquals(4.0, (double) requests.get(0, "efficiencyScore"), EPS);
        assertEquals(2.5, (double) requests.get(0, "districtMedianResponseHours"), EPS);
        // row 3: D1, 10 h → 4, slower; row 4: the open one → NULL
        assertEquals("Slower than the district median", requests.get(3, "responseVsDistrictLabel"));
        assertNull(requests.get(4, "responseVsDistrictMedian"));
        assertNull(requests.get(4, "responseVsDistrictLabel"));
        // row 6: D2, 6 h = its median → at
        assertEquals("At the district median", requests.get(6, "responseVsDistrictLabel"));
        assertEquals(1.0, (double) requests.get(6, "responseVsDistrictMedian"), EPS);
    }
}
