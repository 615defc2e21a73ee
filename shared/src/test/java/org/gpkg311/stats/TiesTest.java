package org.gpkg311.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TiesTest {

    @Test
    void twelveSignificantDigits() {
        assertTrue(Ties.equal(1.0000000000000002, 1));          // issue 12: the complexityIndex of one type
        assertTrue(Ties.equal(0.1 + 0.2, 0.3));
        assertTrue(Ties.equal(123456.7890123, 123456.789012));    // differ in the 13th digit
        assertFalse(Ties.equal(123456.789013, 123456.789012));    // differ in the 12th
        assertTrue(Ties.equal(-0.0, 0.0));
        assertEquals(0.333333333333, Ties.key(1.0 / 3), 0);
        assertEquals(2.5e-7, Ties.key(2.5000000000001e-7), 0);
        assertEquals(7.0, Ties.key(7.0), 0);
        assertTrue(Ties.greater(1.00000000001, 1));
        assertFalse(Ties.greater(1.000000000000001, 1));
    }

    @Test
    void argMaxTakesTheFirstOfTiedMaxima() {
        assertEquals(1, Ties.argMax(new double[] {0.2, 0.30000000000000004, 0.1, 0.3}));
        assertEquals(-1, Ties.argMax(new double[0]));
    }
}
