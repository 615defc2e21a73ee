package org.gpkg311.stats;

import java.util.SplittableRandom;

/**
 * Multi-dimensional k-means for profile groups: k-means++ seeding, Lloyd iterations and Hartigan transfers, repeated from seeded
 * starts; the partition with the lowest within-cluster sum of squares is kept (the first one on a tie).
 * Restart r of k draws from a generator seeded by (seed, k, r), so each k is reproducible on its own.
 */
final class KMeansPlusPlus {

    static final int MAX_ITERATIONS = 300;

    /** @param assign cluster 0..k−1 per point (numbered as found); @param sse within-cluster sum of squares */
    record Partition(int[] assign, double sse) {}

    private KMeansPlusPlus() {}

    /** The best of {@code restarts} runs, or null when the points have fewer than k distinct rows. */
    static Partition best(double[][] x, int k, int restarts, long seed) {
        if (k == 1) {
            int[] one = new int[x.length];
            return new Partition(one, sse(x, one, 1));
        }
        Partition best = null;
        for (int r = 0; r < restarts; r++) {
            SplittableRandom rnd = new SplittableRandom(mix(seed, k, r));
            Partition p = run(x, k, rnd);
            if (p == null) return null;
            if (best == null || p.sse() < best.sse()) best = p;
        }
        return best;
    }

    private static long mix(long seed, int k, int r) {
        return seed * 0x9E3779B97F4A7C15L + k * 0xBF58476D1CE4E5B9L + r * 0x94D049BB133111EBL;
    }

    private static Partition run(double[][] x, int k, SplittableRandom rnd) {
        double[][] c = seeds(x, k, rnd);
        if (c == null) return null;
        int n = x.length;
        int[] assign = new int[n];
        java.util.Arrays.fill(assign, -1);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int a = nearest(x[i], c);
                if (a != assign[i]) {
                    assign[i] = a;
                    changed = true;
                }
            }
            if (!changed) break;
            c = means(x, assign, k);
            refillEmpty(x, assign, c);
        }
        hartigan(x, assign, k);
        return new Partition(assign, sse(x, assign, k));
    }

    /**
     * Hartigan's single-point transfers after Lloyd: move a point to another cluster whenever that lowers the
     * SSE (n_B/(n_B+1)·d²(x, c_B) &lt; n_A/(n_A−1)·d²(x, c_A)), until no move does. Lloyd's fixed points include
     * such improvable partitions; the transfers escape them at little cost.
     */
    private static void hartigan(double[][] x, int[] assign, int k) {
        double[][] c = means(x, assign, k);
        int[] size = new int[k];
        for (int a : assign) size[a]++;
        int p = x[0].length;
        for (int pass = 0; pass < MAX_ITERATIONS; pass++) {
            boolean moved = false;
            for (int i = 0; i < x.length; i++) {
                int from = assign[i];
                if (size[from] <= 1) continue;
                double leave = size[from] / (size[from] - 1.0) * dist2(x[i], c[from]);
                int to = -1;
                double bestJoin = leave * (1 - 1e-12);
                for (int j = 0; j < k; j++) {
                    if (j == from) continue;
                    double join = size[j] / (size[j] + 1.0) * dist2(x[i], c[j]);
                    if (join < bestJoin) {
                        bestJoin = join;
                        to = j;
                    }
                }
                if (to < 0) continue;
                for (int f = 0; f < p; f++) {
                    c[from][f] = (c[from][f] * size[from] - x[i][f]) / (size[from] - 1);
                    c[to][f] = (c[to][f] * size[to] + x[i][f]) / (size[to] + 1);
                }
                size[from]--;
                size[to]++;
                assign[i] = to;
                moved = true;
            }
            if (!moved) return;
        }
    }

    /** k-means++: the first centre uniformly, each next one with probability ∝ squared distance to the nearest. */
    private static double[][] seeds(double[][] x, int k, SplittableRandom rnd) {
        int n = x.length;
        double[][] c = new double[k][];
        c[0] = x[rnd.nextInt(n)].clone();
        double[] d2 = new double[n];
        for (int i = 0; i < n; i++) d2[i] = dist2(x[i], c[0]);
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (double d : d2) total += d;
            if (total == 0) return null; // fewer distinct rows than k
            double u = rnd.nextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                u -= d2[i];
                if (u < 0) {
                    pick = i;
                    break;
                }
            }
            while (d2[pick] == 0) pick--; // rounding at the end of the walk: never a point already a centre
            c[j] = x[pick].clone();
            for (int i = 0; i < n; i++) d2[i] = Math.min(d2[i], dist2(x[i], c[j]));
        }
        return c;
    }

    /** An emptied cluster takes the point farthest from its own centre (it leaves a cluster of two or more). */
    private static void refillEmpty(double[][] x, int[] assign, double[][] c) {
        int k = c.length;
        int[] size = new int[k];
        for (int a : assign) size[a]++;
        for (int j = 0; j < k; j++) {
            if (size[j] > 0) continue;
            int far = -1;
            double farD = -1;
            for (int i = 0; i < x.length; i++) {
                double d = dist2(x[i], c[assign[i]]);
                if (size[assign[i]] > 1 && d > farD) {
                    farD = d;
                    far = i;
                }
            }
            size[assign[far]]--;
            assign[far] = j;
            size[j] = 1;
            c[j] = x[far].clone();
        }
    }

    static int nearest(double[] p, double[][] c) {
        int best = 0;
        double bd = dist2(p, c[0]);
        for (int j = 1; j < c.length; j++) {
            double d = dist2(p, c[j]);
            if (d < bd) {
                bd = d;
                best = j;
            }
        }
        return best;
    }

    static double[][] means(double[][] x, int[] assign, int k) {
        int p = x[0].length;
        double[][] m = new double[k][p];
        int[] size = new int[k];
        for (int i = 0; i < x.length; i++) {
            size[assign[i]]++;
            for (int f = 0; f < p; f++) m[assign[i]][f] += x[i][f];
        }
        for (int j = 0; j < k; j++) if (size[j] > 0) for (int f = 0; f < p; f++) m[j][f] /= size[j];
        return m;
    }

    static double sse(double[][] x, int[] assign, int k) {
        double[][] m = means(x, assign, k);
        double s = 0;
        for (int i = 0; i < x.length; i++) s += dist2(x[i], m[assign[i]]);
        return s;
    }

    static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int f = 0; f < a.length; f++) {
            double d = a[f] - b[f];
            s += d * d;
        }
        return s;
    }
}
