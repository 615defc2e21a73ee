package org.gpkg311.stats.spatial;

import org.gpkg311.generator.common.SignificanceLabels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GetisOrdGiStarTest {

    static int[][] chain(int n) {
        int[][] nb = new int[n][];
        for (int i = 0; i < n; i++) {
            if (i == 0) nb[i] = n > 1 ? new int[] {1} : new int[0];
            else if (i == n - 1) nb[i] = new int[] {i - 1};
            else nb[i] = new int[] {i - 1, i + 1};
        }
        return nb;
    }

    /*
     * esda's test_getisord.py TestGLocal.test_star_binary: y = 2, 3, 3.2, 5, 8, 7 at points (10,10) (20,10) (40,10)
     * (15,20) (30,20) (30,30), DistanceBand threshold 15 (binary). Pairs within 15: 0–1 (10), 0–3 (11.2),
     * 1–3 (11.2), 1–4 (14.1), 2–4 (14.1), 3–4 (15), 4–5 (10).
     * esda: Zs[0] = −1.39727626. By hand: n = 6, x̄ = 28.2/6 = 4.7, Σx² = 161.24,
     * S = √(161.24/6 − 4.7²) = √4.783333 = 2.18708329; item 0 with self {0,1,3}: Σ = 10, W = 3,
     * z0 = (10 − 4.7·3)/(S·√((6·3 − 9)/5)) = −4.1/(2.18708329·1.34164079) = −1.39727626.
     * Item 4 with self {1,2,3,4,5}: Σ = 26.2, W = 5, z4 = (26.2 − 23.5)/(S·√((30 − 25)/5)) = 2.7/S = 1.23452088.
     */
    @Test
    void reproducesEsdaStarBinary() {
        int[][] nb = {{1, 3}, {0, 3, 4}, {4}, {0, 1, 4}, {1, 2, 3, 5}, {4}};
        GetisOrdGiStar.GiStar g = GetisOrdGiStar.of(new double[] {2, 3, 3.2, 5, 8, 7}, nb);
        assertEquals(-1.39727626, g.z()[0], 1e-8);
        assertEquals(1.2345208835198742, g.z()[4], 1e-9);
        // two-sided p = erfc(|z|/√2) (python math.erfc): 0.16231 → not significant
        assertEquals(0, g.bin()[0]);
    }

    /*
     * Chain of 7, x = 1 1 1 1 1 10 10: n = 7, x̄ = 25/7, Σx² = 205, S² = 205/7 − (25/7)² = 810/49, S = 4.0657846.
     * item 6 {5,6}: W = 2, Σ = 20, z = (20 − 50/7)/(S·√((14 − 4)/6)) = (90/7)/(S·1.2909944) = √6 = 2.4494897
     * item 5 {4,5,6}: W = 3, Σ = 21, z = (21 − 75/7)/(S·√((21 − 9)/6)) = (72/7)/(S·√2) = 4/√5 = 1.7888544
     * item 0 {0,1}: W = 2, Σ = 2, z = (2 − 50/7)/(S·1.2909944) = −2√6/5 = −0.9797959
     * items 1..3: W = 3, Σ = 3, z = (3 − 75/7)/(S·√2) = −3/√5; item 4 {3,4,5}: Σ = 12, z = (9/7)/(S√2) = 1/(2√5)
     * p = erfc(|z|/√2) (python math.erfc): √6 → 0.014305878435429633 (bin 2), 4/√5 → 0.0736382701203027 (bin 1).
     */
    @Test
    void handWorkedChain() {
        GetisOrdGiStar.GiStar g = GetisOrdGiStar.of(new double[] {1, 1, 1, 1, 1, 10, 10}, chain(7));
        double[] expected = {-2 * Math.sqrt(6) / 5, -3 / Math.sqrt(5), -3 / Math.sqrt(5), -3 / Math.sqrt(5),
                1 / (2 * Math.sqrt(5)), 4 / Math.sqrt(5), Math.sqrt(6)};
        for (int i = 0; i < 7; i++) assertEquals(expected[i], g.z()[i], 1e-12, "z" + i);
        assertEquals(0.014305878435429633, g.p()[6], 1e-14);
        assertEquals(0.0736382701203027, g.p()[5], 1e-14);
        assertArrayEquals(new Integer[] {0, 0, 0, 0, 0, 1, 2}, g.bin());
    }

    /*
     * Chain of 12, x = 1 (×9), 10, 10, 10: x̄ = 39/12 = 3.25, S² = 309/12 − 3.25² = 15.1875.
     * item 10 {9,10,11}: W = 3, Σ = 30, z = (30 − 9.75)/(√15.1875·√(27/11)) = √11 = 3.3166248, p = 0.000911 → bin 3
     * item 11 {10,11}: W = 2, Σ = 20, z = (20 − 6.5)/(√15.1875·√(20/11)) = 2.5690465, p = 0.010198 → bin 2
     * item 9 {8,9,10}: Σ = 21, z = (21 − 9.75)/(√15.1875·√(27/11)) = 1.8425693, p = 0.065392 → bin 1
     * the rest: p ≥ 0.27 → 0.
     * Benjamini–Hochberg over m = 12 (sorted p: .000911, .010198, .065392, .269 ×7, .392, .712):
     *   α = .01: p(1) = .000911 > .01/12 = .000833 and no later p(k) ≤ k·.01/12 → nothing
     *   α = .05: p(1) ≤ .05/12 = .004167; p(2) = .0102 > .00833; p(k) > k·.05/12 for every k ≥ 2 → item 10
     *   α = .10: p(1) ≤ .00833, p(2) = .0102 ≤ .01667; p(3) = .0654 > .025, later ones larger → items 10, 11
     *   FDR bins: item 10 → 2, item 11 → 1, the rest 0.
     */
    @Test
    void binsAndFdrBins() {
        double[] x = {1, 1, 1, 1, 1, 1, 1, 1, 1, 10, 10, 10};
        GetisOrdGiStar.GiStar g = GetisOrdGiStar.of(x, chain(12));
        assertEquals(Math.sqrt(11), g.z()[10], 1e-12);
        assertEquals(2.5690465157, g.z()[11], 1e-9);
        assertEquals(1.842569328, g.z()[9], 1e-9);
        assertArrayEquals(new Integer[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 2}, g.bin());
        assertArrayEquals(new Integer[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1}, g.binFdr());
    }

    @Test
    void coldSpotsHaveNegativeBins() {
        // the mirror image of the chain of 12: the three low values at one end are a cold spot
        double[] x = {10, 10, 10, 10, 10, 10, 10, 10, 10, 1, 1, 1};
        GetisOrdGiStar.GiStar g = GetisOrdGiStar.of(x, chain(12));
        assertEquals(-Math.sqrt(11), g.z()[10], 1e-12);
        assertEquals(-3, g.bin()[10]);
        assertEquals(-2, g.bin()[11]);
        assertEquals(-2, g.binFdr()[10]);
        assertEquals("Cold spot 99%", SignificanceLabels.hotSpot(g.bin()[10]));
    }

    @Test
    void constantValuesAreUndefined() {
        GetisOrdGiStar.GiStar g = GetisOrdGiStar.of(new double[] {3, 3, 3}, chain(3));
        assertArrayEquals(new Double[] {null, null, null}, g.z());
        assertArrayEquals(new Integer[] {null, null, null}, g.bin());
        assertArrayEquals(new Integer[] {null, null, null}, g.binFdr());
    }

    @Test
    void nullValuesAreLeftOut() {
        // a null at position 2 of a chain 0–1–2–3–4–5–6–7: the rest behaves as the chain 0–1 plus chain 3..7
        // (no edge 1–3), which equals the hand-worked 7-chain values only where neighbourhoods match: check item 7
        Double[] x = {1.0, 1.0, null, 1.0, 1.0, 1.0, 10.0, 10.0};
        GetisOrdGiStar.GiStar g = GetisOrdGiStar.of(x, chain(8));
        assertNull(g.z()[2]);
        assertNull(g.bin()[2]);
        // item 7 {6,7}: n = 7 defined values 1 1 1 1 1 10 10 as in handWorkedChain → √6
        assertEquals(Math.sqrt(6), g.z()[7], 1e-12);
        // item 1 lost neighbour 2: {0,1}: W = 2, Σ = 2 → −2√6/5 as item 0 of the 7-chain
        assertEquals(-2 * Math.sqrt(6) / 5, g.z()[1], 1e-12);
    }

    @Test
    void labels() {
        assertEquals("Hot spot 99%", SignificanceLabels.hotSpot(3));
        assertEquals("Hot spot 95%", SignificanceLabels.hotSpot(2));
        assertEquals("Hot spot 90%", SignificanceLabels.hotSpot(1));
        assertEquals("Not significant", SignificanceLabels.hotSpot(0));
        assertEquals("Cold spot 90%", SignificanceLabels.hotSpot(-1));
        assertEquals("Cold spot 95%", SignificanceLabels.hotSpot(-2));
        assertNull(SignificanceLabels.hotSpot(null));
    }

    @Test
    void rejectsSelfInNeighbourList() {
        assertThrows(IllegalArgumentException.class, () -> GetisOrdGiStar.of(new double[] {1, 2}, new int[][] {{0, 1}, {0}}));
    }
}
