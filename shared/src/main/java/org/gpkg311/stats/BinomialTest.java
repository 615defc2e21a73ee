package org.gpkg311.stats;

import org.apache.commons.math3.special.Beta;

/** One-sided exact binomial test. */
public final class BinomialTest {

    private BinomialTest() {}

    /**
     * P(X ≥ count) for X ~ Binomial(n, p). Computed as the regularised incomplete beta I_p(count, n − count + 1),
     * which keeps full precision in the far tail where 1 − CDF would round to 0.
     */
    public static double upperTail(int count, int n, double p) {
        if (n < 0) throw new IllegalArgumentException("n must be ≥ 0, got " + n);
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        if (count <= 0) return 1.0;
        if (count > n) return 0.0;
        if (p == 0) return 0.0;
        if (p == 1) return 1.0;
        return Beta.regularizedBeta(p, count, n - count + 1.0);
    }
}
