package org.gpkg311.stats;

import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The gap statistic (Tibshirani, Walther &amp; Hastie 2001): Gap(k) = mean over B reference sets of log W*_k −
 * log W_k, W_k the within-cluster sum of squares of the best k-means partition, the reference sets drawn
 * uniformly over the box aligned with the principal components of the data (their "reference (b)"), each
 * clustered with {@value #REFERENCE_RESTARTS} restarts. s_k = sd(log W*_k) · √(1 + 1/B). The data shows no
 * structure when Gap(1) ≥ Gap(2) − s₂ (the smallest k with Gap(k) ≥ Gap(k+1) − s_{k+1} is 1).
 *
 * @param logW log W_k of the data, k = 1..K at index k − 1
 * @param gap  Gap(1..K) at index k − 1
 * @param s    s_1..s_K at index k − 1
 */
public record GapStatistic(double[] logW, double[] gap, double[] s) {

    public static final int REFERENCE_SETS = 100;
    public static final int REFERENCE_RESTARTS = 10;

    /** True when two or more groups are preferred: Gap(1) &lt; Gap(2) − s₂. */
    public boolean prefersGroups() {
        return gap.length >= 2 && gap[0] < gap[1] - s[1];
    }

    /**
     * @param x          the points as clustered (already transformed)
     * @param logW       log W_k of the data's own best partitions for k = 1..K (index k − 1)
     */
    static GapStatistic of(double[][] x, double[] logW, long seed) {
        int n = x.length, p = x[0].length, kMax = logW.length;
        double[] mean = new double[p];
        for (double[] r : x) for (int f = 0; f < p; f++) mean[f] += r[f] / n;
        double[][] centred = new double[n][p];
        for (int i = 0; i < n; i++) for (int f = 0; f < p; f++) centred[i][f] = x[i][f] - mean[f];
        RealMatrix v = new SingularValueDecomposition(new Array2DRowRealMatrix(centred, false)).getV();
        RealMatrix rotated = new Array2DRowRealMatrix(centred, false).multiply(v); // x' = x V
        int q = rotated.getColumnDimension();
        double[] lo = new double[q], hi = new double[q];
        for (int f = 0; f < q; f++) {
            double[] col = rotated.getColumn(f);
            lo[f] = java.util.Arrays.stream(col).min().orElseThrow();
            hi[f] = java.util.Arrays.stream(col).max().orElseThrow();
        }
        double[][] vt = v.transpose().getData();
        double[][] logRef = new double[kMax][REFERENCE_SETS];
        SplittableRandom root = new SplittableRandom(seed);
        double[][] z = new double[n][p];
        double[] draw = new double[q];
        for (int b = 0; b < REFERENCE_SETS; b++) {
            SplittableRandom rnd = root.split();
            for (int i = 0; i < n; i++) {
                for (int f = 0; f < q; f++) draw[f] = lo[f] + rnd.nextDouble() * (hi[f] - lo[f]);
                for (int f = 0; f < p; f++) {
                    double s = mean[f];
                    for (int g = 0; g < q; g++) s += draw[g] * vt[g][f];
                    z[i][f] = s;
                }
            }
            long refSeed = rnd.nextLong();
            for (int k = 1; k <= kMax; k++) {
                KMeansPlusPlus.Partition part = KMeansPlusPlus.best(z, k, REFERENCE_RESTARTS, refSeed);
                logRef[k - 1][b] = Math.log(part.sse());
            }
        }
        double[] gap = new double[kMax], s = new double[kMax];
        for (int k = 0; k < kMax; k++) {
            double m = 0;
            for (double l : logRef[k]) m += l / REFERENCE_SETS;
            double ss = 0;
            for (double l : logRef[k]) ss += (l - m) * (l - m);
            gap[k] = m - logW[k];
            s[k] = Math.sqrt(ss / REFERENCE_SETS) * Math.sqrt(1 + 1.0 / REFERENCE_SETS);
        }
        return new GapStatistic(logW.clone(), gap, s);
    }
}
