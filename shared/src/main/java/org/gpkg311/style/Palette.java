package org.gpkg311.style;

/** The colours of every map the project draws (previews and QGIS styles), in one place. */
public final class Palette {

    /** A district whose value is undefined. */
    public static final String NO_VALUE = "#d9d9d9";
    /** Sequential, colour-blind safe (viridis at five stops), low → high. */
    public static final String[] SEQUENTIAL = {"#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"};
    /** Diverging for signed metrics (ColorBrewer RdBu, 5 classes): strong negative (blue) → neutral → strong positive (red). */
    public static final String[] DIVERGING = {"#0571b0", "#92c5de", "#f7f7f7", "#f4a582", "#ca0020"};
    /** Qualitative (Tableau 10). */
    public static final String[] CATEGORICAL = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
            "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
    /**
     * Esri's hot-spot analysis palette for Gi* bins −3 … +3 (cold spot 99 % → not significant → hot spot 99 %),
     * as ArcGIS draws its Hot Spot Analysis output, so an analyst recognises the map.
     */
    public static final String[] HOT_COLD = {"#4575b5", "#849eba", "#c0ccbe", "#ffffbf", "#fab984", "#ed7551", "#d62f27"};

    private Palette() {}

    /**
     * {@code n} colours evenly spaced along the sequential ramp, low → high: its five stops for n = 5,
     * colours interpolated in RGB between neighbouring stops otherwise (one colour: the middle stop).
     */
    public static String[] sequential(int n) {
        String[] out = new String[n];
        for (int k = 0; k < n; k++) {
            double at = n == 1 ? (SEQUENTIAL.length - 1) / 2.0 : k * (SEQUENTIAL.length - 1) / (double) (n - 1);
            int lo = Math.min((int) Math.floor(at), SEQUENTIAL.length - 2);
            out[k] = mix(SEQUENTIAL[lo], SEQUENTIAL[lo + 1], at - lo);
        }
        return out;
    }

    private static String mix(String a, String b, double t) {
        int x = Integer.parseInt(a.substring(1), 16), y = Integer.parseInt(b.substring(1), 16);
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int c = (int) Math.round(((x >> shift) & 0xff) * (1 - t) + ((y >> shift) & 0xff) * t);
            rgb |= c << shift;
        }
        return String.format("#%06x", rgb);
    }
}
