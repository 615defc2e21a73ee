package org.gpkg311.stats;

import org.apache.commons.math3.stat.StatUtils;

/** Means, spreads and robust scales; every function returns null where the value is undefined. */
public final class Descriptive {

    /** Consistency constant that makes the MAD estimate σ for normal data. */
    public static final double MAD_SCALE = 1.4826;

    private Descriptive() {}

    public static Double mean(double[] x) {
        return x.length == 0 ? null : StatUtils.mean(x);
    }

    /** Sample standard deviation (n − 1); null for fewer than 2 values. */
    public static Double sampleSd(double[] x) {
        return x.length < 2 ? null : Math.sqrt(StatUtils.variance(x));
    }

    /** Coefficient of variation: sample SD / mean; null when the mean is 0 or n < 2. */
    public static Double cv(double[] x) {
        Double mean = mean(x);
        Double sd = sampleSd(x);
        if (mean == null || sd == null || mean == 0.0) return null;
        return sd / mean;
    }

    /** Scaled MAD: 1.4826 × median(|x − median(x)|). */
    public static Double scaledMad(double[] x) {
        Double med = Quantiles.median(x);
        if (med == null) return null;
        double[] dev = new double[x.length];
        for (int i = 0; i < x.length; i++) dev[i] = Math.abs(x[i] - med);
        return MAD_SCALE * Quantiles.median(dev);
    }

    public static Double min(double[] x) {
        return x.length == 0 ? null : StatUtils.min(x);
    }

    public static Double max(double[] x) {
        return x.length == 0 ? null : StatUtils.max(x);
    }

    public static double sum(double[] x) {
        return StatUtils.sum(x);
    }
}
