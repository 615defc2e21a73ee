package org.gpkg311.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PointDispersionTest {

    /** 0.001° of longitude on the equator = 6378137 · π/180 · 0.001 m (the equator is a geodesic). */
    private static final double STEP_M = 111.31949079327357;

    @Test
    void meanCentreAndStandardDistanceOnTheEquator() {
        double[] lon = {-0.001, 0.001, 0.003};
        double[] lat = {0, 0, 0};
        int[] two = {0, 1};
        PointDispersion.Centre c = PointDispersion.meanCentre(two, lon, lat);
        assertEquals(0.0, c.lon(), 1e-15);
        assertEquals(0.0, c.lat(), 1e-15);
        // Both points 1 step from the centre: √((s² + s²)/2) = s = 0.111319 km.
        assertEquals(STEP_M / 1000, PointDispersion.standardDistanceKm(two, lon, lat), 1e-9);
        // Three points: mean lon 0.001; d = 2s, 0, 2s; √((4s² + 0 + 4s²)/3) = s·√(8/3) = 0.181784 km.
        assertEquals(STEP_M * Math.sqrt(8.0 / 3.0) / 1000, PointDispersion.standardDistanceKm(new int[] {0, 1, 2}, lon, lat), 1e-9);
        assertNull(PointDispersion.meanCentre(new int[0], lon, lat));
        assertNull(PointDispersion.standardDistanceKm(new int[0], lon, lat));
    }

    @Test
    void hullDiameterIsTheFarthestPairOfHullVertices() {
        // Equator points at lon 0, 0.001, 0.003 and one off-line point (0.001, 0.0005); farthest pair = lon 0 to 0.003 = 3 steps.
        double[] lon = {0, 0.001, 0.003, 0.001};
        double[] lat = {0, 0, 0, 0.0005};
        double[][] xy = NearestNeighborsTest.project(lon, lat);
        assertEquals(3 * STEP_M / 1000, PointDispersion.hullDiameterKm(new int[] {0, 1, 2, 3}, lon, lat, xy[0], xy[1]), 1e-9);
        assertEquals(0.0, PointDispersion.hullDiameterKm(new int[] {1}, lon, lat, xy[0], xy[1]));
        assertNull(PointDispersion.hullDiameterKm(new int[0], lon, lat, xy[0], xy[1]));
    }

    @Test
    void distancesToAFixedPoint() {
        double[] lon = {0.002, 0.0};
        double[] lat = {0, 0};
        double[] d = PointDispersion.distancesKm(new int[] {0, 1}, lon, lat, 0.001, 0);
        assertEquals(STEP_M / 1000, d[0], 1e-9);
        assertEquals(STEP_M / 1000, d[1], 1e-9);
    }
}
