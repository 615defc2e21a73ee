package org.gpkg311.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.efficiency.ServiceEfficiency;
import org.gpkg311.generator.geographic.GeographicPatterns;
import org.gpkg311.generator.servicetypes.ServiceTypeInsights;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;

/**
 * "Every district is present ... counts are 0 and undefined ratios are NULL (never NaN, never a made-up 0)":
 * the three generators on the four fixture squares with no request at all, and with a single request.
 */
class SparseSnapshotsTest {

    private static GeneratorOutput[] all(Snapshot s) {
        RunSettings settings = RunSettings.defaults();
        return new GeneratorOutput[] {new ServiceEfficiency().generate(s, settings),
                new GeographicPatterns().generate(s, settings), new ServiceTypeInsights().generate(s, settings)};
    }

    @Test
    void noRequestAtAll() {
        GeneratorOutput[] out = all(SpatialFixture.snapshot(SpatialFixture.districts(), List.<ServiceRequest>of()));
        Table eff = out[0].layer("serviceEfficiencyDistricts");
        Table geo = out[1].layer("geographicPatternsDistricts");
        Table types = out[2].layer("serviceTypeInsightsDistricts");
        for (int i = 0; i < 4; i++) {
            assertEquals(0, eff.get(i, "requestCount"));
            assertEquals(0, eff.get(i, "closedCount"));
            // median request count 0 → workloadRatio = 0/0: undefined
            assertNull(eff.get(i, "workloadRatio"));
            assertNull(eff.get(i, "efficiencyScore"));
            assertNull(eff.get(i, "cityMedianResponseHours"));
            assertEquals(0.0, (Double) geo.get(i, "requestDensity"), 0.0);
            // citywide density 0 → density / 0: undefined
            assertNull(geo.get(i, "densityRatioToCity"));
            assertNull(geo.get(i, "meanCenterLon"));
            assertNull(geo.get(i, "concentrationGini"));
            // constant density: Gi* has no spread, so no z and no class
            assertNull(geo.get(i, "densityGiZ"));
            assertNull(geo.get(i, "densityHotSpot"));
            assertEquals(0, types.get(i, "distinctTypes"));
            assertEquals(0, types.get(i, "recurringLocations"));
            assertNull(types.get(i, "recurringShare"));
            assertNull(types.get(i, "shannonDiversity"));
        }
        assertEquals(0, out[1].layer("geographicPatternsHotSpotCells").rowCount());
        assertEquals(0, out[0].layer("serviceEfficiencyRequests").rowCount());
    }

    @Test
    void aSingleRequest() {
        GeneratorOutput[] out = all(SpatialFixture.snapshot(SpatialFixture.districts(), List.of(
                SpatialFixture.req("a", 2, "Noise", "1 A St", -86.775, 36.105, "2025-11-03T15:00:00Z", 4))));
        Table eff = out[0].layer("serviceEfficiencyDistricts");
        Table geo = out[1].layer("geographicPatternsDistricts");
        Table georeq = out[1].layer("geographicPatternsRequests");
        // counts 0, 1, 0, 0: median 0 → every workloadRatio undefined; D2's median response 4 h = the median of medians
        assertNull(eff.get(1, "workloadRatio"));
        assertEquals(1.0, (Double) eff.get(1, "responseTimeRatio"), 0.0);
        assertEquals(4.0, (Double) eff.get(1, "cityMedianResponseHours"), 0.0);
        // one point: mean centre = the point, standard distance 0, no nearest neighbour (n < 2)
        assertEquals(-86.775, (Double) geo.get(1, "meanCenterLon"), 1e-12);
        assertEquals(0.0, (Double) geo.get(1, "standardDistanceKm"), 0.0);
        assertNull(geo.get(1, "nearestNeighborRatio"));
        assertNull(georeq.get(0, "nearestNeighborMeters"));
        assertEquals(0.0, (Double) geo.get(1, "maxRequestSpreadKm"), 0.0);
        Table types = out[2].layer("serviceTypeInsightsDistricts");
        // one pair of count 1: p95 = 1 → R = max(2, 1) = 2; nothing recurs
        assertEquals("2", out[2].provenance().value("recurringThresholdR"));
        assertEquals(0.0, (Double) types.get(1, "recurringShare"), 0.0);
        assertNull(types.get(1, "evenness"));
    }
}
