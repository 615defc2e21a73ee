package org.gpkg311.generator.common;

/**
 * The words users read beside a significance result: Gi* hot-spot bands and LISA cluster types. The
 * statistics in stats/ return numbers only (bins, quadrants, p-values); the wording lives here.
 */
public final class SignificanceLabels {

    /** Significance level of a LISA type (spec: p ≤ 0.05). */
    public static final double LISA_SIGNIFICANCE = 0.05;

    public static final String NOT_SIGNIFICANT = "Not significant";

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
}
