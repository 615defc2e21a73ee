package org.gpkg311.stats;

/**
 * Percentile ranks, competition ranks and quantile classes over district values (null = undefined,
 * left out of every n and given null). Values are compared at 12 significant digits ({@link Ties}).
 */
public final class Ranks {

    private Ranks() {}

    /** Mid-rank percentile: 100 × (number below x + 0.5 × number equal to x) / n over the defined values, unrounded. */
    public static Double[] percentile(Double[] raw) {
        Double[] values = Ties.keys(raw);
        double[] sorted = sortedDefined(values);
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) continue;
            int below = lowerBound(sorted, values[i]);
            int equal = upperBound(sorted, values[i]) - below;
            out[i] = 100.0 * (below + 0.5 * equal) / sorted.length;
        }
        return out;
    }

    /** Competition rank: 1 = the highest value, ties share the smallest number. */
    public static Integer[] descending(Double[] raw) {
        Double[] values = Ties.keys(raw);
        double[] sorted = sortedDefined(values);
        Integer[] out = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) out[i] = sorted.length - upperBound(sorted, values[i]) + 1;
        }
        return out;
    }

    /** {@link #percentile(Double[])} of values that are all defined (e.g. many grid cells). */
    public static Double[] percentile(double[] values) {
        return percentile(Values.boxed(values));
    }

    /** {@link #descending(Double[])} of values that are all defined. */
    public static Integer[] descending(double[] values) {
        return descending(Values.boxed(values));
    }

    // O(n log n): sort once, then two binary searches per value (districts and thousands of cells alike).
    private static double[] sortedDefined(Double[] values) {
        double[] sorted = Values.defined(values);
        java.util.Arrays.sort(sorted);
        return sorted;
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

    /** Quartile class 1..4: x ≤ Q1 → 1, ≤ Q2 → 2, ≤ Q3 → 3, else 4 (4 = the highest values). */
    public static Integer[] quartile(Double[] values) {
        return quantileClass(values, 4);
    }

    /** Quintile class 1..5, same rule as {@link #quartile}. */
    public static Integer[] quintile(Double[] values) {
        return quantileClass(values, 5);
    }

    /** Class 1..k by the type-7 cut points of the defined values; the highest values get k. */
    public static Integer[] quantileClass(Double[] values, int k) {
        double[] cuts = Quantiles.cuts(values, k);
        Integer[] out = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) continue;
            int c = k;
            for (int j = 0; j < cuts.length; j++) {
                if (Ties.compare(values[i], cuts[j]) <= 0) { c = j + 1; break; }
            }
            out[i] = c;
        }
        return out;
    }

    /** Rounds half up to 0.1, as percentile ranks are written; null stays null. */
    public static Double roundTenth(Double x) {
        if (x == null) return null;
        return java.math.BigDecimal.valueOf(x).setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** The quartile label of a class 1..4 from the four labels given low to high; null for null. */
    public static String label(Integer quartile, String... labelsLowToHigh) {
        return quartile == null ? null : labelsLowToHigh[quartile - 1];
    }
}
