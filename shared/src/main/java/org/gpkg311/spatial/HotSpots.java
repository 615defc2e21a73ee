package org.gpkg311.spatial;

import org.gpkg311.stats.spatial.GetisOrdGiStar;

/**
 * Getis-Ord Gi* over features that may have undefined values: features with a null value are left
 * out together with their links (as ArcGIS skips null features) and get null results. Also the
 * hot-spot labels of the spec's Gi_Bin values.
 *
 * @param z      per feature, null when its value is null
 * @param p      two-sided p, null likewise
 * @param bin    −3..3 by p ≤ .01/.05/.10 with the sign of z
 * @param binFdr the same after Benjamini–Hochberg correction
 * @param used   features that entered the statistic
 */
public record HotSpots(Double[] z, Double[] p, Integer[] bin, Integer[] binFdr, int used) {

    /** Gi* of the defined values over {@code neighbours} (binary weights; the statistic includes each feature itself). */
    public static HotSpots giStar(Double[] values, int[][] neighbours) {
        int n = values.length;
        int[] sub = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) sub[i] = values[i] == null ? -1 : m++;
        Double[] z = new Double[n], p = new Double[n];
        Integer[] bin = new Integer[n], binFdr = new Integer[n];
        if (m == 0) return new HotSpots(z, p, bin, binFdr, 0);
        double[] x = new double[m];
        int[][] nb = new int[m][];
        for (int i = 0; i < n; i++) {
            if (sub[i] < 0) continue;
            x[sub[i]] = values[i];
            nb[sub[i]] = java.util.Arrays.stream(neighbours[i]).filter(j -> sub[j] >= 0).map(j -> sub[j]).toArray();
        }
        var gi = GetisOrdGiStar.of(x, nb);
        for (int i = 0; i < n; i++) {
            if (sub[i] < 0) continue;
            z[i] = finite(gi.z()[sub[i]]);
            p[i] = finite(gi.p()[sub[i]]);
            bin[i] = gi.bin()[sub[i]];
            binFdr[i] = gi.binFdr()[sub[i]];
        }
        return new HotSpots(z, p, bin, binFdr, m);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** "Hot spot 99%" … "Not significant" … "Cold spot 99%" for bins 3 … 0 … −3 (null for null). */
    public static String label(Integer bin) {
        if (bin == null) return null;
        return switch (bin) {
            case 3 -> "Hot spot 99%";
            case 2 -> "Hot spot 95%";
            case 1 -> "Hot spot 90%";
            case 0 -> "Not significant";
            case -1 -> "Cold spot 90%";
            case -2 -> "Cold spot 95%";
            case -3 -> "Cold spot 99%";
            default -> throw new IllegalArgumentException("Gi bin is −3..3, got " + bin);
        };
    }
}
