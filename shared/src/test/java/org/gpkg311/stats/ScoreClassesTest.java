package org.gpkg311.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ScoreClassesTest {

    private static final double EPS = 1e-12;

    /** The exact DP equals a brute-force search over every contiguous partition (n ≤ 12, k ≤ 4), ties included. */
    @Test
    void optimalPartitionEqualsBruteForce() {
        SplittableRandom rnd = new SplittableRandom(7);
        int checked = 0;
        for (int trial = 0; trial < 600; trial++) {
            int n = 3 + rnd.nextInt(10);
            // small integers give equal values and equal sums of squares; some trials use spread-out reals
            double[] v = new double[n];
            boolean reals = trial % 3 == 0;
            for (int i = 0; i < n; i++) v[i] = reals ? Math.round(rnd.nextGaussian() * 1000) / 100.0 : rnd.nextInt(6);
            int distinct = (int) Arrays.stream(v).distinct().count();
            for (int k = 1; k <= Math.min(4, distinct); k++) {
                int[] expected = BruteForce.best(v, k);
                int[] actual = OptimalKMeans1D.of(v, k).cls();
                assertArrayEquals(expected, actual, () -> Arrays.toString(v));
                checked++;
            }
        }
        assertTrue(checked > 1000);
    }

    /* 0, 1, 2 into 2 classes: {0}{1,2} and {0,1}{2} both have SSE 0.5; the smaller top class wins. */
    @Test
    void equalSumsOfSquaresGoToTheSmallestTopClass() {
        assertArrayEquals(new int[] {0, 0, 1}, OptimalKMeans1D.of(new double[] {0, 1, 2}, 2).cls());
        assertArrayEquals(new int[] {1, 0, 0}, OptimalKMeans1D.of(new double[] {2, 0, 1}, 2).cls());
        assertEquals(0.5, OptimalKMeans1D.of(new double[] {0, 1, 2}, 2).sse(), EPS);
    }

    /* 1 and 1.0000000000000002 agree to 12 digits: one value, never split even where SSE would gain. */
    @Test
    void valuesEqualToTwelveDigitsAreOneGroup() {
        double[] v = {1.0000000000000002, 1, 1, 5, 9};
        assertEquals(3, OptimalKMeans1D.distinct(v));
        int[] cls = OptimalKMeans1D.of(v, 3).cls();
        assertArrayEquals(new int[] {0, 0, 0, 1, 2}, cls);
    }

    /*
     * 0, 1, 5, 7 (mean silhouettes worked by hand):
     * k = 2 {0,1}{5,7}: 3371/4680 = 0.72029914...; k = 3 {0,1}{5}{7} (SSE .5 < {0}{1}{5,7} 2): 0.3875 → k = 2.
     */
    @Test
    void handWorkedClasses() {
        ScoreClasses c = ScoreClasses.of(new Double[] {5.0, null, 0.0, 7.0, 1.0}, "risk");
        assertNull(c.reason());
        assertEquals(2, c.k());
        assertEquals(List.of(2, 3), List.copyOf(c.meanSilhouetteByK().keySet()));
        assertEquals(3371.0 / 4680, c.meanSilhouetteByK().get(2), EPS);
        assertEquals(0.3875, c.meanSilhouetteByK().get(3), EPS);
        assertArrayEquals(new String[] {"High risk", null, "Low risk", "High risk", "Low risk"}, c.label());
        assertArrayEquals(new Integer[] {1, null, 0, 1, 0}, c.cls());
        assertEquals(5.0 / 9, c.silhouette()[0], EPS);
        assertNull(c.silhouette()[1]);
        assertEquals(5.0 / 6, c.silhouette()[2], EPS);
        assertArrayEquals(new double[] {0, 1}, c.bounds()[0], EPS);
        assertArrayEquals(new double[] {5, 7}, c.bounds()[1], EPS);
        assertEquals("k = 2 (mean silhouette k=2: 0.7203, k=3: 0.3875); Low risk [0.0, 1.0]; High risk [5.0, 7.0]",
                c.describe("risk"));
    }

    @Test
    void noDistinctGroupsOnlyForTooFewValues() {
        ScoreClasses three = ScoreClasses.of(new Double[] {1.0, 2.0, 3.0, null}, "risk");
        assertEquals("fewer than 4 defined values (3)", three.reason());
        assertArrayEquals(new String[] {"No distinct groups", "No distinct groups", "No distinct groups", null}, three.label());
        ScoreClasses two = ScoreClasses.of(new Double[] {1.0, 1.0, 2.0, 2.0, 1.0000000000000002}, "risk");
        assertEquals("fewer than 3 distinct values (2)", two.reason());
        // three distinct values are enough: k = 2 only
        ScoreClasses ok = ScoreClasses.of(new Double[] {1.0, 1.0, 2.0, 9.0}, "volatility");
        assertEquals(2, ok.k());
        assertArrayEquals(new String[] {"Low volatility", "Low volatility", "Low volatility", "High volatility"}, ok.label());
    }

    /** A higher score never carries a lower class, on many random score sets (ties included). */
    @Test
    void classesAreIntervalsOfTheScore() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 4 + rnd.nextInt(40);
            Double[] s = new Double[n];
            for (int i = 0; i < n; i++) s[i] = trial % 2 == 0 ? (double) rnd.nextInt(8) : 100 * rnd.nextDouble();
            ScoreClasses c = ScoreClasses.of(s, "risk");
            assertNotNull(c.label()[0]);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (s[i] > s[j] && c.cls()[i] != null) assertTrue(c.cls()[i] >= c.cls()[j]);
                    if (s[i].equals(s[j]) && c.cls()[i] != null) assertEquals(c.cls()[i], c.cls()[j]);
                }
            }
        }
    }

    /** Every contiguous partition of the sorted values, the SSE computed directly; ties as the spec says. */
    private static final class BruteForce {
        static int[] best(double[] values, int k) {
            int n = values.length;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++) sorted[i] = values[order[i]];
            double total = sse(sorted, 0, n);
            int[] bestSizes = null;
            double bestSse = Double.POSITIVE_INFINITY;
            // cut masks: bit g set = a class boundary between sorted[g] and sorted[g+1]
            for (int mask = 0; mask < 1 << (n - 1); mask++) {
                if (Integer.bitCount(mask) != k - 1) continue;
                boolean splitsEqual = false;
                for (int g = 0; g < n - 1; g++) if ((mask >> g & 1) == 1 && sorted[g] == sorted[g + 1]) splitsEqual = true;
                if (splitsEqual) continue;
                int[] sizes = new int[k];
                double s = 0;
                int from = 0, c = 0;
                for (int g = 0; g < n; g++) {
                    if (g == n - 1 || (mask >> g & 1) == 1) {
                        s += sse(sorted, from, g + 1);
                        sizes[c++] = g + 1 - from;
                        from = g + 1;
                    }
                }
                double tol = 1e-9 * total;
                if (s < bestSse - tol || (Math.abs(s - bestSse) <= tol && smallerFromTop(sizes, bestSizes))) {
                    bestSse = Math.min(s, bestSse);
                    bestSizes = sizes;
                }
            }
            int[] cls = new int[n];
            for (int c = 0, pos = 0; c < k; c++) for (int j = 0; j < bestSizes[c]; j++) cls[order[pos++]] = c;
            return cls;
        }

        private static boolean smallerFromTop(int[] a, int[] b) {
            for (int c = a.length - 1; c >= 0; c--) if (a[c] != b[c]) return a[c] < b[c];
            return false;
        }

        private static double sse(double[] v, int from, int to) {
            double mean = 0;
            for (int i = from; i < to; i++) mean += v[i];
            mean /= to - from;
            double s = 0;
            for (int i = from; i < to; i++) s += (v[i] - mean) * (v[i] - mean);
            return s;
        }
    }

    @Test
    void ordinalLabels() {
        assertArrayEquals(new String[] {"Low", "High"}, ScoreClasses.ordinalLabels(2));
        assertArrayEquals(new String[] {"Low", "Moderate", "High"}, ScoreClasses.ordinalLabels(3));
        assertArrayEquals(new String[] {"Low", "Moderate", "High", "Very high"}, ScoreClasses.ordinalLabels(4));
        assertArrayEquals(new String[] {"Very low", "Low", "Moderate", "High", "Very high"},
                ScoreClasses.ordinalLabels(5));
        assertArrayEquals(new String[] {"Very low", "Low", "Moderate", "High", "Very high", "Extreme"},
                ScoreClasses.ordinalLabels(6));
        assertEquals("Level 8", ScoreClasses.ordinalLabels(8)[7]);
        assertThrows(IllegalArgumentException.class, () -> ScoreClasses.ordinalLabels(1));
    }

    @Test
    void silhouetteOfASingletonIsZero() {
        // points 0, 1, 10 with clusters {0,1}{10}: s(0) = (10 − 1)/10 = .9, s(1) = (9 − 1)/9 = 8/9, s(10) = 0
        double[][] d = {{0, 1, 10}, {1, 0, 9}, {10, 9, 0}};
        assertArrayEquals(new double[] {0.9, 8.0 / 9, 0.0}, Silhouette.of(d, new int[] {0, 0, 1}, 2), EPS);
    }
}
