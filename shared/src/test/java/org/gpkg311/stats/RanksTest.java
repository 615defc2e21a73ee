package org.gpkg311.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RanksTest {

    @Test
    void midRankPercentileWithTiesAndNull() {
        // defined: 10, 20, 20, 30 (n = 4)
        // 10: (0 + 0.5·1)/4 = 12.5; 20: (1 + 0.5·2)/4 = 50; 30: (3 + 0.5·1)/4 = 87.5
        Double[] x = {20.0, 10.0, null, 30.0, 20.0};
        assertArrayEquals(new Double[] {50.0, 12.5, null, 87.5, 50.0}, Ranks.percentile(x));
    }

    @Test
    void percentileOfAllEqualIsFifty() {
        assertArrayEquals(new Double[] {50.0, 50.0, 50.0}, Ranks.percentile(new Double[] {3.0, 3.0, 3.0}));
    }

    @Test
    void competitionRankHighestFirstTiesShareSmallest() {
        // 30 → 1; the two 20s → 2; 10 → 4 (not 3: competition ranking)
        Double[] x = {20.0, 10.0, null, 30.0, 20.0};
        assertArrayEquals(new Integer[] {2, 4, null, 1, 2}, Ranks.descending(x));
    }

    @Test
    void quartileClassFourHoldsTheHighestValues() {
        // 1..8: Q1 = 1 + 7·0.25 → 2.75, Q2 = 4.5, Q3 = 6.25 → classes 1 1 2 2 3 3 4 4
        Double[] x = {8.0, null, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, null};
        assertArrayEquals(new Integer[] {4, null, 1, 1, 2, 2, 3, 3, 4, null}, Ranks.quartile(x));
    }

    @Test
    void quartileClassWithTies() {
        // sorted 1 1 1 1 2 3 4 5: Q1 (h = 1.75) = 1, Q2 (h = 3.5) = 1.5, Q3 (h = 5.25) = 3.25
        // 1 ≤ Q1 → 1; 2 and 3 in (Q2, Q3] → 3; 4 and 5 > Q3 → 4; no value falls in class 2
        Double[] x = {5.0, 1.0, 4.0, 1.0, 3.0, 1.0, 2.0, 1.0};
        Integer[] q = Ranks.quartile(x);
        assertArrayEquals(new Integer[] {4, 1, 4, 1, 3, 1, 3, 1}, q);
        // the maximum is always in class 4 unless every value ties with Q3
        assertEquals(4, q[0]);
    }

    @Test
    void allEqualValuesFallInClassOne() {
        // Q1 = Q2 = Q3 = 2 and every x ≤ Q1
        assertArrayEquals(new Integer[] {1, 1, null}, Ranks.quartile(new Double[] {2.0, 2.0, null}));
    }

    @Test
    void quintileClass() {
        // cuts 2.8, 4.6, 6.4, 8.2 (see QuantilesTest.quintileCuts)
        Double[] x = {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0};
        assertArrayEquals(new Integer[] {1, 1, 2, 2, 3, 3, 4, 4, 5, 5}, Ranks.quintile(x));
    }

    @Test
    void allNull() {
        Double[] x = {null, null};
        assertArrayEquals(new Integer[] {null, null}, Ranks.quartile(x));
        assertArrayEquals(new Double[] {null, null}, Ranks.percentile(x));
        assertArrayEquals(new Integer[] {null, null}, Ranks.descending(x));
    }

    @Test
    void roundTenthHalfUpOnTheDecimalValue() {
        assertEquals(12.5, Ranks.roundTenth(12.45));
        assertEquals(0.1, Ranks.roundTenth(0.05));
        assertEquals(87.5, Ranks.roundTenth(87.5));
        assertEquals(33.3, Ranks.roundTenth(100.0 / 3));
        assertEquals(-1.2, Ranks.roundTenth(-1.15)); // HALF_UP rounds away from zero
        assertNull(Ranks.roundTenth(null));
    }

    @Test
    void quartileLabel() {
        String[] labels = {"Lowest quarter", "Lower-middle quarter", "Upper-middle quarter", "Highest quarter"};
        assertEquals("Highest quarter", Ranks.label(4, labels));
        assertEquals("Lowest quarter", Ranks.label(1, labels));
        assertNull(Ranks.label(null, labels));
        assertTrue(Ranks.label(2, labels).startsWith("Lower-middle"));
    }

    /* Issue 12: one type everywhere gives complexityIndex 1.0000000000000002 in one district and 1 elsewhere. */
    @Test
    void valuesEqualToTwelveDigitsShareRanksAndClasses() {
        Double[] v = {1.0, 1.0000000000000002, 1.0, 1.0, 0.5};
        org.junit.jupiter.api.Assertions.assertArrayEquals(new Integer[] {1, 1, 1, 1, 5}, Ranks.descending(v));
        org.junit.jupiter.api.Assertions.assertArrayEquals(Ranks.quartile(new Double[] {1.0, 1.0, 1.0, 1.0, 0.5}), Ranks.quartile(v));
        org.junit.jupiter.api.Assertions.assertEquals(Ranks.percentile(v)[0], Ranks.percentile(v)[1]);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new Integer[] {1, 1, 3},
                Ranks.descending(new double[] {0.3, 0.1 + 0.2, 0.2}));
    }

    @Test
    void manyValuesWithTiesWithoutNulls() {
        double[] x = {5, 1, 5, 3, 0};
        // Sorted 0,1,3,5,5. Percentile of 5: (3 below + 0.5·2) / 5 = 80; of 1: (1 + 0.5)/5 = 30;
        // of 3: (2 + 0.5)/5 = 50; of 0: 0.5/5 = 10.
        org.junit.jupiter.api.Assertions.assertArrayEquals(new Double[] {80.0, 30.0, 80.0, 50.0, 10.0}, Ranks.percentile(x));
        // Competition ranks, 1 = highest, ties share the smallest: 5,5 → 1; 3 → 3; 1 → 4; 0 → 5.
        org.junit.jupiter.api.Assertions.assertArrayEquals(new Integer[] {1, 4, 1, 3, 5}, Ranks.descending(x));
    }
}
