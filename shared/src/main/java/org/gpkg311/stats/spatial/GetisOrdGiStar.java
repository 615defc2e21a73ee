package org.gpkg311.stats.spatial;

import java.util.ArrayList;
import java.util.List;

/**
 * Getis-Ord Gi* hot spots with binary weights, the item itself included (Esri's Hot Spot Analysis; equal to esda's
 * {@code G_Local(star=True, transform='B')} z-scores):
 * z_i = (Σ_j w_ij x_j − x̄ W_i) / (S √((n W_i − W_i²)/(n − 1))), W_i = 1 + number of neighbours,
 * x̄ and S the mean and population SD of all n values. p is two-sided normal; bins ±3/±2/±1 when p ≤ .01/.05/.10
 * with the sign of z; FDR bins by Benjamini–Hochberg at the same three levels.
 */
public final class GetisOrdGiStar {

    /**
     * @param z      Gi* z-score per item, null when undefined (constant values, or an item neighbouring all)
     * @param p      two-sided normal p-value per item
     * @param bin    −3..3 as ArcGIS's Gi_Bin
     * @param binFdr the same after Benjamini–Hochberg correction over all items
     */
    public record GiStar(Double[] z, Double[] p, Integer[] bin, Integer[] binFdr) {}

    /** One sentence for the provenance. */
    public static final String METHOD = "Getis-Ord Gi* z-scores with binary contiguity weights, self included "
            + "(Esri Hot Spot Analysis; esda G_Local star=True transform='B'); two-sided normal p; bins +-3/2/1 at "
            + "p <= .01/.05/.10 (99/95/90% confidence); FDR bins by Benjamini-Hochberg at .01/.05/.10 over all features";

    private GetisOrdGiStar() {}

    public static GiStar of(double[] x, int[][] neighbours) {
        if (x.length != neighbours.length) throw new IllegalArgumentException("one neighbour list per value");
        SpatialWeights.check(neighbours);
        int n = x.length;
        Double[] z = new Double[n];
        Double[] p = new Double[n];
        Integer[] bin = new Integer[n];
        if (n >= 2) {
            double mean = 0;
            for (double v : x) mean += v;
            mean /= n;
            double ss = 0;
            for (double v : x) ss += (v - mean) * (v - mean);
            double s = Math.sqrt(ss / n);
            for (int i = 0; i < n; i++) {
                double w = 1 + neighbours[i].length;
                double sum = x[i];
                for (int j : neighbours[i]) sum += x[j];
                double den = s * Math.sqrt((n * w - w * w) / (n - 1));
                if (den == 0) continue;
                z[i] = (sum - mean * w) / den;
                p[i] = Significance.twoSidedP(z[i]);
                bin[i] = Significance.bin(z[i], p[i]);
            }
        }
        return new GiStar(z, p, bin, BenjaminiHochberg.bins(z, p));
    }

    /**
     * Gi* over the items with a defined value only: the others are left out of n, of the mean and SD and of every
     * neighbour list, and get nulls.
     */
    public static GiStar of(Double[] x, int[][] neighbours) {
        if (x.length != neighbours.length) throw new IllegalArgumentException("one neighbour list per value");
        int[] newIndex = new int[x.length];
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            newIndex[i] = x[i] == null ? -1 : kept.size();
            if (x[i] != null) kept.add(i);
        }
        double[] sub = new double[kept.size()];
        int[][] subNb = new int[kept.size()][];
        for (int a = 0; a < kept.size(); a++) {
            int i = kept.get(a);
            sub[a] = x[i];
            subNb[a] = java.util.Arrays.stream(neighbours[i]).map(j -> newIndex[j]).filter(j -> j >= 0).toArray();
        }
        GiStar s = of(sub, subNb);
        Double[] z = new Double[x.length], p = new Double[x.length];
        Integer[] bin = new Integer[x.length], fdr = new Integer[x.length];
        for (int a = 0; a < kept.size(); a++) {
            int i = kept.get(a);
            z[i] = s.z()[a];
            p[i] = s.p()[a];
            bin[i] = s.bin()[a];
            fdr[i] = s.binFdr()[a];
        }
        return new GiStar(z, p, bin, fdr);
    }
}
