package org.gpkg311.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.geographic.GeographicPatterns;
import org.gpkg311.generator.servicetypes.ServiceTypeInsights;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;

/**
 * Spec "Geometry": rows kept only by their district field (point outside every district) enter no point
 * statistic, but count in the district statistics. {@link SpatialFixture} plus r20: district field 1, a point far
 * east of every square (−86.60, 36.30), no address, closed in 5 h.
 */
class KeptByDistrictFieldTest {

    private static Snapshot withOutsider() {
        Snapshot base = SpatialFixture.snapshot();
        List<ServiceRequest> r = new ArrayList<>(base.requests());
        Instant opened = Instant.parse("2025-11-19T15:00:00Z");
        r.add(new ServiceRequest("r20", "Pothole", null, null, "Closed", false, opened, opened.plusSeconds(5 * 3600),
                "Phone", null, "Nashville", "37203", 36.30, -86.60, 1, false));
        return SpatialFixture.snapshot(SpatialFixture.districts(), r);
    }

    @Test
    void theOutsideRowCountsForItsDistrictButEntersNoPointStatistic() {
        Snapshot s = withOutsider();
        GeneratorOutput geo = new GeographicPatterns().generate(s, RunSettings.defaults());
        Table d = geo.layer("geographicPatternsDistricts");
        // District statistics by the field: D1 has 9 requests on 4 km² → 2.25.
        assertEquals(9, d.get(0, "requestCount"));
        assertEquals(2.25, (Double) d.get(0, "requestDensity"), 1e-12);
        // Point statistics are those of the 8 points inside D1 (GeographicPatternsTest's hand values).
        assertEquals(-86.790625, (Double) d.get(0, "meanCenterLon"), 1e-12);
        assertEquals(36.109375, (Double) d.get(0, "meanCenterLat"), 1e-12);
        assertEquals(0.9919768132711139, (Double) d.get(0, "nearestNeighborRatio"), 1e-9);
        assertEquals(1.428959392372369, (Double) d.get(0, "maxRequestSpreadKm"), 1e-9);
        assertEquals(18, geo.layer("geographicPatternsRequests").rowCount(), "r19 and r20 have no point in the layer");

        GeneratorOutput types = new ServiceTypeInsights().generate(s, RunSettings.defaults());
        Table t = types.layer("serviceTypeInsightsDistricts");
        // r20 has no address and its point is not used: no location. The 16 pairs and R = 3 are unchanged;
        // D1's recurring requests are still the three at 100 MAIN ST, now out of 9.
        assertEquals("3", types.provenance().value("recurringThresholdR"));
        assertEquals("16", types.provenance().value("recurringPairs"));
        assertEquals(3 / 9.0, (Double) t.get(0, "recurringShare"), 1e-12);
        // D1 Pothole is now 4 of 9.
        assertEquals(4 / 9.0, (Double) t.get(0, "topTypeShare"), 1e-12);
    }
}
