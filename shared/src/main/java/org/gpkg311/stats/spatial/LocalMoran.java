package org.gpkg311.stats.spatial;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Local Moran's I (LISA) as esda's {@code Moran_Local}: I_i = (n − 1) · z_i · Σ_j w_ij z_j / Σ_k z_k², z = x − x̄.
 * Pseudo p by conditional permutation: for each i, its neighbours' values are replaced by values drawn without
 * replacement from the other n − 1 items; p = (min(larger, perms − larger) + 1)/(perms + 1), larger = the number
 * of permuted I_i ≥ I_i (esda's folded p_sim). The cluster/outlier wording of q lives with the generators
 * (SignificanceLabels).
 *
 * @param Is       local I per item; null when undefined (constant x, or an item without neighbours)
 * @param pSim     folded conditional-permutation pseudo p; null when Is is null or no permutation was asked for
 * @param q        esda's quadrant: 1 High-High, 2 Low-High, 3 Low-Low, 4 High-Low (z or lag > 0 counts as high);
 *                 null when Is is null
 */
public record LocalMoran(Double[] Is, Double[] pSim, Integer[] q) {

    /** One sentence for the provenance. */
    public static final String METHOD = "Local Moran's I (LISA) with row-standardised contiguity weights (as PySAL "
            + "esda Moran_Local): conditional permutations with a stated seed, folded pseudo p; a cluster or outlier "
            + "type by the quadrant of (z, spatial lag of z) when p <= 0.05";

    /** @param w weights (the spec uses row-standardised queen weights: {@link MoranI#local}) */
    public static LocalMoran of(double[] x, SpatialWeights w, int permutations, long seed) {
        int n = x.length;
        if (w.size() != n) throw new IllegalArgumentException("weights for " + w.size() + " items, values " + n);
        if (permutations < 0) throw new IllegalArgumentException("permutations must be ≥ 0");
        Double[] is = new Double[n];
        Double[] p = new Double[n];
        Integer[] q = new Integer[n];
        double[] z = MoranI.centred(x);
        double den = MoranI.sumOfSquares(z);
        if (n < 2 || den == 0) return new LocalMoran(is, p, q);
        double[] lag = w.lag(z);
        RandomGenerator random = new Well19937c(seed);
        int[] pool = new int[n - 1];
        for (int i = 0; i < n; i++) {
            int[] nb = w.neighbours(i);
            if (nb.length == 0) continue;
            is[i] = (n - 1) * z[i] * lag[i] / den;
            q[i] = z[i] > 0 ? (lag[i] > 0 ? 1 : 4) : (lag[i] > 0 ? 2 : 3);
            if (permutations == 0) continue;
            p[i] = conditionalP(i, z, w.weights(i), den, is[i], permutations, random, pool);
        }
        return new LocalMoran(is, p, q);
    }

    private static double conditionalP(int i, double[] z, double[] weights, double den, double observed,
                                       int permutations, RandomGenerator random, int[] pool) {
        int n = z.length;
        for (int j = 0, a = 0; j < n; j++) if (j != i) pool[a++] = j;
        int k = weights.length;
        int larger = 0;
        for (int r = 0; r < permutations; r++) {
            double lag = 0;
            // partial Fisher–Yates: the first k slots become a uniform random k-subset of the others
            for (int s = 0; s < k; s++) {
                int t = s + random.nextInt(n - 1 - s);
                int tmp = pool[s];
                pool[s] = pool[t];
                pool[t] = tmp;
                lag += weights[s] * z[pool[s]];
            }
            if ((n - 1) * z[i] * lag / den >= observed) larger++;
        }
        return MoranI.folded(larger, permutations);
    }
}
