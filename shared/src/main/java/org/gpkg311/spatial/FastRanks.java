package org.gpkg311.spatial;

import java.util.Arrays;

import org.gpkg311.stats.Ties;

/**
 * The project's rank conventions (stats.Ranks: mid-rank percentile, competition rank with 1 = highest)
 * in O(n log n) for many features such as grid cells, where the district versions' O(n²) would be slow;
 * values compared at 12 significant digits ({@link Ties}).
 */
public final class FastRanks {

    private FastRanks() {}

    /** Mid-rank percentile 100 × (below + 0.5 × equal) / n of every value, unrounded. */
    public static Double[] percentile(double[] raw) {
        double[] values = Ties.keys(raw);
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Double[] out = new Double[n];
        for (int i = 0; i < n; i++) {
            int below = lowerBound(sorted, values[i]);
            int equal = upperBound(sorted, values[i]) - below;
            out[i] = 100.0 * (below + 0.5 * equal) / n;
        }
        return out;
    }

    /** Competition rank: 1 + the number of strictly higher values. */
    public static Integer[] descending(double[] raw) {
        double[] values = Ties.keys(raw);
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Integer[] out = new Integer[n];
        for (int i = 0; i < n; i++) out[i] = n - upperBound(sorted, values[i]) + 1;
        return out;
    }

    private static int lowerBound(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
