package org.gpkg311.stats.spatial;

import org.apache.commons.math3.special.Erf;

/** Normal p-values and the 90/95/99% confidence bins shared by Gi* and its FDR variant. */
final class Significance {

    /** The three confidence bands of ArcGIS's Gi_Bin, as significance levels, bin 1..3. */
    static final double[] LEVELS = {0.10, 0.05, 0.01};

    private Significance() {}

    /** Two-sided standard normal p = 2·(1 − Φ(|z|)), via erfc to keep precision in the tail. */
    static double twoSidedP(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2.0));
    }

    /** ±3/±2/±1 with the sign of z for the strictest level reached (p ≤ .01/.05/.10), else 0. */
    static int bin(double z, double p) {
        int level = 0;
        for (int l = 0; l < LEVELS.length; l++) if (p <= LEVELS[l]) level = l + 1;
        return z > 0 ? level : z < 0 ? -level : 0;
    }
}
