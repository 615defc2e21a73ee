package org.gpkg311.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.gpkg311.geo.Geodesy;
import org.gpkg311.geo.LaeaPlane;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

class NearestNeighborsTest {

    /** One degree of longitude on the equator: a × π/180 with a = 6378137 m (WGS84), the equator being a geodesic. */
    private static final double EQUATOR_M_PER_DEGREE = 6378137.0 * Math.PI / 180.0; // 111319.49079327357

    @Test
    void handExampleOnTheEquator() {
        // Points at lon 0, 0.001, 0.003 (group 0), a duplicate pair (group 1) and a lone point (group 2).
        double[] lon = {0, 0.001, 0.003, 0.01, 0.01, 0.02};
        double[] lat = {0, 0, 0, 0, 0, 0};
        int[] group = {0, 0, 0, 1, 1, 2};
        double[][] xy = project(lon, lat);
        double[] nn = NearestNeighbors.geodesicMeters(lon, lat, xy[0], xy[1], group);
        // 0.001° = 111.319 m; 0.002° = 222.639 m; duplicates 0; a point alone in its group has none (NaN).
        assertEquals(111.31949079327357, nn[0], 1e-6);
        assertEquals(111.31949079327357, nn[1], 1e-6);
        assertEquals(222.63898158654714, nn[2], 1e-6);
        assertEquals(0.0, nn[3]);
        assertEquals(0.0, nn[4]);
        assertTrue(Double.isNaN(nn[5]));
    }

    @Test
    void strTreeSearchEqualsNaiveGeodesicOracleOn2000RandomPoints() {
        Random random = new Random(20251124L);
        int n = 2000;
        double[] lon = new double[n], lat = new double[n];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            // Spread over ~2° around Nashville (planar distortion is larger far from the plane's centre),
            // plus a dense core and some exact duplicates.
            if (i % 4 == 0) {
                lon[i] = -87.8 + 2 * random.nextDouble();
                lat[i] = 35.2 + 2 * random.nextDouble();
            } else if (i % 50 == 1) {
                lon[i] = lon[i - 1];
                lat[i] = lat[i - 1];
            } else {
                lon[i] = -86.8 + 0.05 * random.nextGaussian();
                lat[i] = 36.16 + 0.05 * random.nextGaussian();
            }
            group[i] = random.nextInt(3);
        }
        group[1] = group[0]; // keep at least one duplicate inside one group
        double[][] xy = project(lon, lat);
        double[] fast = NearestNeighbors.geodesicMeters(lon, lat, xy[0], xy[1], group);
        double[] naive = new double[n];
        for (int i = 0; i < n; i++) {
            double best = Double.NaN;
            for (int j = 0; j < n; j++) {
                if (j == i || group[j] != group[i]) continue;
                double d = Geodesy.distanceMeters(lon[i], lat[i], lon[j], lat[j]);
                if (Double.isNaN(best) || d < best) best = d;
            }
            naive[i] = best;
        }
        assertArrayEquals(naive, fast, 0.0);
        assertEquals(0.0, fast[1]);
    }

    static double[][] project(double[] lon, double[] lat) {
        Envelope box = new Envelope();
        for (int i = 0; i < lon.length; i++) box.expandToInclude(lon[i], lat[i]);
        LaeaPlane plane = LaeaPlane.centredOn(box);
        double[] x = new double[lon.length], y = new double[lon.length];
        for (int i = 0; i < lon.length; i++) {
            Coordinate c = plane.project(lon[i], lat[i]);
            x[i] = c.x;
            y[i] = c.y;
        }
        return new double[][] {x, y};
    }
}
