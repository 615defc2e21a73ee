package org.gpkg311.stats.spatial;

import org.gpkg311.stats.FalseDiscovery;

/**
 * LISA types after the false-discovery-rate correction (generators.md, "Exact rules"): a district is a cluster or
 * an outlier by the quadrant of (z, lag z) only when its pseudo p is rejected by Benjamini–Hochberg at α = 0.05
 * over all districts; a district without neighbours is "No neighbours"; the uncorrected pseudo p stays in
 * {@link LocalMoran#pSim()}.
 */
public final class LisaTypes {

    public static final String NO_NEIGHBOURS = "No neighbours";
    private static final String[] QUADRANT_TYPES =
            {null, "High-High cluster", "Low-High outlier", "Low-Low cluster", "High-Low outlier"};

    private LisaTypes() {}

    /** The type per item; null where the local I is undefined for a reason other than missing neighbours. */
    public static String[] of(LocalMoran lisa, SpatialWeights w) {
        int n = lisa.Is().length;
        boolean[] rejected = FalseDiscovery.reject(lisa.pSim(), FalseDiscovery.ALPHA);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            if (w.neighbours(i).length == 0) out[i] = NO_NEIGHBOURS;
            else if (lisa.pSim()[i] != null) out[i] = rejected[i] ? QUADRANT_TYPES[lisa.quadrant()[i]] : LocalMoran.NOT_SIGNIFICANT;
        }
        return out;
    }
}
