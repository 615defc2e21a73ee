package org.gpkg311.stats.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    /*
     * m = 5, p = .005 .011 .02 .039 .13 (already sorted).
     * α = .05: k·α/m = .01 .02 .03 .04 .05 → p(1..4) pass, p(5) = .13 > .05 → reject the first four.
     * α = .01: k·α/m = .002 .004 .006 .008 .01 → no p(k) passes → nothing.
     */
    @Test
    void classicStepUp() {
        Double[] p = {0.02, 0.13, 0.005, 0.039, 0.011};
        assertArrayEquals(new boolean[] {true, false, true, true, true}, BenjaminiHochberg.reject(p, 0.05));
        assertArrayEquals(new boolean[] {false, false, false, false, false}, BenjaminiHochberg.reject(p, 0.01));
    }

    @Test
    void largestPassingRankRejectsEverySmallerP() {
        // m = 4, α = .05: thresholds .0125 .025 .0375 .05; p(1) = .02 fails its own, but p(4) = .023 ≤ .05 → all
        Double[] p = {0.023, 0.02, 0.022, 0.021};
        assertArrayEquals(new boolean[] {true, true, true, true}, BenjaminiHochberg.reject(p, 0.05));
    }

    @Test
    void nullsAreLeftOutOfM() {
        // defined p = .01, .04 (m = 2): α = .05 → thresholds .025, .05 → both rejected (with m = 3 .04 would fail .0333)
        Double[] p = {0.04, null, 0.01};
        assertArrayEquals(new boolean[] {true, false, true}, BenjaminiHochberg.reject(p, 0.05));
    }

    @Test
    void binsTakeTheStrictestLevelAndTheSignOfZ() {
        // m = 3, p = .001 .02 .5: α = .01 → .00333 .00667 .01: only p = .001; α = .05 → .0167 .0333 .05: .001, .02;
        // α = .10 → .0333 .0667 .1: .001 .02 (.5 fails) → bins 3, 2, 0 with z's sign
        Double[] z = {-3.3, 2.3, 0.7};
        Double[] p = {0.001, 0.02, 0.5};
        assertArrayEquals(new Integer[] {-3, 2, 0}, BenjaminiHochberg.bins(z, p));
        assertArrayEquals(new Integer[] {null, 0}, BenjaminiHochberg.bins(new Double[] {null, 1.0}, new Double[] {null, 0.3}));
    }
}
