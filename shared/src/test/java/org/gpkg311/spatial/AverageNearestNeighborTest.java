package org.gpkg311.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AverageNearestNeighborTest {

    @Test
    void arcGisFormulasOnAHandExample() {
        // n = 4 distances 100, 100, 200, 200 m in A = 1 km² = 1e6 m².
        // observed = 600 / 4 = 150; expected = 0.5·√(1e6/4) = 0.5·500 = 250;
        // SE = 0.26136·√1e6 / 4 = 0.26136·1000 / 4 = 65.34; ratio = 150/250 = 0.6;
        // z = (150 − 250) / 65.34 = −1.5304560759106213.
        AverageNearestNeighbor ann = AverageNearestNeighbor.of(new double[] {100, 100, 200, 200}, 1.0);
        assertEquals(4, ann.n());
        assertEquals(150.0, ann.observedMeanMeters(), 1e-12);
        assertEquals(250.0, ann.expectedMeanMeters(), 1e-12);
        assertEquals(65.34, ann.standardErrorMeters(), 1e-12);
        assertEquals(0.6, ann.ratio(), 1e-12);
        assertEquals(-1.5304560759106213, ann.z(), 1e-12);
    }

    @Test
    void undefinedBelowTwoPoints() {
        assertNull(AverageNearestNeighbor.of(new double[] {5}, 1.0));
        assertNull(AverageNearestNeighbor.of(new double[0], 1.0));
    }
}
