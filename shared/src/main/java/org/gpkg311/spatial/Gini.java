package org.gpkg311.spatial;

import java.util.Arrays;

/** Gini coefficient of counts: Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄), computed in O(n log n) from the sorted values. */
public final class Gini {

    private Gini() {}

    /** null when there is no value or the mean is 0. */
    public static Double of(double[] values) {
        int n = values.length;
        if (n == 0) return null;
        double[] v = values.clone();
        Arrays.sort(v);
        double sum = 0, weighted = 0;
        for (int i = 0; i < n; i++) {
            sum += v[i];
            // Σᵢ Σⱼ |xᵢ − xⱼ| = 2 Σᵢ (2i − n + 1) x₍ᵢ₎ for 0-based sorted i
            weighted += (2.0 * i - n + 1) * v[i];
        }
        if (sum == 0) return null;
        double mean = sum / n;
        return 2 * weighted / (2.0 * n * n * mean);
    }
}
