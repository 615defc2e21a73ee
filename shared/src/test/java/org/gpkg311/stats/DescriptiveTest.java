package org.gpkg311.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DescriptiveTest {

    private static final double EPS = 1e-12;

    @Test
    void cvUsesSampleSd() {
        // mean 5; squared deviations 9 1 1 1 0 0 4 16 = 32; sample variance 32/7;
        // sd = √(32/7) = 2.138089935299395 (python math.sqrt); cv = sd / 5 = 0.427617987059879
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
        assertEquals(5.0, Descriptive.mean(x), EPS);
        assertEquals(2.138089935299395, Descriptive.sampleSd(x), EPS);
        assertEquals(0.427617987059879, Descriptive.cv(x), EPS);
    }

    @Test
    void cvUndefined() {
        assertNull(Descriptive.cv(new double[] {-1, 1})); // mean 0
        assertNull(Descriptive.cv(new double[] {4})); // n < 2
        assertNull(Descriptive.cv(new double[0]));
        assertEquals(0.0, Descriptive.cv(new double[] {3, 3, 3}), EPS);
    }

    @Test
    void scaledMad() {
        // median 6; |x − 6| = 4 2 0 2 94 → sorted 0 2 2 4 94 → median 2; 1.4826·2 = 2.9652
        assertEquals(2.9652, Descriptive.scaledMad(new double[] {2, 4, 6, 8, 100}), EPS);
        // median 2.5; deviations 1.5 .5 .5 1.5 → median 1.0 → 1.4826
        assertEquals(1.4826, Descriptive.scaledMad(new double[] {1, 2, 3, 4}), EPS);
        assertEquals(0.0, Descriptive.scaledMad(new double[] {5, 5, 5, 9}), EPS);
        assertNull(Descriptive.scaledMad(new double[0]));
    }

    @Test
    void minMaxSum() {
        double[] x = {3, -1, 7};
        assertEquals(-1.0, Descriptive.min(x));
        assertEquals(7.0, Descriptive.max(x));
        assertEquals(9.0, Descriptive.sum(x), EPS);
        assertNull(Descriptive.min(new double[0]));
        assertNull(Descriptive.mean(new double[0]));
        assertNull(Descriptive.sampleSd(new double[] {1}));
    }

    @Test
    void valuesHelpers() {
        assertArrayEquals(new double[] {1, 3}, Values.defined(new Double[] {null, 1.0, null, 3.0}));
        assertArrayEquals(new Double[] {1.0, 2.0}, Values.boxed(new int[] {1, 2}));
        assertArrayEquals(new Double[] {0.5}, Values.boxed(new double[] {0.5}));
        assertEquals(0.5, Values.ratio(1.0, 2.0));
        assertNull(Values.ratio(1.0, 0.0));
        assertNull(Values.ratio((Double) null, Double.valueOf(2)));
        assertNull(Values.ratio(Double.valueOf(1), Double.valueOf(0)));
        assertEquals(0.75, Values.ratio(3L, 4L));
        assertNull(Values.ratio(3L, 0L));
    }
}
