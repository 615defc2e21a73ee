package org.gpkg311.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The worked example of issue 12: two well-separated blobs prefer k ≥ 2, one uniform cloud k = 1. */
class GapStatisticTest {

    private static GapStatistic gap(double[][] x, long seed) {
        double[] logW = new double[3];
        for (int k = 1; k <= 3; k++) logW[k - 1] = Math.log(KMeansPlusPlus.best(x, k, 50, seed).sse());
        return GapStatistic.of(x, logW, seed);
    }

    @Test
    void twoSeparatedBlobsPreferGroups() {
        for (long seed = 1; seed <= 5; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            double[][] x = new double[30][2];
            for (int i = 0; i < 30; i++) {
                x[i][0] = (i < 15 ? 0 : 10) + rnd.nextGaussian();
                x[i][1] = rnd.nextGaussian();
            }
            GapStatistic g = gap(x, seed);
            assertTrue(g.prefersGroups(), () -> java.util.Arrays.toString(g.gap()));
            // W_2 of two blobs ten SDs apart is about 4% of W_1: the gap jumps by well over one s
            assertTrue(g.gap()[1] - g.gap()[0] > 1.0);
        }
    }

    @Test
    void oneUniformCloudDoesNot() {
        int groups = 0;
        for (long seed = 1; seed <= 10; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            double[][] x = new double[35][2];
            for (double[] r : x) {
                r[0] = rnd.nextDouble();
                r[1] = rnd.nextDouble();
            }
            if (gap(x, seed).prefersGroups()) groups++;
        }
        assertTrue(groups <= 1, groups + " of 10 uniform clouds preferred groups");
    }
}
