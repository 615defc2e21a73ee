package org.gpkg311.stats;

import java.util.Arrays;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Quantiles by linear interpolation between order statistics (Hyndman–Fan type 7, the default of R
 * and numpy). Commons Math's Percentile defaults to another estimator, so the type is set explicitly.
 */
public final class Quantiles {

    private Quantiles() {}

    /** The p-quantile (0 ≤ p ≤ 1) of the values, or null when there is none. */
    public static Double of(double[] values, double p) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("quantile p must be in [0, 1], got " + p);
        if (values.length == 0) return null;
        if (p == 0) return Arrays.stream(values).min().getAsDouble();
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p * 100.0);
    }

    /** The p-quantile of the defined values. */
    public static Double of(Double[] values, double p) {
        return of(Values.defined(values), p);
    }

    public static Double median(double[] values) {
        return of(values, 0.5);
    }

    public static Double median(Double[] values) {
        return of(values, 0.5);
    }

    /** Q1, Q2, Q3 of the defined values, or null when there is none. */
    public static double[] quartiles(Double[] values) {
        return cuts(values, 4);
    }

    /** The k−1 cut points that split the defined values into k classes (quartiles: k = 4). */
    public static double[] cuts(Double[] values, int k) {
        double[] v = Values.defined(values);
        if (v.length == 0) return null;
        double[] cuts = new double[k - 1];
        for (int i = 1; i < k; i++) cuts[i - 1] = of(v, (double) i / k);
        return cuts;
    }
}
