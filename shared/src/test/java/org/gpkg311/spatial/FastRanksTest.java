package org.gpkg311.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class FastRanksTest {

    @Test
    void handExampleWithTies() {
        double[] x = {5, 1, 5, 3, 0};
        // Sorted 0,1,3,5,5. Percentile of 5: (3 below + 0.5·2) / 5 = 80; of 1: (1 + 0.5)/5 = 30;
        // of 3: (2 + 0.5)/5 = 50; of 0: 0.5/5 = 10.
        assertArrayEquals(new Double[] {80.0, 30.0, 80.0, 50.0, 10.0}, FastRanks.percentile(x));
        // Competition ranks, 1 = highest, ties share the smallest: 5,5 → 1; 3 → 3; 1 → 4; 0 → 5.
        assertArrayEquals(new Integer[] {1, 4, 1, 3, 5}, FastRanks.descending(x));
    }
}
