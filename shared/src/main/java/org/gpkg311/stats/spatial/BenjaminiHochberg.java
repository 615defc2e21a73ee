package org.gpkg311.stats.spatial;

import java.util.Arrays;
import java.util.Comparator;

/** Benjamini–Hochberg false-discovery-rate control (step-up), as used for ArcGIS's FDR-corrected Gi_Bin. */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {}

    /**
     * Which hypotheses are rejected at FDR level alpha: with the m defined p-values sorted ascending, the largest
     * k with p(k) ≤ k·alpha/m, and every p ≤ p(k). Null p-values are left out of m and never rejected.
     */
    public static boolean[] reject(Double[] p, double alpha) {
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> p[i] != null).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        int m = order.length;
        int largest = 0;
        for (int k = 1; k <= m; k++) if (p[order[k - 1]] * m <= k * alpha) largest = k;
        boolean[] out = new boolean[p.length];
        for (int k = 0; k < largest; k++) out[order[k]] = true;
        return out;
    }

    /**
     * FDR bins: ±3/±2/±1 (sign of z) for the strictest of α = .01/.05/.10 at which Benjamini–Hochberg over all the
     * p-values rejects, 0 when none does; null where z or p is null.
     */
    public static Integer[] bins(Double[] z, Double[] p) {
        if (z.length != p.length) throw new IllegalArgumentException("z and p differ in length");
        Integer[] out = new Integer[p.length];
        for (int i = 0; i < p.length; i++) if (z[i] != null && p[i] != null) out[i] = 0;
        for (int l = 0; l < Significance.LEVELS.length; l++) {
            boolean[] rejected = reject(p, Significance.LEVELS[l]);
            for (int i = 0; i < p.length; i++) {
                if (rejected[i] && out[i] != null) out[i] = z[i] > 0 ? l + 1 : z[i] < 0 ? -(l + 1) : 0;
            }
        }
        return out;
    }
}
