package org.gpkg311.stats.spatial;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Moran's I, global and local, as PySAL esda's {@code Moran} and {@code Moran_Local} with row-standardised weights
 * (the spec's convention for queen contiguity).
 *
 * <p>Global: I = (n / S0) · Σ_i z_i (Wz)_i / Σ z², z = x − x̄; E[I] = −1/(n − 1); the variances under normality
 * and randomisation are the Cliff–Ord formulas (esda's VI_norm and VI_rand); p-values are two-sided normal; the
 * permutation p is esda's folded p_sim = (min(larger, perms − larger) + 1)/(perms + 1), larger = the number of
 * permuted I ≥ I.
 */
public final class MoranI {

    /**
     * Global Moran's I with esda's names.
     *
     * @param I       Moran's I
     * @param EI      its expectation under no autocorrelation, −1/(n − 1)
     * @param varNorm variance under the normality assumption (null when not positive)
     * @param zNorm   (I − EI)/√varNorm
     * @param pNorm   two-sided normal p of zNorm
     * @param varRand variance under randomisation (needs n ≥ 4; null when not positive)
     * @param zRand   (I − EI)/√varRand
     * @param pRand   two-sided normal p of zRand
     * @param pSim    folded permutation pseudo p-value; null when no permutation was asked for
     */
    public record Global(double I, double EI, Double varNorm, Double zNorm, Double pNorm, Double varRand,
                         Double zRand, Double pRand, Double pSim) {}

    /** One sentence for the provenance. */
    public static final String METHOD = "Moran's I with row-standardised contiguity weights (as PySAL esda Moran): "
            + "E[I] = -1/(n-1), Cliff-Ord variances under normality and randomisation, two-sided normal p, "
            + "permutation pseudo p = (min(larger, perms - larger) + 1)/(perms + 1) with a stated seed";

    private MoranI() {}

    /** With row-standardised weights built from the neighbour lists; null when I is undefined (see below). */
    public static Global global(double[] x, int[][] neighbours, int permutations, long seed) {
        return global(x, SpatialWeights.rowStandardised(neighbours), permutations, seed);
    }

    /**
     * With any weights; null when I is undefined: fewer than 3 values, a constant x, or no neighbour at all.
     *
     * @param permutations number of random permutations of x for pSim (0: no pSim)
     * @param seed         seed of the permutations, so that a rerun is identical
     */
    public static Global global(double[] x, SpatialWeights w, int permutations, long seed) {
        int n = x.length;
        if (w.size() != n) throw new IllegalArgumentException("weights for " + w.size() + " items, values " + n);
        if (permutations < 0) throw new IllegalArgumentException("permutations must be ≥ 0");
        double[] z = centred(x);
        double z2ss = sumOfSquares(z);
        double s0 = w.s0();
        if (n < 3 || z2ss == 0 || s0 == 0) return null;
        double i = statistic(z, w, s0, z2ss);
        double ei = -1.0 / (n - 1);
        double s1 = w.s1(), s2 = w.s2(), s02 = s0 * s0;
        double nn = n;

        double varNorm = (nn * nn * s1 - nn * s2 + 3 * s02) / ((nn - 1) * (nn + 1) * s02) - ei * ei;

        Double varRand = null;
        if (n >= 4) {
            double z4 = 0;
            for (double v : z) z4 += v * v * v * v;
            double kurtosis = (z4 / nn) / ((z2ss / nn) * (z2ss / nn));
            double a = nn * ((nn * nn - 3 * nn + 3) * s1 - nn * s2 + 3 * s02);
            double b = kurtosis * ((nn * nn - nn) * s1 - 2 * nn * s2 + 6 * s02);
            varRand = (a - b) / ((nn - 1) * (nn - 2) * (nn - 3) * s02) - ei * ei;
        }
        Double zNorm = varNorm > 0 ? (i - ei) / Math.sqrt(varNorm) : null;
        Double zRand = varRand != null && varRand > 0 ? (i - ei) / Math.sqrt(varRand) : null;
        Double pSim = permutations == 0 ? null : permutationP(z, w, s0, z2ss, i, permutations, seed);
        return new Global(i, ei, varNorm > 0 ? varNorm : null, zNorm,
                zNorm == null ? null : Significance.twoSidedP(zNorm),
                zRand == null ? null : varRand, zRand, zRand == null ? null : Significance.twoSidedP(zRand), pSim);
    }

    /** Local Moran's I (LISA) with row-standardised weights and conditional permutations; see {@link LocalMoran}. */
    public static LocalMoran local(double[] x, int[][] neighbours, int permutations, long seed) {
        return LocalMoran.of(x, SpatialWeights.rowStandardised(neighbours), permutations, seed);
    }

    static double[] centred(double[] x) {
        double mean = 0;
        for (double v : x) mean += v;
        mean /= x.length;
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) z[i] = x[i] - mean;
        return z;
    }

    static double sumOfSquares(double[] z) {
        double s = 0;
        for (double v : z) s += v * v;
        return s;
    }

    private static double statistic(double[] z, SpatialWeights w, double s0, double z2ss) {
        double[] lag = w.lag(z);
        double cross = 0;
        for (int i = 0; i < z.length; i++) cross += z[i] * lag[i];
        return z.length / s0 * cross / z2ss;
    }

    private static double permutationP(double[] z, SpatialWeights w, double s0, double z2ss, double observed,
                                       int permutations, long seed) {
        RandomGenerator random = new Well19937c(seed);
        double[] perm = z.clone();
        int larger = 0;
        for (int r = 0; r < permutations; r++) {
            shuffle(perm, random);
            if (statistic(perm, w, s0, z2ss) >= observed) larger++;
        }
        return folded(larger, permutations);
    }

    /** esda's folding: the smaller tail count, (count + 1)/(permutations + 1). */
    static double folded(int larger, int permutations) {
        if (permutations - larger < larger) larger = permutations - larger;
        return (larger + 1.0) / (permutations + 1.0);
    }

    private static void shuffle(double[] a, RandomGenerator random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
