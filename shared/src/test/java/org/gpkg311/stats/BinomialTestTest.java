package org.gpkg311.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BinomialTestTest {

    @Test
    void fairCoin() {
        // P(X ≥ 3 | 5, ½) = (C(5,3) + C(5,4) + C(5,5)) / 32 = (10 + 5 + 1)/32 = 0.5
        assertEquals(0.5, BinomialTest.upperTail(3, 5, 0.5), 1e-14);
        // P(X ≥ 5 | 5, ½) = 1/32
        assertEquals(1.0 / 32, BinomialTest.upperTail(5, 5, 0.5), 1e-14);
        // P(X ≥ 1 | 5, ½) = 1 − 1/32
        assertEquals(31.0 / 32, BinomialTest.upperTail(1, 5, 0.5), 1e-14);
    }

    @Test
    void skewed() {
        // P(X ≥ 1 | 3, .2) = 1 − .8³ = 0.488
        assertEquals(0.488, BinomialTest.upperTail(1, 3, 0.2), 1e-14);
        // P(X ≥ 2 | 4, .1) = 1 − .9⁴ − 4·.1·.9³ = 1 − .6561 − .2916 = 0.0523
        assertEquals(0.0523, BinomialTest.upperTail(2, 4, 0.1), 1e-14);
    }

    @Test
    void matchesScipy() {
        // scipy 1.17.1: stats.binom.sf(11, 100, 0.05) and stats.binom.sf(29, 400, 0.05) (sf(k) = P(X > k) = P(X ≥ k + 1))
        assertEquals(0.004274182466365919, BinomialTest.upperTail(12, 100, 0.05), 1e-15);
        assertEquals(0.019033610776192426, BinomialTest.upperTail(30, 400, 0.05), 1e-14);
    }

    @Test
    void farTailKeepsPrecision() {
        // P(X ≥ 20 | 20, .01) = .01²⁰ = 1e-40 (1 − CDF would give 0)
        assertEquals(1e-40, BinomialTest.upperTail(20, 20, 0.01), 1e-52);
    }

    @Test
    void edges() {
        assertEquals(1.0, BinomialTest.upperTail(0, 5, 0.3));
        assertEquals(1.0, BinomialTest.upperTail(-2, 5, 0.3));
        assertEquals(0.0, BinomialTest.upperTail(6, 5, 0.3));
        assertEquals(0.0, BinomialTest.upperTail(1, 5, 0.0));
        assertEquals(1.0, BinomialTest.upperTail(5, 5, 1.0));
        assertEquals(1.0, BinomialTest.upperTail(0, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> BinomialTest.upperTail(1, 5, 1.5));
    }
}
