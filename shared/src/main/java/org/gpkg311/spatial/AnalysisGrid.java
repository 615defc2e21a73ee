package org.gpkg311.spatial;

import java.util.ArrayList;
import java.util.List;

import org.gpkg311.stats.spatial.MoranI;
import org.locationtech.jts.geom.Envelope;

/**
 * The data-derived hexagon grid of geographicPatterns (spec section 2, "Analysis grid"): candidate
 * cell areas a·2^k, k = 1..8, with a = total district area / located requests (2 .. 256 requests per
 * cell on average); among candidates with at least 30 cells, the one whose cell counts have the
 * highest global Moran's I (row-standardised edge contiguity) wins. I, not its z-score, is compared,
 * because z grows with the number of cells.
 */
public final class AnalysisGrid {

    public static final int FIRST_K = 1;
    public static final int LAST_K = 8;
    public static final int MIN_CELLS = 30;

    /** One candidate grid; moranI / moranZ are null when it has fewer than 30 cells or constant counts. */
    public record Candidate(int k, double cellAreaSqKm, double sideMeters, int cellCount, Double moranI,
                            Double moranZNormal, Double moranZRandomisation) {
        public boolean eligible() {
            return cellCount >= MIN_CELLS && moranI != null;
        }
    }

    /**
     * @param chosen    the winning grid's cells, or null when no candidate qualifies ({@link #reason} says why)
     * @param counts    located requests per chosen cell
     */
    public record Choice(HexCells chosen, Candidate chosenCandidate, int[] counts, List<Candidate> candidates,
                         double baseCellAreaSqKm, String reason) {}

    private AnalysisGrid() {}

    /**
     * @param area            the districts on the LAEA plane
     * @param totalAreaSqKm   sum of the districts' geodesic areas
     * @param x               located requests on the plane
     */
    public static Choice choose(HexCells.Area area, double totalAreaSqKm, double[] x, double[] y) {
        int n = x.length;
        if (n == 0) return new Choice(null, null, null, List.of(), Double.NaN, "no request has coordinates");
        double a = totalAreaSqKm / n;
        Envelope e = area.envelope();
        List<Candidate> candidates = new ArrayList<>();
        HexCells best = null;
        Candidate bestCandidate = null;
        int[] bestCounts = null;
        for (int k = FIRST_K; k <= LAST_K; k++) {
            double cellAreaSqKm = a * Math.pow(2, k);
            HexGrid grid = HexGrid.ofCellArea(cellAreaSqKm * 1e6, e.getMinX(), e.getMinY());
            HexCells cells = HexCells.covering(grid, area);
            Candidate c;
            int[] counts = null;
            if (cells.size() >= MIN_CELLS) {
                counts = cells.counts(x, y);
                c = withMoran(k, cellAreaSqKm, grid.side(), cells, counts);
            } else {
                c = new Candidate(k, cellAreaSqKm, grid.side(), cells.size(), null, null, null);
            }
            candidates.add(c);
            if (c.eligible() && (bestCandidate == null || c.moranI() > bestCandidate.moranI())) {
                best = cells;
                bestCandidate = c;
                bestCounts = counts;
            }
        }
        String reason = best == null ? "no candidate grid has at least " + MIN_CELLS + " cells with varying counts" : null;
        return new Choice(best, bestCandidate, bestCounts, candidates, a, reason);
    }

    private static Candidate withMoran(int k, double cellAreaSqKm, double side, HexCells cells, int[] counts) {
        double[] x = new double[counts.length];
        boolean varies = false;
        for (int i = 0; i < counts.length; i++) {
            x[i] = counts[i];
            if (counts[i] != counts[0]) varies = true;
        }
        if (!varies) return new Candidate(k, cellAreaSqKm, side, cells.size(), null, null, null);
        // Candidates are compared by I alone, so no permutations here.
        MoranI.Global moran = MoranI.global(x, cells.neighbours(), 0, 0L);
        if (moran == null) return new Candidate(k, cellAreaSqKm, side, cells.size(), null, null, null);
        return new Candidate(k, cellAreaSqKm, side, cells.size(), moran.I(), moran.zNorm(), moran.zRand());
    }
}
