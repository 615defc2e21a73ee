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
}
