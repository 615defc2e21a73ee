package org.gpkg311.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class KMeansPlusPlusTest {

    /** 35 "districts" in p dimensions: a few loose groups plus noise, so that local optima exist. */
    private static double[][] fixture(long seed, int p) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] centres = new double[4][p];
        for (double[] c : centres) for (int f = 0; f < p; f++) c[f] = rnd.nextGaussian() * 1.5;
        double[][] x = new double[35][p];
        for (int i = 0; i < 35; i++) for (int f = 0; f < p; f++) x[i][f] = centres[i % 4][f] + rnd.nextGaussian();
        return x;
    }

    /** The lowest SSE of 1,000 restarts of an independent implementation (Apache Commons Math). */
    private static double oracle(double[][] x, int k) {
        List<DoublePoint> pts = new ArrayList<>();
        for (double[] r : x) pts.add(new DoublePoint(r));
        KMeansPlusPlusClusterer<DoublePoint> c = new KMeansPlusPlusClusterer<>(k, 1000,
                new org.apache.commons.math3.ml.distance.EuclideanDistance(), new Well19937c(99));
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < 1000; r++) {
            List<CentroidCluster<DoublePoint>> cl;
            try {
                cl = c.cluster(pts);
            } catch (RuntimeException e) {
                continue;
            }
            double s = 0;
            for (CentroidCluster<DoublePoint> cc : cl) {
                for (DoublePoint p : cc.getPoints()) s += KMeansPlusPlus.dist2(p.getPoint(), cc.getCenter().getPoint());
            }
            best = Math.min(best, s);
        }
        return best;
    }

    @Test
    void fiftyRestartsReachTheLowestSseOfAThousandRestartOracle() {
        int[] dims = {2, 3, 5, 31};
        for (int d = 0; d < dims.length; d++) {
            double[][] x = fixture(100 + d, dims[d]);
            for (int k = 2; k <= 6; k++) {
                double ours = KMeansPlusPlus.best(x, k, ProfileGroups.RESTARTS, 17).sse();
                double best = oracle(x, k);
                assertTrue(ours <= best * (1 + 1e-12), "p = " + dims[d] + ", k = " + k + ": " + ours + " > " + best);
            }
        }
    }

    @Test
    void seededAndComplete() {
        double[][] x = fixture(1, 3);
        KMeansPlusPlus.Partition a = KMeansPlusPlus.best(x, 4, 50, 5), b = KMeansPlusPlus.best(x, 4, 50, 5);
        assertEquals(a.sse(), b.sse(), 0);
        int[] size = new int[4];
        for (int c : a.assign()) size[c]++;
        for (int s : size) assertFalse(s == 0);
        // k = 1: the total sum of squares around the mean
        assertEquals(KMeansPlusPlus.sse(x, new int[35], 1), KMeansPlusPlus.best(x, 1, 50, 5).sse(), 0);
        // two distinct rows cannot fill three clusters
        assertNull(KMeansPlusPlus.best(new double[][] {{0, 0}, {0, 0}, {1, 1}, {1, 1}}, 3, 10, 1));
    }
}
