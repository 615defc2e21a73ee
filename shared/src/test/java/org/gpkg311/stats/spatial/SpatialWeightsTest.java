package org.gpkg311.stats.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpatialWeightsTest {

    @Test
    void symmetricBinaryChain() {
        // 0–1–2 binary: 4 ordered pairs with w = 1 both ways → S0 = 4, S1 = ½·4·(1 + 1)² = 8,
        // S2 = Σ(2·k_i)² = 2² + 4² + 2² = 24
        SpatialWeights w = SpatialWeights.binary(new int[][] {{1}, {0, 2}, {1}});
        assertEquals(4.0, w.s0(), 1e-15);
        assertEquals(8.0, w.s1(), 1e-15);
        assertEquals(24.0, w.s2(), 1e-15);
        // lag of 1, 1, 3: item 0 → x1 = 1, item 1 → x0 + x2 = 4, item 2 → x1 = 1
        assertArrayEquals(new double[] {1, 4, 1}, w.lag(new double[] {1, 1, 3}), 1e-15);
    }

    @Test
    void oneWayPair() {
        // only w01 = 1: S1 = ½·((w01 + w10)² + (w10 + w01)²) = ½·(1 + 1) = 1; S2 = (row0 + col0)² + (row1 + col1)² = 1 + 1
        SpatialWeights w = SpatialWeights.binary(new int[][] {{1}, {}, {}});
        assertEquals(1.0, w.s0(), 1e-15);
        assertEquals(1.0, w.s1(), 1e-15);
        assertEquals(2.0, w.s2(), 1e-15);
    }

    @Test
    void rowStandardisedRowsSumToOneAndIslandsStayEmpty() {
        SpatialWeights w = SpatialWeights.rowStandardised(new int[][] {{1, 2}, {0}, {0}, {}});
        assertArrayEquals(new double[] {0.5, 0.5}, w.weights(0), 1e-15);
        assertEquals(1.0, w.rowSum(1), 1e-15);
        assertEquals(0.0, w.rowSum(3), 1e-15);
        assertEquals(3.0, w.s0(), 1e-15);
        // lag of 2, 4, 6, 8: item 0 → (4 + 6)/2 = 5; items 1, 2 → 2; island → 0
        assertArrayEquals(new double[] {5, 2, 2, 0}, w.lag(new double[] {2, 4, 6, 8}), 1e-15);
    }

    @Test
    void rejectsBadLists() {
        assertThrows(IllegalArgumentException.class, () -> SpatialWeights.binary(new int[][] {{0}}));
        assertThrows(IllegalArgumentException.class, () -> SpatialWeights.binary(new int[][] {{1, 1}, {0}}));
        assertThrows(IllegalArgumentException.class, () -> SpatialWeights.rowStandardised(new int[][] {{2}, {0}}));
    }
}
