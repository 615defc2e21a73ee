package org.gpkg311.stats;

import java.util.Arrays;

/**
 * Exact optimal 1-D k-means (Wang &amp; Song 2011, "Ckmeans.1d.dp"): the partition of sorted values into k
 * contiguous classes with the lowest within-class sum of squares (Jenks' natural-breaks criterion), by dynamic
 * programming in O(k·m²) over the m distinct values.
 *
 * <ul>
 *   <li>Values equal at 12 significant digits ({@link Ties}) form one group that is never split; the classes
 *       are formed over the groups, weighted by their size.</li>
 *   <li>Among partitions whose sums of squares agree to {@link #TOLERANCE} × the total sum of squares (exact
 *       ties that floating point blurs), the one whose top class is smallest wins, then the next class down.</li>
 * </ul>
 */
final class OptimalKMeans1D {

    /** Relative tolerance, against the total sum of squares, under which two partitions count as equally good. */
    static final double TOLERANCE = 1e-9;

    /**
     * @param cls 0..k−1 per input value, 0 = the class of the lowest values
     * @param sse within-class sum of squares (of the 12-digit keys)
     */
    record Partition(int[] cls, double sse) {}

    private OptimalKMeans1D() {}

    /** Number of distinct values at 12 significant digits. */
    static int distinct(double[] values) {
        return (int) Arrays.stream(Ties.keys(values)).distinct().count();
    }

    /** The optimal partition of the values into k classes; k must be between 1 and the number of distinct values. */
    static Partition of(double[] values, int k) {
        double[] keys = Ties.keys(values);
        double[] g = Arrays.stream(keys).distinct().sorted().toArray();
        int m = g.length;
        if (k < 1 || k > m) throw new IllegalArgumentException("k = " + k + " for " + m + " distinct values");
        long[] count = new long[m];
        for (double v : keys) count[Arrays.binarySearch(g, v)]++;
        Segments seg = new Segments(g, count);
        double tol = TOLERANCE * seg.cost(0, m - 1);

        // best[q][j]: lowest cost of groups 0..j in q + 1 classes
        double[][] best = new double[k][m];
        for (int j = 0; j < m; j++) best[0][j] = seg.cost(0, j);
        for (int q = 1; q < k; q++) {
            for (int j = 0; j < m; j++) {
                double b = Double.POSITIVE_INFINITY;
                for (int i = q; i <= j; i++) b = Math.min(b, best[q - 1][i - 1] + seg.cost(i, j));
                best[q][j] = b;
            }
        }
        // back from the top class: the latest start within the tolerance makes the upper class the smallest
        int[] start = new int[k];
        int end = m - 1;
        for (int q = k - 1; q >= 1; q--) {
            int chosen = -1;
            for (int i = end; i >= q; i--) {
                if (best[q - 1][i - 1] + seg.cost(i, end) <= best[q][end] + tol) {
                    chosen = i;
                    break;
                }
            }
            start[q] = chosen;
            end = chosen - 1;
        }
        int[] groupClass = new int[m];
        for (int q = 0; q < k; q++) {
            int to = q + 1 < k ? start[q + 1] : m;
            for (int j = start[q]; j < to; j++) groupClass[j] = q;
        }
        int[] cls = new int[keys.length];
        for (int i = 0; i < keys.length; i++) cls[i] = groupClass[Arrays.binarySearch(g, keys[i])];
        return new Partition(cls, best[k - 1][m - 1]);
    }

    /** Sums of squares of runs of groups in O(1), from prefix sums of values centred on their mean (less cancellation). */
    private static final class Segments {
        private final double[] n, s1, s2;

        Segments(double[] g, long[] count) {
            int m = g.length;
            double total = 0, weight = 0;
            for (int j = 0; j < m; j++) {
                total += count[j] * g[j];
                weight += count[j];
            }
            double centre = total / weight;
            n = new double[m + 1];
            s1 = new double[m + 1];
            s2 = new double[m + 1];
            for (int j = 0; j < m; j++) {
                double d = g[j] - centre;
                n[j + 1] = n[j] + count[j];
                s1[j + 1] = s1[j] + count[j] * d;
                s2[j + 1] = s2[j] + count[j] * d * d;
            }
        }

        double cost(int i, int j) {
            double w = n[j + 1] - n[i], a = s1[j + 1] - s1[i];
            return Math.max(0.0, s2[j + 1] - s2[i] - a * a / w);
        }
    }
}
