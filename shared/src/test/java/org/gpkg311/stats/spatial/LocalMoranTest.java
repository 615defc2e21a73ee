package org.gpkg311.stats.spatial;

import org.gpkg311.generator.common.SignificanceLabels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LocalMoranTest {

    /*
     * Chain 0–1–2–3, x = 1 2 3 4, row-standardised (see MoranITest): z = −1.5 −.5 .5 1.5, Σz² = 5,
     * lag = −.5 −.5 .5 .5. I_i = (n − 1)·z_i·lag_i/Σz² = 3·z_i·lag_i/5 → .45 .15 .15 .45.
     * Quadrants (esda q): items 0, 1 Low-Low (3); items 2, 3 High-High (1).
     */
    @Test
    void handWorkedChain() {
        int[][] chain = {{1}, {0, 2}, {1, 3}, {2}};
        LocalMoran l = MoranI.local(new double[] {1, 2, 3, 4}, chain, 99, 1L);
        assertEquals(0.45, l.Is()[0], 1e-12);
        assertEquals(0.15, l.Is()[1], 1e-12);
        assertEquals(0.15, l.Is()[2], 1e-12);
        assertEquals(0.45, l.Is()[3], 1e-12);
        assertArrayEquals(new Integer[] {3, 3, 1, 1}, l.q());
        // with row-standardised weights Σ I_i = (n − 1)·Σ z·lag/Σz² = (n − 1)·I (S0 = n): 3 × 0.4 = 1.2
        double sum = 0;
        for (Double v : l.Is()) sum += v;
        assertEquals(3 * 0.4, sum, 1e-12);
    }

    private static int[][] rook(int rows, int cols) {
        int[][] nb = new int[rows * cols][];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                List<Integer> list = new ArrayList<>();
                if (r > 0) list.add((r - 1) * cols + c);
                if (c > 0) list.add(r * cols + c - 1);
                if (c < cols - 1) list.add(r * cols + c + 1);
                if (r < rows - 1) list.add((r + 1) * cols + c);
                nb[r * cols + c] = list.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return nb;
    }

    /*
     * 5×5 rook lattice, value 10 in the 2×2 block of the top-left corner (cells 0, 1, 5, 6), 1 elsewhere.
     * Cell 0 has the two neighbours 1 and 5, both 10: a permuted I_0 reaches the observed one only when both draws
     * from the 24 other cells hit the 3 remaining 10s: P = C(3,2)/C(24,2) = 3/276 ≈ 0.011, so about 11 of 999
     * permutations and pSim ≈ 0.012 ≤ 0.05 → "High-High cluster".
     * Cell 24 (bottom-right, value 1, neighbours 19 and 23 both 1): z < 0 and lag < 0 (Low-Low); a permuted I_24 ≥ the
     * observed one whenever both draws are 1s: P = C(20,2)/C(24,2) = 190/276 ≈ 0.69, folded to ≈ 0.31 → not significant.
     */
    @Test
    void cornerBlockIsAHighHighCluster() {
        double[] x = new double[25];
        java.util.Arrays.fill(x, 1);
        for (int i : new int[] {0, 1, 5, 6}) x[i] = 10;
        LocalMoran l = MoranI.local(x, rook(5, 5), 999, 20251124L);
        assertEquals("High-High cluster", SignificanceLabels.lisaType(l.q()[0], l.pSim()[0]));
        assertTrue(l.pSim()[0] < 0.03, "p " + l.pSim()[0]);
        assertEquals(3, l.q()[24]);
        assertEquals("Not significant", SignificanceLabels.lisaType(l.q()[24], l.pSim()[24]));
        assertTrue(l.pSim()[24] > 0.2 && l.pSim()[24] < 0.4, "p " + l.pSim()[24]);
    }

    @Test
    void outliersAreLabelled() {
        // one 10 among 1s in the centre of a 5×5 lattice: High-Low; its neighbours 7, 11, 13, 17 are Low-High
        double[] x = new double[25];
        java.util.Arrays.fill(x, 1);
        x[12] = 10;
        LocalMoran l = MoranI.local(x, rook(5, 5), 999, 3L);
        assertEquals(4, l.q()[12]);
        assertEquals(2, l.q()[7]);
        // cell 12 is the only 10: every conditional permutation draws four 1s, so every permuted I_12 equals the
        // observed one; larger = 999 is folded to 999 − 999 = 0 → p = (0 + 1)/1000 (esda gives the same)
        assertEquals(0.001, l.pSim()[12], 1e-12);
        assertEquals("High-Low outlier", SignificanceLabels.lisaType(l.q()[12], l.pSim()[12]));
    }

    @Test
    void reproducible() {
        double[] x = {3, 8, 1, 9, 4, 7, 2, 6, 5};
        LocalMoran a = MoranI.local(x, rook(3, 3), 499, 42L);
        LocalMoran b = MoranI.local(x, rook(3, 3), 499, 42L);
        assertArrayEquals(a.pSim(), b.pSim());
        assertArrayEquals(types(a), types(b));
    }

    @Test
    void undefinedCases() {
        LocalMoran constant = MoranI.local(new double[] {2, 2, 2}, new int[][] {{1}, {0, 2}, {1}}, 99, 1L);
        assertArrayEquals(new Double[] {null, null, null}, constant.Is());
        assertArrayEquals(new String[] {null, null, null}, types(constant));
        // item 2 has no neighbour
        LocalMoran island = MoranI.local(new double[] {1, 2, 5}, new int[][] {{1}, {0}, {}}, 99, 1L);
        assertNull(island.Is()[2]);
        assertNull(island.pSim()[2]);
        assertNull(SignificanceLabels.lisaType(island.q()[2], island.pSim()[2]));
        // no permutations: I's but no p and no type
        LocalMoran noPerm = MoranI.local(new double[] {1, 2, 3, 4}, new int[][] {{1}, {0, 2}, {1, 3}, {2}}, 0, 1L);
        assertEquals(0.45, noPerm.Is()[0], 1e-12);
        assertNull(noPerm.pSim()[0]);
        assertNull(SignificanceLabels.lisaType(noPerm.q()[0], noPerm.pSim()[0]));
    }

    static String[] types(LocalMoran l) {
        String[] out = new String[l.q().length];
        for (int i = 0; i < out.length; i++) out[i] = SignificanceLabels.lisaType(l.q()[i], l.pSim()[i]);
        return out;
    }
}
