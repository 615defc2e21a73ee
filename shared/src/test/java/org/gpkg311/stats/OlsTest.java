package org.gpkg311.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OlsTest {

    /** NIST StRD linear regression "Norris" (36 points, lower difficulty), x and y as published. */
    private static final double[] NORRIS_X = {
        0.2, 337.4, 118.2, 884.6, 10.1, 226.5, 666.3, 996.3, 448.6, 777.0, 558.2, 0.4, 0.6, 775.5, 666.9, 338.0,
        447.5, 11.6, 556.0, 228.1, 995.8, 887.6, 120.2, 0.3, 0.3, 556.8, 339.1, 887.2, 999.0, 779.0, 11.1, 118.3,
        229.2, 669.1, 448.9, 0.5};
    private static final double[] NORRIS_Y = {
        0.1, 338.8, 118.1, 888.0, 9.2, 228.1, 668.5, 998.5, 449.1, 778.9, 559.2, 0.3, 0.1, 778.1, 668.8, 339.3,
        448.9, 10.8, 557.7, 228.3, 998.0, 888.8, 119.6, 0.3, 0.6, 557.6, 339.3, 888.0, 998.5, 778.9, 10.2, 117.6,
        228.9, 668.4, 449.2, 0.2};

    @Test
    void norrisCertifiedValues() {
        Ols fit = Ols.fit(NORRIS_X, NORRIS_Y);
        assertNotNull(fit);
        // NIST certified values (https://www.itl.nist.gov/div898/strd/lls/data/Norris.shtml)
        assertEquals(36, fit.n());
        assertEquals(1.00211681802045, fit.slope(), 1e-12);
        assertEquals(-0.262323073774029, fit.intercept(), 1e-10);
        assertEquals(0.999993745883712, fit.r2(), 1e-12);
        assertEquals(0.429796848199937E-03, fit.slopeStdErr(), 1e-12);
        assertEquals(0.232818234301152, fit.interceptStdErr(), 1e-10);
        assertEquals(0.884796396144373, fit.residualStdDev(), 1e-10);
        // t = slope / se ≈ 2332 with 34 df: p is astronomically small but still a positive double
        assertTrue(fit.pValue() > 0 && fit.pValue() < 1e-80);
    }

    /*
     * Hand-worked: x = 1 2 3 4, y = 2 3 5 6.
     * x̄ = 2.5, ȳ = 4, Sxx = 5, Sxy = 3 + .5 + .5 + 3 = 7, Syy = 10 → slope 1.4, intercept 4 − 1.4·2.5 = 0.5.
     * Fitted 1.9 3.3 4.7 6.1, residuals .1 −.3 .3 −.1, SSE = .2, s² = .2/2 = .1, se(slope) = √(.1/5) = √.02.
     * R² = Sxy²/(Sxx·Syy) = 49/50 = 0.98. t = 1.4/√.02 = √98.
     * With 2 df the t CDF is closed-form, F(t) = 1/2 + t / (2√(2 + t²)), so the two-sided
     * p = 1 − t/√(2 + t²) = 1 − √98/10 = 0.01005050633883342, and the quantile
     * t(0.975, 2) = (2p − 1)/√(2p(1 − p)) = 0.95/√0.04875 = 4.302652729749464.
     * CI: 1.4 ± 4.302652729749464·√.02 = [0.7915130155406689, 2.008486984459331].
     * Sum of the predictions at x = 5, 6: 7.5 + 8.9 = 16.4, k = 2, x̄f = 5.5:
     * k + k²(1/n + (x̄f − x̄)²/Sxx) = 2 + 4·(0.25 + 9/5) = 10.2; s·√10.2 = √1.02;
     * half width = 4.302652729749464·√1.02 = 4.345466249216178 → [12.05453375078382, 20.74546624921618].
     */
    @Test
    void handWorkedExample() {
        Ols fit = Ols.fit(new double[] {1, 2, 3, 4}, new double[] {2, 3, 5, 6});
        assertEquals(1.4, fit.slope(), 1e-12);
        assertEquals(0.5, fit.intercept(), 1e-12);
        assertEquals(0.98, fit.r2(), 1e-12);
        assertEquals(Math.sqrt(0.02), fit.slopeStdErr(), 1e-12);
        assertEquals(Math.sqrt(0.1), fit.residualStdDev(), 1e-12);
        assertEquals(0.01005050633883342, fit.pValue(), 1e-9);
        assertEquals(0.7915130155406689, fit.slopeCiLow(), 1e-9);
        assertEquals(2.008486984459331, fit.slopeCiHigh(), 1e-9);
        assertEquals(2.5, fit.meanX(), 1e-12);
        assertEquals(5.0, fit.sxx(), 1e-12);
        assertEquals(7.5, fit.predict(5), 1e-12);
        assertArrayEquals(new double[] {16.4, 12.05453375078382, 20.74546624921618},
                fit.predictionIntervalOfSum(new double[] {5, 6}), 1e-9);
    }

    /** scipy 1.17.1 stats.linregress on 12 points, CI with stats.t.ppf(0.975, 10). */
    @Test
    void matchesScipyLinregress() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        double[] y = {30, 28, 35, 33, 31, 40, 38, 36, 44, 41, 39, 47};
        Ols fit = Ols.fit(x, y);
        assertEquals(1.3846153846153846, fit.slope(), 1e-12);
        assertEquals(27.833333333333336, fit.intercept(), 1e-12);
        assertEquals(0.749737045088002, fit.r2(), 1e-12);
        assertEquals(0.00027175837220087926, fit.pValue(), 1e-12);
        assertEquals(0.2529722897465152, fit.slopeStdErr(), 1e-12);
        assertEquals(0.8209579973552451, fit.slopeCiLow(), 1e-9);
        assertEquals(1.9482727718755242, fit.slopeCiHigh(), 1e-9);
    }

    @Test
    void scaledSumCountsScaleTimesPointsAsObservations() {
        // scale 1/2 over x = 5, 6: ŷ = 16.4/2 = 8.2, k = 1, x̄f = 5.5 → 1 + 1·(0.25 + 1.8) = 3.05;
        // half = 4.302652729749464·√(0.1·3.05) = 4.302652729749464·0.552268050859363 = 2.376217636583454
        Ols fit = Ols.fit(new double[] {1, 2, 3, 4}, new double[] {2, 3, 5, 6});
        double[] pi = fit.predictionIntervalOfScaledSum(new double[] {5, 6}, 0.5);
        assertEquals(8.2, pi[0], 1e-12);
        assertEquals(8.2 - 2.376217636583454, pi[1], 1e-9);
        assertEquals(8.2 + 2.376217636583454, pi[2], 1e-9);
    }

    @Test
    void constantYHasNoR2AndNoP() {
        Ols fit = Ols.fit(new double[] {1, 2, 3, 4}, new double[] {5, 5, 5, 5});
        assertNull(fit.r2());
        assertNull(fit.pValue());
        assertEquals(0.0, fit.slope());
        assertEquals(5.0, fit.intercept());
        assertEquals(0.0, fit.slopeStdErr());
        assertEquals(0.0, fit.slopeCiLow());
        assertEquals(0.0, fit.slopeCiHigh());
        assertArrayEquals(new double[] {10, 10, 10}, fit.predictionIntervalOfSum(new double[] {5, 6}), 0.0);
    }

    @Test
    void perfectLineHasPZero() {
        Ols fit = Ols.fit(new double[] {0, 1, 2}, new double[] {1, 3, 5});
        assertEquals(2.0, fit.slope(), 1e-12);
        assertEquals(1.0, fit.r2(), 1e-12);
        assertEquals(0.0, fit.pValue());
    }

    @Test
    void tooFewPointsOrConstantX() {
        assertNull(Ols.fit(new double[] {1, 2}, new double[] {1, 2}));
        assertNull(Ols.fit(new double[] {3, 3, 3}, new double[] {1, 2, 4}));
        assertThrows(IllegalArgumentException.class, () -> Ols.fit(new double[] {1, 2, 3}, new double[] {1, 2}));
    }
}
