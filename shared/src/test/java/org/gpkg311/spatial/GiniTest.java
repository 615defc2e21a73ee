package org.gpkg311.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class GiniTest {

    @Test
    void handExample() {
        // x = 0, 0, 1, 3: mean 1; unordered |xi − xj|: 0,1,3,1,3,2 → 10, ordered sum 20;
        // Gini = 20 / (2 · 4² · 1) = 0.625.
        assertEquals(0.625, Gini.of(new double[] {3, 0, 1, 0}), 1e-12);
    }

    @Test
    void equalCountsGiveZeroAndAllZeroIsUndefined() {
        assertEquals(0.0, Gini.of(new double[] {2, 2, 2}), 1e-12);
        assertEquals(0.0, Gini.of(new double[] {5}), 1e-12);
        assertNull(Gini.of(new double[] {0, 0}));
        assertNull(Gini.of(new double[0]));
    }

    @Test
    void oneCellHoldsEverything() {
        // x = 0, 0, 0, 4: mean 1; unordered sum 3·4 = 12, ordered 24; 24 / (2·16·1) = 0.75 = 1 − 1/n.
        assertEquals(0.75, Gini.of(new double[] {0, 0, 0, 4}), 1e-12);
    }
}
