package org.gpkg311.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class VarianceWeightedCompositeTest {

    private static final double EPS = 1e-12;

    /*
     * Four districts, three components:
     *   A = 0, 1, 2, 4      → min–max (÷4): 0, .25, .5, 1
     *   B = 5, 5, 5, 5      → constant: dropped, weight 0
     *   C = 10, null, 30, 14 → over the defined 10..30 (÷20): 0, null, 1, .2
     * Districts with all kept components: 0, 2, 3.
     *   A there: 0, .5, 1 → mean .5, Σdev² = .25 + 0 + .25 = .5
     *   C there: 0, 1, .2 → mean .4, Σdev² = .16 + .36 + .04 = .56
     * weights ∝ .5 : .56 → A = .5/1.06 = 25/53, C = 28/53.
     * scores: d0 = 0; d1 NULL (C missing); d2 = 100·(25/53·.5 + 28/53·1) = 4050/53 = 76.41509433962264;
     *         d3 = 100·(25/53·1 + 28/53·.2) = 3060/53 = 57.735849056603776.
     */
    @Test
    void handComputedFourDistricts() {
        VarianceWeightedComposite.Composite c = VarianceWeightedComposite.of(List.of("a", "b", "c"), List.of(
                new Double[] {0.0, 1.0, 2.0, 4.0},
                new Double[] {5.0, 5.0, 5.0, 5.0},
                new Double[] {10.0, null, 30.0, 14.0}));
        assertArrayEquals(new double[] {25.0 / 53, 0.0, 28.0 / 53}, c.weight(), EPS);
        assertArrayEquals(new boolean[] {false, true, false}, c.dropped());
        assertEquals(0.0, c.score()[0], EPS);
        assertNull(c.score()[1]);
        assertEquals(76.41509433962264, c.score()[2], 1e-9);
        assertEquals(57.735849056603776, c.score()[3], 1e-9);
        assertArrayEquals(new Double[] {0.0, 0.25, 0.5, 1.0}, c.normalised().get(0));
        assertArrayEquals(new Double[] {null, null, null, null}, c.normalised().get(1));
        assertArrayEquals(new Double[] {0.0, null, 1.0, 0.2}, c.normalised().get(2));
    }

    @Test
    void missingValueOfADroppedComponentDoesNotNullTheScore() {
        // B is constant over the districts that have it (5, 5, 5) and takes no part
        VarianceWeightedComposite.Composite c = VarianceWeightedComposite.of(List.of("a", "b"), List.of(
                new Double[] {0.0, 2.0, 4.0},
                new Double[] {5.0, null, 5.0}));
        // only A is kept: weight 1, score = 100 × normalised A
        assertArrayEquals(new double[] {1.0, 0.0}, c.weight(), EPS);
        assertArrayEquals(new Double[] {0.0, 50.0, 100.0}, c.score());
    }

    @Test
    void equalSpreadGivesEqualWeights() {
        // A: 0, 1, 2 → 0, .5, 1; C: 2, 0, 1 → 1, 0, .5: same variance → weights ½ ½
        // scores: 100·(0 + 1)/2 = 50, 100·(.5 + 0)/2 = 25, 100·(1 + .5)/2 = 75
        VarianceWeightedComposite.Composite c = VarianceWeightedComposite.of(List.of("a", "c"), List.of(
                new Double[] {0.0, 1.0, 2.0},
                new Double[] {2.0, 0.0, 1.0}));
        assertArrayEquals(new double[] {0.5, 0.5}, c.weight(), EPS);
        assertEquals(50.0, c.score()[0], EPS);
        assertEquals(25.0, c.score()[1], EPS);
        assertEquals(75.0, c.score()[2], EPS);
    }

    @Test
    void everythingConstantGivesNoScore() {
        VarianceWeightedComposite.Composite c = VarianceWeightedComposite.of(List.of("a"),
                List.<Double[]>of(new Double[] {3.0, 3.0, null}));
        assertArrayEquals(new Double[] {null, null, null}, c.score());
        assertArrayEquals(new double[] {0.0}, c.weight(), EPS);
        assertArrayEquals(new boolean[] {true}, c.dropped());
    }

    @Test
    void fewerThanTwoCompleteDistrictsGivesNoWeights() {
        // A defined in 0 and 1, C in 1 and 2: only district 1 has both
        VarianceWeightedComposite.Composite c = VarianceWeightedComposite.of(List.of("a", "c"), List.of(
                new Double[] {0.0, 1.0, null},
                new Double[] {null, 1.0, 3.0}));
        assertArrayEquals(new Double[] {null, null, null}, c.score());
        assertArrayEquals(new double[] {0.0, 0.0}, c.weight(), EPS);
    }

    @Test
    void rejectsMismatchedInput() {
        assertThrows(IllegalArgumentException.class, () -> VarianceWeightedComposite.of(List.of("a", "b"),
                List.<Double[]>of(new Double[] {1.0})));
        assertThrows(IllegalArgumentException.class, () -> VarianceWeightedComposite.of(List.of("a", "a"),
                List.of(new Double[] {1.0}, new Double[] {2.0})));
        assertThrows(IllegalArgumentException.class, () -> VarianceWeightedComposite.of(List.of("a", "b"),
                List.of(new Double[] {1.0}, new Double[] {2.0, 3.0})));
    }
}
