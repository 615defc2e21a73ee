package org.gpkg311.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.gpkg311.stats.spatial.BenjaminiHochberg;

/**
 * Benjamini–Hochberg false-discovery-rate control for a family of tests (docs/methods.md#false-discovery-rate: Gi* labels, LISA types,
 * over-represented types). The step-up rule itself is {@link BenjaminiHochberg}; here the p-values are first
 * taken at 12 significant digits ({@link Ties}), so that a p equal to its threshold to 12 digits is rejected.
 */
public final class FalseDiscovery {

    /** The spec's α for a family of tests other than Gi* (which uses its 90/95/99% bands). */
    public static final double ALPHA = 0.05;

    private FalseDiscovery() {}

    /** Which of the (non-null) p-values are rejected at FDR level alpha. */
    public static boolean[] reject(Double[] p, double alpha) {
        return BenjaminiHochberg.reject(Ties.keys(p), alpha);
    }

    /**
     * BH-adjusted p-values (statsmodels' {@code fdr_bh} "pvals_corrected"): q_(i) = min over j ≥ i of m·p_(j)/j,
     * at most 1; p ≤ q-threshold α exactly when {@link #reject} rejects. Null stays null.
     */
    public static Double[] adjusted(Double[] p) {
        Integer[] order = IntStream.range(0, p.length).filter(i -> p[i] != null).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        int m = order.length;
        Double[] out = new Double[p.length];
        double running = 1.0;
        for (int r = m; r >= 1; r--) {
            int i = order[r - 1];
            running = Math.min(running, p[i] * m / r);
            out[i] = running;
        }
        return out;
    }

    /** The number of rejected tests per row of a family laid out as [row][test] (null = not in the family). */
    public static int[] rejectedPerRow(Double[][] p, double alpha) {
        int cols = Arrays.stream(p).mapToInt(r -> r.length).sum();
        Double[] flat = new Double[cols];
        int a = 0;
        for (Double[] row : p) for (Double v : row) flat[a++] = v;
        boolean[] rejected = reject(flat, alpha);
        int[] out = new int[p.length];
        a = 0;
        for (int r = 0; r < p.length; r++) for (int c = 0; c < p[r].length; c++) if (rejected[a++]) out[r]++;
        return out;
    }
}
