package org.gpkg311.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ZScoresTest {

    private static final double EPS = 1e-12;

    @Test
    void zScoresUsePopulationSd() {
        // 1, 2, 3: mean 2, population SD √(2/3) → ∓1.224744871391589, 0
        double[][] z = ZScores.of(new double[][] {{1, 7}, {2, 7}, {3, 7}});
        assertEquals(-1.224744871391589, z[0][0], EPS);
        assertEquals(0.0, z[1][0], EPS);
        assertEquals(1.224744871391589, z[2][0], EPS);
        assertEquals(0.0, z[0][1]);
    }

    @Test
    void distanceIsEuclidean() {
        // 3-4-5 triangle
        assertEquals(5.0, ZScores.distance(new double[] {0, 0}, new double[] {3, 4}), EPS);
    }
}
