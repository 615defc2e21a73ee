package org.gpkg311.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Ordinary least squares fit of y = intercept + slope·x with Student-t inference (n − 2 degrees of freedom).
 *
 * <p>{@code r2} and {@code pValue} are null for a constant y (nothing to explain). A perfect non-constant fit
 * has slopeStdErr 0 and pValue 0.
 *
 * @param n              number of points (≥ 3)
 * @param slope          fitted slope
 * @param intercept      fitted intercept
 * @param r2             coefficient of determination, null for a constant y
 * @param slopeStdErr    standard error of the slope, s / √Sxx
 * @param pValue         two-sided p of H0: slope = 0 (Student t, n − 2 df), null for a constant y
 * @param slopeCiLow     lower end of the 95% confidence interval of the slope
 * @param slopeCiHigh    upper end of the 95% confidence interval of the slope
 * @param residualStdDev s = √(SSE / (n − 2))
 * @param meanX          mean of x
 * @param sxx            Σ (x − x̄)²
 */
public record Ols(int n, double slope, double intercept, Double r2, double slopeStdErr, Double pValue,
                  double slopeCiLow, double slopeCiHigh, double residualStdDev, double meanX, double sxx) {

    /** Confidence level of the slope interval and the prediction interval (a convention named in the spec). */
    public static final double CONFIDENCE = 0.95;

    /** The fit, or null when there are fewer than 3 points or x is constant (no slope is defined). */
    public static Ols fit(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
        int n = x.length;
        if (n < 3) return null;
        // two passes around the means: exact enough for NIST's "lower difficulty" sets and far better than raw sums
        double meanX = 0, meanY = 0;
        for (int i = 0; i < n; i++) { meanX += x[i]; meanY += y[i]; }
        meanX /= n;
        meanY /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX, dy = y[i] - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0) return null;
        boolean constantY = isConstant(y);
        double slope = constantY ? 0.0 : sxy / sxx;
        double intercept = constantY ? y[0] : meanY - slope * meanX;
        double sse = 0;
        if (!constantY) {
            for (int i = 0; i < n; i++) {
                double r = y[i] - (intercept + slope * x[i]);
                sse += r * r;
            }
        }
        int df = n - 2;
        double s = Math.sqrt(sse / df);
        double se = s / Math.sqrt(sxx);
        double tCrit = tQuantile(df);
        Double r2 = constantY ? null : sxy * sxy / (sxx * syy);
        Double p = constantY ? null : twoSidedP(slope, se, df);
        return new Ols(n, slope, intercept, r2, se, p, slope - tCrit * se, slope + tCrit * se, s, meanX, sxx);
    }

    public double predict(double x) {
        return intercept + slope * x;
    }

    /** Standard error of the intercept, s · √(1/n + x̄² / Sxx). */
    public double interceptStdErr() {
        return residualStdDev * Math.sqrt(1.0 / n + meanX * meanX / sxx);
    }

    /**
     * 95% prediction interval of the sum of k = futureX.length future observations:
     * ŷ ± t(0.975, n−2) · s · √(k + k²(1/n + (x̄f − x̄)²/Sxx)), ŷ the sum of the predictions and x̄f the mean
     * future x. Not clamped: a caller that needs a non-negative count clamps.
     *
     * @return {sum of ŷ, low, high}
     */
    public double[] predictionIntervalOfSum(double[] futureX) {
        return predictionIntervalOfScaledSum(futureX, 1.0);
    }

    /**
     * The same for scale × the sum of the predictions at futureX, counted as k = scale × futureX.length future
     * observations. The trend generator evaluates a weekly fit at 30 daily positions with scale 1/7: ŷ = Σ/7,
     * k = 30/7 weeks (spec "Trend").
     *
     * @return {scale × sum of ŷ, low, high}
     */
    public double[] predictionIntervalOfScaledSum(double[] futureX, double scale) {
        if (futureX.length == 0) throw new IllegalArgumentException("no future points");
        double sum = 0, meanF = 0;
        for (double xf : futureX) { sum += predict(xf); meanF += xf; }
        meanF /= futureX.length;
        double yHat = scale * sum;
        double k = scale * futureX.length;
        double d = meanF - meanX;
        double half = tQuantile(n - 2) * residualStdDev * Math.sqrt(k + k * k * (1.0 / n + d * d / sxx));
        return new double[] {yHat, yHat - half, yHat + half};
    }

    private static boolean isConstant(double[] y) {
        for (double v : y) if (v != y[0]) return false;
        return true;
    }

    private static double tQuantile(int df) {
        return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    private static double twoSidedP(double slope, double se, int df) {
        if (se == 0) return 0.0; // a perfect, non-constant fit
        // 2·F(−|t|) keeps precision for tiny p (1 − F(|t|) would round to 0 early)
        return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(slope / se));
    }
}
