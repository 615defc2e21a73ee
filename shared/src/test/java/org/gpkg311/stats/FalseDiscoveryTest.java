package org.gpkg311.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FalseDiscoveryTest {

    /*
     * p = .02 .13 .005 .039 .011 (m = 5). Sorted: .005 .011 .02 .039 .13 at ranks 1..5; m·p/r = .025 .0275
     * .0333 .04875 .13; the running minimum from the top leaves them as they are. At α = .05 the largest r with
     * p(r) ≤ r·α/m is 4 (.039 ≤ .04): the first four are rejected, .13 is not.
     */
    @Test
    void handWorkedBenjaminiHochberg() {
        Double[] p = {0.02, 0.13, 0.005, 0.039, 0.011};
        Double[] q = FalseDiscovery.adjusted(p);
        double[] expected = {0.1 / 3, 0.13, 0.025, 0.04875, 0.0275};
        for (int i = 0; i < 5; i++) assertEquals(expected[i], q[i], 1e-15);
        assertArrayEquals(new boolean[] {true, false, true, true, true}, FalseDiscovery.reject(p, 0.05));
        // the running minimum: p = .04 .041 (m = 2): 2·.04/1 = .08 > .041·2/2 = .041 → both .041
        Double[] two = FalseDiscovery.adjusted(new Double[] {0.04, 0.041, null});
        assertEquals(0.041, two[0], 1e-15);
        assertEquals(0.041, two[1], 1e-15);
        assertEquals(null, two[2]);
    }

    @Test
    void aPEqualToItsThresholdAtTwelveDigitsIsRejected() {
        // 0.05 + 1 ulp: equal to 0.05 at 12 digits
        assertArrayEquals(new boolean[] {true}, FalseDiscovery.reject(new Double[] {Math.nextUp(0.05)}, 0.05));
        assertArrayEquals(new boolean[] {false}, FalseDiscovery.reject(new Double[] {0.0500001}, 0.05));
    }

    /* Issue 12: a type mix independent of the district flags ~5% of pairs uncorrected, almost none after BH. */
    @Test
    void overRepresentedTypesOnAStructurelessMixAreAlmostNone() {
        SplittableRandom rnd = new SplittableRandom(3);
        int districts = 35, types = 12;
        double[] w = new double[types];
        double total = 0;
        for (int t = 0; t < types; t++) total += w[t] = 1 + t * t;
        int[][] counts = new int[districts][types];
        for (int d = 0; d < districts; d++) {
            for (int r = 0; r < 400; r++) {
                double u = rnd.nextDouble() * total;
                int t = 0;
                while (u >= w[t]) u -= w[t++];
                counts[d][t]++;
            }
        }
        int[] all = new int[types];
        int grand = 0;
        for (int[] row : counts) for (int t = 0; t < types; t++) {
            all[t] += row[t];
            grand += row[t];
        }
        double[] share = new double[types];
        for (int t = 0; t < types; t++) share[t] = (double) all[t] / grand;
        boolean[] eligible = new boolean[types];
        java.util.Arrays.fill(eligible, true);
        int[] over = OverRepresentedTypes.count(counts, share, eligible);
        int zero = 0, uncorrected = 0;
        for (int d = 0; d < districts; d++) {
            if (over[d] == 0) zero++;
            for (int t = 0; t < types; t++) if (BinomialTest.upperTail(counts[d][t], 400, share[t]) < 0.05) uncorrected++;
        }
        assertTrue(zero >= 0.9 * districts, zero + " districts without an over-represented type");
        assertTrue(uncorrected >= 10, "uncorrected tests flag " + uncorrected);
        // a planted excess is still found: district 0 gets 120 more of type 0 (share ~0.2%)
        counts[0][0] += 120;
        assertTrue(OverRepresentedTypes.count(counts, share, eligible)[0] >= 1);
        assertEquals(0, OverRepresentedTypes.count(new int[][] {{0, 0}}, new double[] {0.5, 0.5}, new boolean[] {true, true})[0]);
    }
}
