package org.gpkg311.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Type-7 quantiles: h = (n − 1)·p on the sorted values, linear interpolation (R/numpy default). */
class QuantilesTest {

    private static final double EPS = 1e-12;

    @Test
    void oneToFour() {
        double[] x = {1, 2, 3, 4};
        // h = 3·0.25 = 0.75 → 1 + 0.75·(2 − 1) = 1.75; h = 1.5 → 2.5; h = 2.25 → 3.25; h = 2.7 → 3.7
        assertEquals(1.75, Quantiles.of(x, 0.25), EPS);
        assertEquals(2.5, Quantiles.median(x), EPS);
        assertEquals(3.25, Quantiles.of(x, 0.75), EPS);
        assertEquals(3.7, Quantiles.of(x, 0.9), EPS);
        assertEquals(1.0, Quantiles.of(x, 0.0), EPS);
        assertEquals(4.0, Quantiles.of(x, 1.0), EPS);
    }

    @Test
    void unsortedWithTies() {
        // sorted: 1 1 2 3 4 5 6 9 (n = 8, indices 0..7)
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
        // h = 7·0.25 = 1.75 → x[1] + 0.75·(x[2] − x[1]) = 1 + 0.75 = 1.75
        assertEquals(1.75, Quantiles.of(x, 0.25), EPS);
        // h = 3.5 → 3 + 0.5·1 = 3.5
        assertEquals(3.5, Quantiles.median(x), EPS);
        // h = 5.25 → 5 + 0.25·1 = 5.25
        assertEquals(5.25, Quantiles.of(x, 0.75), EPS);
        // h = 6.65 → 6 + 0.65·3 = 7.95
        assertEquals(7.95, Quantiles.of(x, 0.95), EPS);
        // the input is not reordered
        assertArrayEquals(new double[] {3, 1, 4, 1, 5, 9, 2, 6}, x);
    }

    @Test
    void nullsAreLeftOut() {
        Double[] x = {null, 4.0, 1.0, null, 3.0, 2.0};
        assertEquals(2.5, Quantiles.median(x), EPS);
        // quartiles of 1,2,3,4 (see oneToFour)
        assertArrayEquals(new double[] {1.75, 2.5, 3.25}, Quantiles.quartiles(x), EPS);
    }

    @Test
    void emptyAndSingle() {
        assertNull(Quantiles.of(new double[0], 0.5));
        assertNull(Quantiles.median(new Double[] {null, null}));
        assertNull(Quantiles.quartiles(new Double[] {null}));
        assertEquals(7.0, Quantiles.of(new double[] {7}, 0.3), EPS);
        assertEquals(7.0, Quantiles.of(new double[] {7}, 0.0), EPS);
    }

    @Test
    void quintileCuts() {
        // 1..10: h = 9p for p = .2 .4 .6 .8 → 1.8, 3.6, 5.4, 7.2 → 2.8, 4.6, 6.4, 8.2
        Double[] x = {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0};
        assertArrayEquals(new double[] {2.8, 4.6, 6.4, 8.2}, Quantiles.cuts(x, 5), EPS);
    }

    @Test
    void rejectsProbabilityOutsideUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[] {1, 2}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[] {1, 2}, -0.1));
    }
}
