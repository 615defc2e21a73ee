package org.gpkg311.generator.common;

import org.gpkg311.stats.FalseDiscovery;
import org.gpkg311.stats.spatial.LocalMoran;
import org.gpkg311.stats.spatial.SpatialWeights;

/**
 * The words users read beside a significance result: Gi* hot-spot bands and LISA cluster types. The
 * statistics in stats/ return numbers only (bins, quadrants, p-values); the wording lives here.
 */
public final class SignificanceLabels {

    /** Significance level of a LISA type (spec: p ≤ 0.05). */
    public static final double LISA_SIGNIFICANCE = 0.05;

    public static final String NOT_SIGNIFICANT = "Not significant";

    public static final String NO_NEIGHBOURS = "No neighbours";

    private static final String[] QUADRANT_TYPES =
            {null, "High-High cluster", "Low-High outlier", "Low-Low cluster", "High-Low outlier"};

    private SignificanceLabels() {}

    /** The spec's hot-spot label of a Gi bin: "Hot spot 99%" .. "Not significant" .. "Cold spot 99%"; null for null. */
    public static String hotSpot(Integer bin) {
        if (bin == null) return null;
        return switch (bin) {
            case 3 -> "Hot spot 99%";
            case 2 -> "Hot spot 95%";
            case 1 -> "Hot spot 90%";
            case 0 -> NOT_SIGNIFICANT;
            case -1 -> "Cold spot 90%";
            case -2 -> "Cold spot 95%";
            case -3 -> "Cold spot 99%";
            default -> throw new IllegalArgumentException("bin must be in −3..3, got " + bin);
        };
    }

    /**
     * The LISA type of esda's quadrant q (1 High-High, 2 Low-High, 3 Low-Low, 4 High-Low) when the pseudo p is
     * at most 0.05, else "Not significant"; null when p is null (undefined I or no permutations).
     */
    public static String lisaType(Integer q, Double pSim) {
        if (pSim == null) return null;
        return pSim <= LISA_SIGNIFICANCE ? QUADRANT_TYPES[q] : NOT_SIGNIFICANT;
    }

    /**
     * LISA types after the false-discovery-rate correction (docs/methods.md#false-discovery-rate): a district is a
     * cluster or an outlier by its quadrant only when its pseudo p is rejected by Benjamini–Hochberg at α = 0.05 over
     * all districts; a district without neighbours is "No neighbours"; null where the local I is undefined otherwise.
     */
    public static String[] lisaTypes(LocalMoran lisa, SpatialWeights w) {
        int n = lisa.Is().length;
        boolean[] rejected = FalseDiscovery.reject(lisa.pSim(), FalseDiscovery.ALPHA);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            if (w.neighbours(i).length == 0) out[i] = NO_NEIGHBOURS;
            else if (lisa.pSim()[i] != null) out[i] = rejected[i] ? QUADRANT_TYPES[lisa.q()[i]] : NOT_SIGNIFICANT;
        }
        return out;
    }
}
