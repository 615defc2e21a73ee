package org.gpkg311.stats.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.stats.FalseDiscovery;
import org.junit.jupiter.api.Test;

/**
 * The false-discovery-rate labels on a published dataset: St Louis homicide rates (HR8893 of libpysal's
 * stl_hom.txt, queen weights stl.gal; see {@link EsdaStLouisTest}). The literals were printed once by
 * statsmodels 0.15.0 ({@code multipletests(p, alpha, method='fdr_bh')}) and esda 2.9.0 ({@code esda.fdr(p, alpha)})
 * with scipy 1.17.1, on p = 2·norm.sf(|z|) of esda's G_Local(star=True, transform='B') z-scores and on the
 * Moran_Local p_sim of EsdaStLouisTest.
 */
class EsdaStLouisFdrTest {

    /** statsmodels fdr_bh rejects these four items at α = .10, .05 and .01 alike. */
    private static final List<Integer> REJECTED = List.of(32, 36, 39, 45);
    /** esda.fdr thresholds: α·4/78. */
    private static final double[] ESDA_THRESHOLD = {0.005128205128205128, 0.002564102564102564, 0.0005128205128205128};
    private static final double[] LEVELS = {0.10, 0.05, 0.01};

    @Test
    void giStarFdrBinsAsStatsmodelsAndEsda() throws IOException {
        GetisOrdGiStar.GiStar g = GetisOrdGiStar.of(MoranITest.stlHomicideRates(), MoranITest.readGal("/stats/stl.gal"));
        for (int l = 0; l < LEVELS.length; l++) {
            boolean[] rejected = FalseDiscovery.reject(g.p(), LEVELS[l]);
            List<Integer> ours = new ArrayList<>();
            for (int i = 0; i < rejected.length; i++) {
                if (rejected[i]) ours.add(i);
                // esda's threshold: rejected exactly when p is at most it
                assertEquals(g.p()[i] <= ESDA_THRESHOLD[l], rejected[i], "item " + i + " at " + LEVELS[l]);
            }
            assertEquals(REJECTED, ours);
        }
        int rawHot = 0;
        for (int i = 0; i < 78; i++) {
            assertEquals(REJECTED.contains(i) ? 3 : 0, g.binFdr()[i], "FDR bin " + i);
            if (g.bin()[i] != 0) rawHot++;
        }
        assertTrue(rawHot > REJECTED.size(), "the uncorrected bins flag more: " + rawHot);
        // statsmodels pvals_corrected at α = .05
        Double[] q = FalseDiscovery.adjusted(g.p());
        assertEquals(0.9990519121177033, q[0], 1e-9);
        assertEquals(0.9879026206196253, q[1], 1e-9);
        assertEquals(0.005265489965023913, q[32], 1e-9);
        assertEquals(0.0009776172788380484, q[36], 1e-9);
        assertEquals(1.3701623086947795e-07, q[39], 1e-13);
        assertEquals(0.9350716427188497, q[48], 1e-9);
    }

    /* Ten counties have p_sim ≤ .05, none survives BH over the 78 (statsmodels: smallest adjusted p 0.06396). */
    @Test
    void lisaTypesAfterFdrAreNotSignificant() throws IOException {
        int[][] gal = MoranITest.readGal("/stats/stl.gal");
        SpatialWeights w = SpatialWeights.rowStandardised(gal);
        Double[] pSim = new Double[78];
        double[] published = {0.00491, 0.01227, 0.00246, 0.00166, 0.00118, 0.01118, 0.03427, 0.03833, 0.04182, 0.03224};
        int[] at = {32, 35, 36, 37, 39, 45, 46, 47, 54, 21};
        for (int i = 0; i < 78; i++) pSim[i] = 0.5;
        for (int j = 0; j < at.length; j++) pSim[at[j]] = published[j];
        Double[] q = FalseDiscovery.adjusted(pSim);
        double min = 1;
        for (Double v : q) min = Math.min(min, v);
        // with the other 68 at 0.5 instead of their real values the smallest adjusted p is the same: 78·0.00118/2
        assertEquals(0.06396, min, 1e-12);
        Integer[] quadrant = new Integer[78];
        Double[] is = new Double[78];
        for (int i = 0; i < 78; i++) {
            quadrant[i] = 1;
            is[i] = 1.0;
        }
        String[] types = org.gpkg311.generator.common.SignificanceLabels.lisaTypes(new LocalMoran(is, pSim, quadrant), w);
        for (int i = 0; i < 78; i++) assertEquals("Not significant", types[i], "item " + i);
    }
}
