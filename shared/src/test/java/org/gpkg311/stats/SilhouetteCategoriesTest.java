package org.gpkg311.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SilhouetteCategoriesTest {

    private static final double EPS = 1e-12;
    private static final long SEED = 20251124L;

    private static Double[][] column(double... x) {
        Double[][] out = new Double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = new Double[] {x[i]};
        return out;
    }

    /*
     * 1-D points 0, 1, 5, 7 (z-scoring scales all distances alike, so silhouettes are those of the raw values).
     * k = 2: lowest SSE is {0,1}{5,7} (SSE .5 + 2 = 2.5; {0,1,5}{7} has 14).
     *   s(0) = (b − a)/max: a = 1, b = (5 + 7)/2 = 6 → 5/6
     *   s(1): a = 1, b = (4 + 6)/2 = 5 → 4/5
     *   s(5): a = 2, b = (5 + 4)/2 = 4.5 → 2.5/4.5 = 5/9
     *   s(7): a = 2, b = (7 + 6)/2 = 6.5 → 4.5/6.5 = 9/13
     *   mean = (5/6 + 4/5 + 5/9 + 9/13)/4 = 3371/4680 = 0.7202991452991453
     * k = 3 (= n − 1): lowest SSE is {0,1}{5}{7} (SSE .5; {0}{1}{5,7} has 2).
     *   s(0): a = 1, b = min(5, 7) = 5 → 4/5; s(1): a = 1, b = 4 → 3/4; singletons → 0
     *   mean = (0.8 + 0.75)/4 = 0.3875
     * k = 2 wins: clusters {0,1} = Low (centroid 0.5), {5,7} = High (centroid 6).
     */
    @Test
    void handWorkedOneDimensional() {
        SilhouetteCategories.Categories c =
                SilhouetteCategories.categorize(column(0, 1, 5, 7), new Double[] {0.0, 1.0, 5.0, 7.0}, 6, SEED);
        assertNull(c.reason());
        assertEquals(2, c.k());
        assertEquals(List.of(2, 3), List.copyOf(c.meanSilhouetteByK().keySet()));
        assertEquals(0.7202991452991453, c.meanSilhouetteByK().get(2), EPS);
        assertEquals(0.3875, c.meanSilhouetteByK().get(3), EPS);
        assertArrayEquals(new Integer[] {0, 0, 1, 1}, c.cluster());
        assertArrayEquals(new String[] {"Low", "Low", "High", "High"}, c.label());
        assertEquals(5.0 / 6, c.silhouette()[0], EPS);
        assertEquals(4.0 / 5, c.silhouette()[1], EPS);
        assertEquals(5.0 / 9, c.silhouette()[2], EPS);
        assertEquals(9.0 / 13, c.silhouette()[3], EPS);
        assertArrayEquals(new double[] {0.5}, c.centroidsRaw()[0], EPS);
        assertArrayEquals(new double[] {6.0}, c.centroidsRaw()[1], EPS);
        // z-scores divide by the population SD √(32.75/4) = √8.1875 (deviations −3.25 −2.25 1.75 3.75):
        // raw distances to the centroids 0.5, 0.5, 1, 1 become 0.5/√8.1875 and 1/√8.1875
        double sd = Math.sqrt(8.1875);
        assertEquals(0.5 / sd, c.distanceToCentroid()[0], EPS);
        assertEquals(0.5 / sd, c.distanceToCentroid()[1], EPS);
        assertEquals(1.0 / sd, c.distanceToCentroid()[2], EPS);
        assertEquals(1.0 / sd, c.distanceToCentroid()[3], EPS);
        assertArrayEquals(new Integer[] {1, 1, 0, 0}, c.secondBestCluster());
    }

    @Test
    void orderingValueDecidesTheClusterNumbers() {
        // same partition, ordered by −x: {5,7} has the lower mean ordering value → cluster 0 "Low"
        SilhouetteCategories.Categories c =
                SilhouetteCategories.categorize(column(0, 1, 5, 7), new Double[] {-0.0, -1.0, -5.0, -7.0}, 6, SEED);
        assertArrayEquals(new Integer[] {1, 1, 0, 0}, c.cluster());
        assertArrayEquals(new String[] {"High", "High", "Low", "Low"}, c.label());
        assertArrayEquals(new double[] {6.0}, c.centroidsRaw()[0], EPS);
        assertArrayEquals(new double[] {0.5}, c.centroidsRaw()[1], EPS);
    }

    @Test
    void constantFeatureIsHarmless() {
        // a second feature that is 3 everywhere z-scores to 0: same result as the 1-D case, no NaN
        Double[][] f = {{0.0, 3.0}, {1.0, 3.0}, {5.0, 3.0}, {7.0, 3.0}};
        SilhouetteCategories.Categories c = SilhouetteCategories.categorize(f, new Double[] {0.0, 1.0, 5.0, 7.0}, 6, SEED);
        assertEquals(2, c.k());
        assertEquals(0.7202991452991453, c.meanSilhouetteByK().get(2), EPS);
        assertArrayEquals(new double[] {0.5, 3.0}, c.centroidsRaw()[0], EPS);
    }

    private static Double[][] threeBlobs() {
        // four points around each of (0, 0), (10, 0), (0, 10)
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        double[][] offsets = {{0.1, 0}, {-0.1, 0}, {0, 0.1}, {0, -0.1}};
        Double[][] f = new Double[12][];
        for (int b = 0; b < 3; b++) {
            for (int o = 0; o < 4; o++) {
                f[b * 4 + o] = new Double[] {centres[b][0] + offsets[o][0], centres[b][1] + offsets[o][1]};
            }
        }
        return f;
    }

    private static Double[] xPlusTwoY(Double[][] f) {
        Double[] out = new Double[f.length];
        for (int i = 0; i < f.length; i++) out[i] = f[i] == null || f[i][0] == null ? null : f[i][0] + 2 * f[i][1];
        return out;
    }

    @Test
    void separatedBlobsGiveTheirNumber() {
        Double[][] f = threeBlobs();
        SilhouetteCategories.Categories c = SilhouetteCategories.categorize(f, xPlusTwoY(f), 6, SEED);
        assertEquals(3, c.k());
        assertEquals(List.of(2, 3, 4, 5, 6), List.copyOf(c.meanSilhouetteByK().keySet()));
        // ordered by x + 2y: blob (0,0) → 0, blob (10,0) → 10, blob (0,10) → 20
        for (int i = 0; i < 12; i++) {
            assertEquals(i / 4, c.cluster()[i]);
            assertEquals(new String[] {"Low", "Moderate", "High"}[i / 4], c.label()[i]);
            assertTrue(c.silhouette()[i] > 0.9, "tight blobs far apart");
        }
        assertArrayEquals(new double[] {10.0, 0.0}, c.centroidsRaw()[1], 1e-12);
        // blob (10,0) is nearer to (0,0) (distance 10) than to (0,10) (√200) on both axes' z-scales
        assertEquals(0, c.secondBestCluster()[4]);
        double best = c.meanSilhouetteByK().get(3);
        for (Map.Entry<Integer, Double> e : c.meanSilhouetteByK().entrySet()) assertTrue(e.getValue() <= best);
    }

    @Test
    void rerunIsIdentical() {
        Double[][] f = {{1.0, 9.0}, {2.0, 7.5}, {2.5, 8.0}, {6.0, 3.0}, {7.0, 2.5}, {6.5, 4.0}, {4.0, 5.0},
                {9.0, 1.0}, {3.0, 6.5}, {8.0, 2.0}};
        Double[] order = new Double[f.length];
        for (int i = 0; i < f.length; i++) order[i] = f[i][0];
        SilhouetteCategories.Categories a = SilhouetteCategories.categorize(f, order, 6, SEED);
        SilhouetteCategories.Categories b = SilhouetteCategories.categorize(f, order, 6, SEED);
        assertEquals(a.k(), b.k());
        assertArrayEquals(a.cluster(), b.cluster());
        assertArrayEquals(a.label(), b.label());
        assertArrayEquals(a.silhouette(), b.silhouette());
        assertEquals(a.meanSilhouetteByK(), b.meanSilhouetteByK());
        assertArrayEquals(a.centroidsRaw(), b.centroidsRaw());
    }

    /**
     * scikit-learn 1.9.1 on the same ten points: StandardScaler, KMeans(n_clusters=k, n_init=10, random_state=0),
     * silhouette_score: k=2 0.6427374067834448, k=3 0.45223107980939614, k=4 0.43667501135623443,
     * k=5 0.3162450106656926, k=6 0.2113120980629098; k=2 labels [1 1 1 0 0 0 1 0 1 0].
     */
    @Test
    void matchesScikitLearn() {
        Double[][] f = {{1.0, 9.0}, {2.0, 7.5}, {2.5, 8.0}, {6.0, 3.0}, {7.0, 2.5}, {6.5, 4.0}, {4.0, 5.0},
                {9.0, 1.0}, {3.0, 6.5}, {8.0, 2.0}};
        Double[] order = new Double[f.length];
        for (int i = 0; i < f.length; i++) order[i] = f[i][0];
        SilhouetteCategories.Categories c = SilhouetteCategories.categorize(f, order, 6, SEED);
        double[] expected = {0.6427374067834448, 0.45223107980939614, 0.43667501135623443, 0.3162450106656926,
                0.2113120980629098};
        for (int k = 2; k <= 6; k++) assertEquals(expected[k - 2], c.meanSilhouetteByK().get(k), 1e-12, "k=" + k);
        assertEquals(2, c.k());
        // scikit-learn's cluster 1 (items 0, 1, 2, 6, 8: mean x 2.5) is the lower one by x
        assertArrayEquals(new Integer[] {0, 0, 0, 1, 1, 1, 0, 1, 0, 1}, c.cluster());
    }

    @Test
    void nullRowsAreLeftOut() {
        Double[][] f = {{0.0}, {null}, {1.0}, {5.0}, {9.0}, {7.0}};
        Double[] order = {0.0, 3.0, 1.0, 5.0, null, 7.0}; // item 4 has no ordering value
        SilhouetteCategories.Categories c = SilhouetteCategories.categorize(f, order, 6, SEED);
        // the remaining items 0, 1, 5, 7 are the hand-worked example
        assertEquals(2, c.k());
        assertEquals(0.7202991452991453, c.meanSilhouetteByK().get(2), EPS);
        assertArrayEquals(new Integer[] {0, null, 0, 1, null, 1}, c.cluster());
        assertArrayEquals(new Integer[] {1, null, 1, 0, null, 0}, c.secondBestCluster());
        assertNull(c.distanceToCentroid()[1]);
        assertArrayEquals(new String[] {"Low", null, "Low", "High", null, "High"}, c.label());
        assertNull(c.silhouette()[1]);
        assertNull(c.silhouette()[4]);
        assertEquals(9.0 / 13, c.silhouette()[5], EPS);
    }

    @Test
    void fewerThanThreeItemsGiveNoClustering() {
        SilhouetteCategories.Categories c =
                SilhouetteCategories.categorize(column(1, 2), new Double[] {1.0, 2.0}, 6, SEED);
        assertEquals(0, c.k());
        assertNotNull(c.reason());
        assertArrayEquals(new Integer[] {null, null}, c.cluster());
        assertArrayEquals(new Integer[] {null, null}, c.secondBestCluster());
        assertArrayEquals(new Double[] {null, null}, c.distanceToCentroid());
        assertArrayEquals(new String[] {null, null}, c.label());
        assertArrayEquals(new Double[] {null, null}, c.silhouette());
        assertTrue(c.meanSilhouetteByK().isEmpty());
        assertEquals(0, c.centroidsRaw().length);

        Double[][] f = {{1.0}, {null}, {2.0}};
        assertEquals(0, SilhouetteCategories.categorize(f, new Double[] {1.0, 1.0, 2.0}, 6, SEED).k());
    }

    @Test
    void identicalItemsGiveNoClustering() {
        SilhouetteCategories.Categories c =
                SilhouetteCategories.categorize(column(4, 4, 4, 4), new Double[] {4.0, 4.0, 4.0, 4.0}, 6, SEED);
        assertEquals(0, c.k());
        assertNotNull(c.reason());
    }

    @Test
    void kIsCappedByDistinctRows() {
        // 3 distinct values among 6 items: k can be 2 or 3 only; 3 puts each value alone, all silhouettes 1
        // (every point sits on its cluster's other members: a = 0, b > 0 → s = 1)
        SilhouetteCategories.Categories c =
                SilhouetteCategories.categorize(column(0, 0, 5, 5, 9, 9), new Double[] {0.0, 0.0, 5.0, 5.0, 9.0, 9.0}, 6, SEED);
        assertEquals(List.of(2, 3), List.copyOf(c.meanSilhouetteByK().keySet()));
        assertEquals(3, c.k());
        assertEquals(1.0, c.meanSilhouetteByK().get(3), EPS);
        assertArrayEquals(new Integer[] {0, 0, 1, 1, 2, 2}, c.cluster());
    }

    @Test
    void ordinalLabels() {
        assertArrayEquals(new String[] {"Low", "High"}, SilhouetteCategories.ordinalLabels(2));
        assertArrayEquals(new String[] {"Low", "Moderate", "High"}, SilhouetteCategories.ordinalLabels(3));
        assertArrayEquals(new String[] {"Low", "Moderate", "High", "Very high"}, SilhouetteCategories.ordinalLabels(4));
        assertArrayEquals(new String[] {"Very low", "Low", "Moderate", "High", "Very high"},
                SilhouetteCategories.ordinalLabels(5));
        assertArrayEquals(new String[] {"Very low", "Low", "Moderate", "High", "Very high", "Extreme"},
                SilhouetteCategories.ordinalLabels(6));
        assertEquals("Level 8", SilhouetteCategories.ordinalLabels(8)[7]);
        assertThrows(IllegalArgumentException.class, () -> SilhouetteCategories.ordinalLabels(1));
    }

    @Test
    void silhouetteOfASingletonIsZero() {
        // points 0, 1, 10 with clusters {0,1}{10}: s(0) = (10 − 1)/10 = .9, s(1) = (9 − 1)/9 = 8/9, s(10) = 0
        double[][] d = {{0, 1, 10}, {1, 0, 9}, {10, 9, 0}};
        assertArrayEquals(new double[] {0.9, 8.0 / 9, 0.0}, Silhouette.of(d, new int[] {0, 0, 1}, 2), EPS);
    }
}
