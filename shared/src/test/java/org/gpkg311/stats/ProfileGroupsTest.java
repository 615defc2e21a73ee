package org.gpkg311.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Profile groups against scikit-learn. The literals were printed once by scikit-learn 1.9.1 / numpy 2.4.6
 * (Python 3, /tmp venv): {@code StandardScaler().fit_transform(A)} (or {@code np.sqrt(S)} for shares), then
 * {@code KMeans(n_clusters=k, n_init=1000, random_state=0)}, {@code silhouette_score} and
 * {@code silhouette_samples} of its labels.
 */
class ProfileGroupsTest {

    private static final double EPS = 1e-12;
    private static final double[][] BLOBS = {{1.0, 10.2}, {1.3, 9.1}, {0.7, 11.0}, {1.6, 10.4},
            {5.2, 3.1}, {5.9, 2.4}, {4.8, 3.9}, {6.3, 3.0},
            {9.1, 9.7}, {8.4, 10.9}, {9.8, 8.8}, {8.9, 11.6}};
    /** silhouette_score of the best KMeans partition, k = 2..6. */
    private static final double[] SK_MEAN = {0.5315327426795363, 0.8201284590357106, 0.7328506754455809,
            0.5947561884611959, 0.4114346678416834};
    /** silhouette_samples, k = 3. */
    private static final double[] SK_SAMPLES_3 = {0.8960483058216766, 0.8005728188779672, 0.8506804727206005,
            0.8686499192563885, 0.8756331796692092, 0.8581379957701516, 0.7910142559124755, 0.8422646804404603,
            0.8039732651335125, 0.7902645760804645, 0.6942735026608704, 0.7700285360847511};

    private static final double[][] SHARES = {{0.6, 0.3, 0.1}, {0.55, 0.35, 0.1}, {0.62, 0.25, 0.13},
            {0.58, 0.3, 0.12}, {0.6, 0.28, 0.12}, {0.2, 0.3, 0.5}, {0.15, 0.33, 0.52}, {0.22, 0.26, 0.52},
            {0.18, 0.3, 0.52}, {0.25, 0.25, 0.5}};
    private static final double[] SK_SHARE_MEAN = {0.8768734766128474, 0.6798067201545182, 0.4030325731856017,
            0.349076206318177, 0.28844374432334385};
    private static final double[] SK_SHARE_SAMPLES_2 = {0.9086757757217333, 0.8504735978060173, 0.864305093000396,
            0.9136008222636879, 0.9144216908037095, 0.8925744020614749, 0.8375723137654324, 0.8752633054115633,
            0.8927062588116268, 0.8191415064828345};

    private static Double[][] boxed(double[][] x) {
        Double[][] out = new Double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = Values.boxed(x[i]);
        return out;
    }

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }

    private static final FeatureWords XY = new FeatureWords(List.of(
            FeatureWords.Word.of(0, "West", "East"), FeatureWords.Word.of(1, "South", "North")));

    /*
     * Three blobs in a triangle: the silhouettes match scikit-learn for every k (k = 3 is best at 0.82), but the
     * spec's gap rule finds no structure: Gap(1) >= Gap(2) - s2, as Tibshirani's first-k rule does here. An
     * independent numpy/scikit-learn implementation of the same reference (b) (SVD box, B = 100, KMeans n_init=10,
     * numpy default_rng(1)) printed log W = 3.1780538303479453, 2.468881677188979, -0.0931670724412697 (exact
     * optima, must agree) and Gap = -0.598, -0.635, 1.281 with s = 0.199, 0.245, 0.281 (Monte Carlo: agree
     * within about 3 standard errors of a mean of 100 draws).
     */
    @Test
    void triangleOfBlobsSilhouettesAndGapAsIndependentImplementations() {
        ProfileGroups g = ProfileGroups.of(boxed(BLOBS), all(12),
                new ProfileGroups.Setup(List.of("x", "y"), new boolean[2], c -> c[0], 6, XY, 5));
        for (int k = 2; k <= 6; k++) assertEquals(SK_MEAN[k - 2], g.meanSilhouetteByK().get(k), EPS, "k = " + k);
        assertEquals(0, g.k());
        assertTrue(g.decision().startsWith("the gap statistic"), g.decision());
        assertArrayEquals(new double[] {3.1780538303479453, 2.468881677188979, -0.0931670724412697}, g.gap().logW(), 1e-9);
        assertArrayEquals(new double[] {-0.598, -0.635, 1.281}, g.gap().gap(), 0.12);
        assertArrayEquals(new double[] {0.199, 0.245, 0.281}, g.gap().s(), 0.06);
        assertTrue(g.describe().contains("Gap(2) = "));
    }

    /** Two blobs on the diagonal (scikit-learn as above). */
    private static final double[][] TWO = {{1.0, 1.2}, {1.4, 0.8}, {0.8, 1.5}, {1.2, 1.0},
            {9.0, 9.3}, {9.5, 8.7}, {8.7, 9.1}, {9.2, 8.9}};
    private static final double[] SK_TWO_MEAN = {0.952265725895115, 0.6962477626102203, 0.43065723016429536,
            0.24624554676155774, 0.09333042768337237};
    private static final double[] SK_TWO_SAMPLES = {0.9641323601031665, 0.9475520013400247, 0.9425848908520086,
            0.9642321670290045, 0.9533854070568346, 0.9401038684272883, 0.9460368001892209, 0.960098312163372};

    @Test
    void twoBlobsAreTwoNamedGroupsAsScikitLearn() {
        ProfileGroups g = ProfileGroups.of(boxed(TWO), all(8),
                new ProfileGroups.Setup(List.of("x", "y"), new boolean[2], c -> c[0], 6, XY, 5));
        for (int k = 2; k <= 6; k++) assertEquals(SK_TWO_MEAN[k - 2], g.meanSilhouetteByK().get(k), EPS, "k = " + k);
        assertEquals(2, g.k(), g.describe());
        assertTrue(g.gap().prefersGroups());
        for (int i = 0; i < 8; i++) assertEquals(SK_TWO_SAMPLES[i], g.confidence()[i], EPS);
        assertArrayEquals(new Integer[] {1, 1, 1, 1, 2, 2, 2, 2}, g.group());
        // centroid z (scikit-learn's scaler): (-0.99789728, -0.99812071) and the opposite: y is the stronger word
        assertArrayEquals(new String[] {"South, west", "North, east"}, g.names());
        assertEquals("North, east", g.label()[7]);
        assertEquals(2, g.secondBestGroup()[0]);
        assertEquals(-0.99812071, g.centroidZ()[0][1], 1e-8);
    }

    @Test
    void shareProfilesAreHellingerAndMatchScikitLearn() {
        FeatureWords words = new FeatureWords(List.of(FeatureWords.Word.of(0, "Few mornings", "Mornings"),
                FeatureWords.Word.of(1, "Few afternoons", "Afternoons"), FeatureWords.Word.of(2, "Few evenings", "Evenings")));
        ProfileGroups g = ProfileGroups.of(boxed(SHARES), all(10),
                new ProfileGroups.Setup(List.of("m", "a", "e"), new boolean[] {true, true, true}, c -> c[2], 6, words, 9));
        for (int k = 2; k <= 6; k++) assertEquals(SK_SHARE_MEAN[k - 2], g.meanSilhouetteByK().get(k), EPS, "k = " + k);
        assertEquals(2, g.k());
        for (int i = 0; i < 10; i++) assertEquals(SK_SHARE_SAMPLES_2[i], g.confidence()[i], EPS);
        assertArrayEquals(new Integer[] {1, 1, 1, 1, 1, 2, 2, 2, 2, 2}, g.group());
        // raw centroid of group 2: mean evening share (0.5+0.52+0.52+0.52+0.5)/5 = 0.512
        assertEquals(0.512, g.centroidRaw()[1][2], EPS);
    }

    @Test
    void tooFewRequestsAndTooFewDistricts() {
        boolean[] eligible = all(12);
        for (int i = 3; i < 12; i++) eligible[i] = false;
        Double[][] f = boxed(BLOBS);
        f[0][1] = null;
        ProfileGroups g = ProfileGroups.of(f, eligible,
                new ProfileGroups.Setup(List.of("x", "y"), new boolean[2], c -> c[0], 6, XY, 5));
        assertEquals(0, g.k());
        assertNull(g.label()[0]);
        assertEquals("No distinct groups", g.label()[1]);
        assertEquals("Too few requests", g.label()[5]);
        assertNull(g.confidence()[1]);
        assertEquals("fewer than 4 eligible districts (2)", g.decision());
        assertEquals(20, ProfileGroups.minimumRequests(4));
        assertEquals(120, ProfileGroups.minimumRequests(24));
    }

    /* One uniform cloud: the gap statistic or the silhouette must say no structure, in (nearly) every seed. */
    @Test
    void uniformCloudHasNoDistinctGroups() {
        int none = 0;
        for (int seed = 0; seed < 20; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            double[][] x = new double[35][3];
            for (double[] r : x) for (int f = 0; f < 3; f++) r[f] = rnd.nextDouble();
            ProfileGroups g = ProfileGroups.of(boxed(x), all(35), new ProfileGroups.Setup(List.of("a", "b", "c"),
                    new boolean[3], c -> c[0], 6, new FeatureWords(List.of(FeatureWords.Word.of(0, "Low", "High"))), seed));
            if (g.k() == 0) {
                none++;
                assertTrue(g.decision().startsWith("the gap statistic") || g.decision().startsWith("the best mean silhouette"));
                assertTrue(Arrays.stream(g.label()).allMatch("No distinct groups"::equals));
                assertTrue(g.describe().contains("Gap(1) = "), g.describe());
            }
        }
        assertTrue(none >= 18, "no structure in " + none + " of 20");
    }

    @Test
    void constantFeaturesAreDroppedAndNamesStayDistinct() {
        double[][] x = new double[8][3];
        for (int i = 0; i < 8; i++) {
            x[i][0] = TWO[i][0];
            x[i][1] = 4.0;                    // constant: dropped
            x[i][2] = TWO[i][1];
        }
        // a namer that calls every group the same: the last resort numbers them
        ProfileGroups g = ProfileGroups.of(boxed(x), all(8), new ProfileGroups.Setup(List.of("x", "c", "y"),
                new boolean[3], c -> c[0], 6, (raw, z, size) -> new String[] {"Same", "Same"}, 5));
        assertEquals(List.of("c"), g.dropped());
        assertEquals(2, g.k());
        // the silhouettes are those without the constant column
        assertEquals(SK_TWO_MEAN[0], g.meanSilhouetteByK().get(2), EPS);
        assertArrayEquals(new String[] {"Same (group 1)", "Same (group 2)"}, g.names());
        assertEquals(2, new HashSet<>(Arrays.asList(g.names())).size());
    }
}
