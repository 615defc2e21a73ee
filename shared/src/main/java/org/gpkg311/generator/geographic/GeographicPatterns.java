package org.gpkg311.generator.geographic;

import java.util.List;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.generator.common.BoundGenerator;
import org.gpkg311.generator.common.LayerSpec;
import org.gpkg311.generator.common.SharedColumns;
import org.gpkg311.generator.common.SignificanceLabels;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.spatial.AnalysisGrid;
import org.gpkg311.spatial.AverageNearestNeighbor;
import org.gpkg311.spatial.CategoryFacts;
import org.gpkg311.stats.Ranks;
import org.gpkg311.stats.spatial.GetisOrdGiStar;
import org.gpkg311.stats.spatial.LocalMoran;
import org.gpkg311.stats.spatial.MoranI;
import org.gpkg311.table.GeometryKind;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** geographicPatterns: density, clustering, concentration, variability (docs/methods.md#geographicpatterns). */
public final class GeographicPatterns extends BoundGenerator<GeographicPatterns.Facts> {

    public static final String NAME = "geographicPatterns";
    public static final String CELLS_LAYER = NAME + "HotSpotCells";

    /** What the layers read: the geographic facts and, per snapshot request, its located point (−1 if none). */
    record Facts(GeographicMetrics m, int[] pointOf) {
        static Facts of(GeographicMetrics m, int requests) {
            int[] pointOf = new int[requests];
            java.util.Arrays.fill(pointOf, -1);
            for (int p = 0; p < m.points().size(); p++) pointOf[m.points().requestIndex()[p]] = p;
            return new Facts(m, pointOf);
        }

        Double nearestNeighborMeters(int r) {
            int p = pointOf[r];
            return p < 0 || Double.isNaN(m.nearestNeighborMeters()[p]) ? null : m.nearestNeighborMeters()[p];
        }

        Double distanceToCentroidKm(int r) {
            int p = pointOf[r];
            return p < 0 ? null : m.distanceToCentroidKm()[p];
        }

        /** The chosen grid's cells as plain polygons; none when no grid was chosen. */
        List<Polygon> cellPolygons() {
            if (m.cells() == null) return List.of();
            return m.cells().lonLat().stream().map(g -> WGS84.createPolygon(((Polygon) g).getExteriorRing().getCoordinates())).toList();
        }
    }

    static final List<Binding<Facts>> DISTRICT_COLUMNS = List.of(
            Binding.of(SharedColumns.REQUEST_DENSITY, (f, i) -> f.m().requestDensity()[i]),
            Binding.real("densityPercentile", "Density Percentile", "Mid-rank percentile of the request density among districts (0..100).", (f, i) -> Ranks.roundTenth(f.m().densityPercentile()[i])),
            Binding.integer("densityQuintile", "Density Quintile (5 = densest)", "Quintile class of the request density by type-7 quintiles; 5 holds the densest fifth.", (Facts f, int i) -> f.m().densityQuintile()[i])
                    .classOf("requestDensity", 5),
            Binding.real("meanCenterLon", "Mean Center Longitude", "Arithmetic mean longitude of the district's requests with coordinates.", (f, i) -> f.m().meanCenterLon()[i]),
            Binding.real("meanCenterLat", "Mean Center Latitude", "Arithmetic mean latitude of the district's requests with coordinates.", (f, i) -> f.m().meanCenterLat()[i]),
            Binding.real("centroidOffsetKm", "Centroid Offset (km)", "Geodesic distance from the district centroid to the mean center of its requests.", (f, i) -> f.m().centroidOffsetKm()[i]),
            Binding.real("standardDistanceKm", "Standard Distance (km)", "Esri standard distance: root mean square geodesic distance of the requests from their mean center.", (f, i) -> f.m().standardDistanceKm()[i]),
            Binding.real("nearestNeighborRatio", "Nearest Neighbor Ratio", "Average nearest neighbour ratio: observed mean nearest-neighbour distance / 0.5·√(area/n); below 1 = clustered.", (f, i) -> f.m().nearestNeighborRatio()[i]),
            Binding.real("nearestNeighborZ", "Nearest Neighbor z-Score", "z-score of the average nearest neighbour test (ArcGIS: SE = 0.26136·√area / n).", (f, i) -> f.m().nearestNeighborZ()[i]),
            Binding.real("concentrationGini", "Concentration Gini", "Gini coefficient of the request counts of the analysis-grid cells whose centre lies in the district (empty cells included).", (f, i) -> f.m().concentrationGini()[i]),
            Binding.real("cellCountCV", "Cell Count CV", "Coefficient of variation (sample SD / mean) of the same grid cells' request counts.", (f, i) -> f.m().cellCountCV()[i]),
            Binding.text("spatialPatternCategory", "Spatial Pattern Category", "Profile group on z-scored density, nearest neighbour ratio and Gini, named by its centroid (Dense/Sparse, Clustered/Dispersed, Concentrated/Even); No distinct groups when the data has none; empty when a feature is (no analysis-grid cell centre inside a small district leaves its Gini undefined).", (f, i) -> f.m().spatialPattern().label()[i]),
            Binding.real("spatialPatternConfidence", "Spatial Pattern Confidence", "Silhouette of the district in its spatial pattern group (−1..1); empty without groups.", (Facts f, int i) -> f.m().spatialPattern().confidence()[i])
                    // The sample's spatial features show no distinct groups (the gap statistic decides), so NULL there.
                    .emptyOnSample(),
            Binding.real("densityGiZ", "Density Gi* z-Score", "Getis-Ord Gi* z-score of request density over queen-contiguous districts (self included).", (f, i) -> f.m().densityGi().z()[i]),
            Binding.real("densityGiP", "Density Gi* p-Value", "Two-sided p-value of the Gi* z-score.", (f, i) -> f.m().densityGi().p()[i]),
            Binding.text("densityHotSpot", "Density Hot Spot", "Hot spot 99/95/90%, Not significant or Cold spot 90/95/99%, read from the FDR-corrected Gi bin.", (f, i) -> f.m().densityHotSpot()[i]),
            Binding.integer("densityGiBin", "Density Gi Bin", "ArcGIS Gi_Bin: ±3/±2/±1 for p ≤ .01/.05/.10 with the sign of z, 0 otherwise.", (f, i) -> f.m().densityGi().bin()[i]),
            Binding.integer("densityGiBinFdr", "Density Gi Bin (FDR)", "The Gi bin after Benjamini–Hochberg false-discovery-rate correction at .10, .05 and .01.", (f, i) -> f.m().densityGi().binFdr()[i]),
            Binding.real("hotCellShare", "Hot Cell Share", "Share of the district's analysis-grid cells (by cell centre) that are hot spots at 95% or more after FDR.", (f, i) -> f.m().cellShares().hot()[i]),
            Binding.real("coldCellShare", "Cold Cell Share", "Share of the district's analysis-grid cells (by cell centre) that are cold spots at 95% or more after FDR.", (f, i) -> f.m().cellShares().cold()[i]),
            Binding.real("densityLisaI", "Density Local Moran's I", "Local Moran's I of request density (row-standardised queen weights).", (f, i) -> f.m().densityLisaI()[i]),
            Binding.real("densityLisaP", "Density LISA p-Value", "Folded pseudo p-value of local Moran's I from 999 conditional permutations (fixed seed).", (f, i) -> f.m().densityLisaP()[i]),
            Binding.text("densityLisaType", "Density LISA Type", "High-High cluster, Low-Low cluster, High-Low outlier or Low-High outlier when the pseudo p survives Benjamini–Hochberg at 0.05 over all districts; else Not significant (No neighbours without neighbours).", (f, i) -> f.m().densityLisaType()[i]),
            Binding.integer("neighborCount", "Neighbouring Districts", "Number of queen-contiguous districts (polygons within 1 m).", (f, i) -> f.m().neighborCount()[i]),
            Binding.real("neighborMeanDensity", "Neighbour Mean Density", "Mean request density of the neighbouring districts (spatial lag).", (f, i) -> f.m().neighborMeanDensity()[i]),
            Binding.real("neighborDensityRatio", "Density vs Neighbours", "Request density divided by the neighbours' mean density.", (f, i) -> f.m().neighborDensityRatio()[i]),
            Binding.integer("adjacentHighDensityCount", "Neighbours Above Median Density", "Neighbouring districts whose density is above the median district density.", (f, i) -> f.m().adjacentHighDensityCount()[i]),
            Binding.integer("adjacentLowDensityCount", "Neighbours Below Median Density", "Neighbouring districts whose density is below the median district density.", (f, i) -> f.m().adjacentLowDensityCount()[i]),
            Binding.real("isolationKm", "Isolation (km)", "Geodesic distance to the nearest centroid of a district with above-median density; 0 for such a district.", (f, i) -> f.m().isolationKm()[i]),
            Binding.integer("densityRank", "Density Rank (1 = densest)", "Rank of request density, 1 = highest; ties share the smallest rank.", (f, i) -> f.m().densityRank()[i]),
            Binding.real("densityRatioToCity", "Density vs City", "Request density divided by the citywide density (all requests / all district area).", (f, i) -> f.m().densityRatioToCity()[i]),
            Binding.real("meanDistanceToCentroidKm", "Mean Distance to Centroid (km)", "Mean geodesic distance of the district's requests to its centroid.", (f, i) -> f.m().meanDistanceToCentroidKm()[i]),
            Binding.real("maxRequestSpreadKm", "Max Request Spread (km)", "Diameter of the convex hull of the district's requests (largest geodesic distance between two hull points).", (f, i) -> f.m().maxRequestSpreadKm()[i]),
            Binding.text("geographicPatternType", "Geographic Pattern", "Readable summary: Dense/Sparse (vs the median density), concentrated/evenly spread (Gini vs its median), hot/cold spot.", (f, i) -> f.m().geographicPatternType()[i]));

    static final List<Binding<Facts>> REQUEST_COLUMNS = List.of(
            Binding.districtContext(DISTRICT_COLUMNS, SharedColumns.REQUEST_DENSITY.name()),
            Binding.districtContext(DISTRICT_COLUMNS, "spatialPatternCategory"),
            Binding.districtContext(DISTRICT_COLUMNS, "densityHotSpot"),
            Binding.districtContext(DISTRICT_COLUMNS, "densityLisaType"),
            Binding.real("nearestNeighborMeters", "Nearest Neighbour (m)", "Geodesic distance to the nearest other request of the same district; empty when it is the only one.", Facts::nearestNeighborMeters),
            Binding.real("distanceToDistrictCentroidKm", "Distance to District Centroid (km)", "Geodesic distance from the request to its district's centroid.", Facts::distanceToCentroidKm));

    static final List<Binding<Facts>> CELL_COLUMNS = List.of(
            Binding.integer("cellId", "Cell", "Number of the hexagon cell in the chosen analysis grid.", (f, i) -> i + 1),
            Binding.integer("districtId", "District", "Council district containing the cell's centre; empty when the centre lies outside every district.", (f, i) -> f.m().cells().districtId()[i]),
            Binding.integer("requestCount", "Requests", "Requests with coordinates inside the cell.", (f, i) -> f.m().cells().counts()[i]),
            Binding.integer("densityRank", "Density Rank (1 = densest)", "Rank of the cell's request count (equal-area cells), 1 = highest; ties share the smallest rank.", (f, i) -> f.m().cells().densityRank()[i]),
            Binding.real("densityPercentile", "Density Percentile", "Mid-rank percentile of the cell's request count among all cells (0..100).", (f, i) -> Ranks.roundTenth(f.m().cells().densityPercentile()[i])),
            Binding.real("giZ", "Gi* z-Score", "Getis-Ord Gi* z-score of the cell's request count over edge-sharing cells (binary weights, self included).", (f, i) -> f.m().cells().gi().z()[i]),
            Binding.real("giP", "Gi* p-Value", "Two-sided p-value of the cell's Gi* z-score.", (f, i) -> f.m().cells().gi().p()[i]),
            Binding.integer("giBin", "Gi Bin", "ArcGIS Gi_Bin: ±3/±2/±1 for p ≤ .01/.05/.10 with the sign of z, 0 otherwise.", (f, i) -> f.m().cells().gi().bin()[i]),
            Binding.integer("giBinFdr", "Gi Bin (FDR)", "The Gi bin after Benjamini–Hochberg false-discovery-rate correction over all cells.", (f, i) -> f.m().cells().gi().binFdr()[i]),
            Binding.text("hotSpot", "Hot Spot", "Hot spot 99/95/90%, Not significant or Cold spot 90/95/99%, read from the FDR-corrected Gi bin.", (f, i) -> SignificanceLabels.hotSpot(f.m().cells().gi().binFdr()[i])));

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    public GeographicPatterns() {
        super(NAME, org.gpkg311.generator.common.GeneratorVersion.CURRENT,
                "Where requests are dense, clustered or concentrated, and where density forms hot spots.", "requestDensity", DISTRICT_COLUMNS, REQUEST_COLUMNS, LayerSpec.extra(CELLS_LAYER, GeometryKind.POLYGON,
                        "Hexagon cells of the data-derived analysis grid with request counts and Getis-Ord Gi* hot spots.", CELL_COLUMNS, Facts::cellPolygons));
    }

    @Override
    protected Facts facts(RunContext context) {
        return Facts.of(context.get(GeographicMetrics.FACT), context.snapshot().requests().size());
    }

    @Override
    protected Provenance provenance(Facts f, RunContext context) {
        GeographicMetrics m = f.m();
        Provenance p = new Provenance();
        CategoryFacts.quantileMethod(p);
        CategoryFacts.percentileRank(p);
        p.add("distances", "geodesic on WGS84 (GeographicLib)", "Every distance and area; planar work (grid, hull) on the LAEA plane centred on the districts' bounding box.")
                .add("cityDensity", m.cityDensity(), "Citywide requests per km² (all requests / all district area): denominator of densityRatioToCity.")
                .add("medianDistrictDensity", m.medianDensity(), "Median district request density: the split of adjacentHigh/LowDensityCount, isolationKm and geographicPatternType.")
                .add("medianConcentrationGini", m.medianGini(), "Median district Gini: the concentrated / evenly spread split of geographicPatternType.")
                .add("nearestNeighborSeConstant", AverageNearestNeighbor.SE_CONSTANT, "ArcGIS's standard-error constant of the average nearest neighbour test.")
                .add("queenToleranceMeters", GeographicMetrics.QUEEN_TOLERANCE_METERS, "Queen contiguity: districts are neighbours when their polygons come within this distance.")
                .add("giConfidenceBands", "99/95/90% (p ≤ .01/.05/.10)", "Gi* hot/cold spot bands; the FDR bins apply Benjamini–Hochberg at the same levels.")
                .add("permutations", GeographicMetrics.PERMUTATIONS, "Permutations of Moran's I and LISA pseudo p-values.")
                .add("lisaSignificance", org.gpkg311.stats.FalseDiscovery.ALPHA, "A LISA type other than Not significant needs its pseudo p rejected by Benjamini–Hochberg at this false-discovery rate over all districts.")
                .add("hotCellShareRule", "FDR Gi bin >= 2 or <= -2", "hotCellShare / coldCellShare count the cells hot / cold at 95% or more after the FDR correction.")
                .add("giMethod", GetisOrdGiStar.METHOD, "How densityGi* (queen contiguity) and the cell layer's Gi* (edge-sharing cells) are computed.")
                .add("moranMethod", MoranI.METHOD, "How the global Moran's I of density (queen contiguity) and of the candidate grids' cell counts are computed.")
                .add("lisaMethod", LocalMoran.METHOD, "How densityLisaI, densityLisaP and densityLisaType are computed (queen contiguity).");
        cuts(p, f, context, "densityQuintile");
        var moran = m.densityMoran();
        if (moran == null) {
            p.add("densityMoranI", null, "Global Moran's I of request density is undefined (fewer than 3 districts, constant density or no neighbours).");
        } else p.add("densityMoranI", moran.I(), "Global Moran's I of request density (row-standardised queen weights).")
                .add("densityMoranExpected", moran.EI(), "E[I] = −1/(n−1).")
                .add("densityMoranVarianceNormal", moran.varNorm(), "Variance of I under normality.")
                .add("densityMoranZNormal", moran.zNorm(), "z of I under normality.")
                .add("densityMoranPNormal", moran.pNorm(), "Two-sided p of I under normality.")
                .add("densityMoranVarianceRandomisation", moran.varRand(), "Variance of I under randomisation.")
                .add("densityMoranZRandomisation", moran.zRand(), "z of I under randomisation.")
                .add("densityMoranPRandomisation", moran.pRand(), "Two-sided p of I under randomisation.")
                .add("densityMoranPPermutation", moran.pSim(), "Permutation pseudo p of I (999 permutations, the run's seed).");
        CategoryFacts.profileGroups(p, "spatialPatternCategory", m.spatialPattern(),
                GeographicMetrics.PATTERN_FEATURES, "requestDensity", GeographicMetrics.MAX_K);
        gridProvenance(p, m.grid());
        return p;
    }

    static void gridProvenance(Provenance p, AnalysisGrid.Choice g) {
        p.add("grid.shape", "flat-topped hexagons on the LAEA plane",
                "First centre at the lower-left corner of the districts' projected envelope; columns 1.5·side apart, odd columns √3/2·side higher.");
        p.add("grid.neighbourRule", "cells sharing an edge", "Contiguity between cells, for Moran's I (row-standardised) and Gi* (binary, self included).");
        p.add("grid.keepRule", "intersection with the districts has a positive area (above 1e-9 of a cell, i.e. beyond rounding)", "Which cells of the grid are kept.");
        p.add("grid.minCells", AnalysisGrid.MIN_CELLS, "A candidate grid needs at least this many cells.");
        p.add("grid.baseCellAreaSqKm", Double.isNaN(g.baseCellAreaSqKm()) ? null : g.baseCellAreaSqKm(),
                "a = total district area / requests with coordinates; candidates are a·2^k, k = 1..8.");
        for (AnalysisGrid.Candidate c : g.candidates()) {
            p.add("grid.candidate.k" + c.k(), "cellAreaSqKm=" + c.cellAreaSqKm() + "; sideMeters=" + c.sideMeters()
                            + "; cells=" + c.cellCount() + "; moranI=" + c.moranI() + "; zNormal=" + c.moranZNormal()
                            + "; zRandomisation=" + c.moranZRandomisation(),
                    "Candidate grid of 2^" + c.k() + " requests per cell on average: its size, and the global Moran's I of its cell counts with z.");
        }
        if (g.chosen() == null) {
            p.add("grid.chosen", null, "No grid: " + g.reason() + "; concentrationGini and cellCountCV are NULL and the cell layer is empty.");
        } else {
            AnalysisGrid.Candidate c = g.chosenCandidate();
            p.add("grid.chosen", "k=" + c.k(), "The candidate with the highest Moran's I among those with at least 30 cells.");
            p.add("grid.cellAreaSqKm", c.cellAreaSqKm(), "Area of one cell of the chosen grid.");
            p.add("grid.sideMeters", c.sideMeters(), "Side of one hexagon of the chosen grid.");
            p.add("grid.cellCount", c.cellCount(), "Cells of the chosen grid.");
        }
    }
}
