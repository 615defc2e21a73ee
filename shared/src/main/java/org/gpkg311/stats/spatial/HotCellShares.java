package org.gpkg311.stats.spatial;

/**
 * hotCellShare / coldCellShare of a district: the share of its analysis-grid cells (by cell centre) that are
 * hot / cold spots at 95% or more after the FDR correction (FDR bin ≥ 2 / ≤ −2), so that the district layer
 * and the cells layer tell one story.
 *
 * @param hot  per district; null for a district without cells
 * @param cold per district; null for a district without cells
 */
public record HotCellShares(Double[] hot, Double[] cold) {

    /** The least |FDR bin| that counts: 95% confidence. */
    public static final int MIN_BIN = 2;

    /**
     * @param cellDistrict district index (0..districts−1) of each cell's centre, null outside every district
     * @param fdrBin       each cell's FDR bin (−3..3), null when undefined (counts as neither)
     */
    public static HotCellShares of(Integer[] cellDistrict, Integer[] fdrBin, int districts) {
        int[] cells = new int[districts], hot = new int[districts], cold = new int[districts];
        for (int c = 0; c < cellDistrict.length; c++) {
            Integer d = cellDistrict[c];
            if (d == null) continue;
            cells[d]++;
            if (fdrBin[c] != null && fdrBin[c] >= MIN_BIN) hot[d]++;
            if (fdrBin[c] != null && fdrBin[c] <= -MIN_BIN) cold[d]++;
        }
        Double[] h = new Double[districts], k = new Double[districts];
        for (int d = 0; d < districts; d++) {
            if (cells[d] == 0) continue;
            h[d] = (double) hot[d] / cells[d];
            k[d] = (double) cold[d] / cells[d];
        }
        return new HotCellShares(h, k);
    }
}
