package org.gpkg311.generator.geographic;

import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.common.DistrictLayer;
import org.gpkg311.generator.common.GeneratorBase;
import org.gpkg311.generator.common.RequestLayer;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.spatial.AnalysisGrid;
import org.gpkg311.spatial.AverageNearestNeighbor;
import org.gpkg311.spatial.CategoryFacts;
import org.gpkg311.stats.Ranks;
import org.gpkg311.stats.spatial.GetisOrdGiStar;
import org.gpkg311.stats.spatial.LocalMoran;
import org.gpkg311.stats.spatial.MoranI;
import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** geographicPatterns: density, clustering, concentration, variability (generators.md section 2). */
public final class GeographicPatterns extends GeneratorBase {

    public static final String NAME = "geographicPatterns";
    public static final String CELLS_LAYER = NAME + "HotSpotCells";

    static final Column REQUEST_DENSITY = Column.real("requestDensity", "Requests per km²", "Requests of the window divided by the district's geodesic area in square kilometres.");
    static final Column DENSITY_PERCENTILE = Column.real("densityPercentile", "Density Percentile", "Mid-rank percentile of the request density among districts (0..100).");
    static final Column DENSITY_QUINTILE = Column.integer("densityQuintile", "Density Quintile (5 = densest)", "Quintile class of the request density by type-7 quintiles; 5 holds the densest fifth.");
    static final Column MEAN_CENTER_LON = Column.real("meanCenterLon", "Mean Center Longitude", "Arithmetic mean longitude of the district's requests with coordinates.");
    static final Column MEAN_CENTER_LAT = Column.real("meanCenterLat", "Mean Center Latitude", "Arithmetic mean latitude of the district's requests with coordinates.");
    static final Column CENTROID_OFFSET = Column.real("centroidOffsetKm", "Centroid Offset (km)", "Geodesic distance from the district centroid to the mean center of its requests.");
    static final Column STANDARD_DISTANCE = Column.real("standardDistanceKm", "Standard Distance (km)", "Esri standard distance: root mean square geodesic distance of the requests from their mean center.");
    static final Column NN_RATIO = Column.real("nearestNeighborRatio", "Nearest Neighbor Ratio", "Average nearest neighbour ratio: observed mean nearest-neighbour distance / 0.5·√(area/n); below 1 = clustered.");
    static final Column NN_Z = Column.real("nearestNeighborZ", "Nearest Neighbor z-Score", "z-score of the average nearest neighbour test (ArcGIS: SE = 0.26136·√area / n).");
    static final Column GINI = Column.real("concentrationGini", "Concentration Gini", "Gini coefficient of the request counts of the analysis-grid cells whose centre lies in the district (empty cells included).");
    static final Column CELL_CV = Column.real("cellCountCV", "Cell Count CV", "Coefficient of variation (sample SD / mean) of the same grid cells' request counts.");
    static final Column PATTERN_CATEGORY = Column.text("spatialPatternCategory", "Spatial Pattern Category", "Silhouette-selected k-means category on density, nearest neighbour ratio and Gini, ordered by density.");
    static final Column PATTERN_CONFIDENCE = Column.real("spatialPatternConfidence", "Spatial Pattern Confidence", "Silhouette of the district in its spatial pattern category (−1..1).");
    static final Column GI_Z = Column.real("densityGiZ", "Density Gi* z-Score", "Getis-Ord Gi* z-score of request density over queen-contiguous districts (self included).");
    static final Column GI_P = Column.real("densityGiP", "Density Gi* p-Value", "Two-sided p-value of the Gi* z-score.");
    static final Column HOT_SPOT = Column.text("densityHotSpot", "Density Hot Spot", "Hot spot 99/95/90%, Not significant or Cold spot 90/95/99% from the Gi* p-value and sign.");
    static final Column GI_BIN = Column.integer("densityGiBin", "Density Gi Bin", "ArcGIS Gi_Bin: ±3/±2/±1 for p ≤ .01/.05/.10 with the sign of z, 0 otherwise.");
    static final Column GI_BIN_FDR = Column.integer("densityGiBinFdr", "Density Gi Bin (FDR)", "The Gi bin after Benjamini–Hochberg false-discovery-rate correction at .10, .05 and .01.");
    static final Column LISA_I = Column.real("densityLisaI", "Density Local Moran's I", "Local Moran's I of request density (row-standardised queen weights).");
    static final Column LISA_P = Column.real("densityLisaP", "Density LISA p-Value", "Folded pseudo p-value of local Moran's I from 999 conditional permutations (fixed seed).");
    static final Column LISA_TYPE = Column.text("densityLisaType", "Density LISA Type", "High-High cluster, Low-Low cluster, High-Low outlier, Low-High outlier or Not significant (p ≤ 0.05).");
    static final Column NEIGHBOR_COUNT = Column.integer("neighborCount", "Neighbouring Districts", "Number of queen-contiguous districts (polygons within 1 m).");
    static final Column NEIGHBOR_MEAN = Column.real("neighborMeanDensity", "Neighbour Mean Density", "Mean request density of the neighbouring districts (spatial lag).");
    static final Column NEIGHBOR_RATIO = Column.real("neighborDensityRatio", "Density vs Neighbours", "Request density divided by the neighbours' mean density.");
    static final Column ADJ_HIGH = Column.integer("adjacentHighDensityCount", "Neighbours Above Median Density", "Neighbouring districts whose density is above the median district density.");
    static final Column ADJ_LOW = Column.integer("adjacentLowDensityCount", "Neighbours Below Median Density", "Neighbouring districts whose density is below the median district density.");
    static final Column ISOLATION = Column.real("isolationKm", "Isolation (km)", "Geodesic distance to the nearest centroid of a district with above-median density; 0 for such a district.");
    static final Column DENSITY_RANK = Column.integer("densityRank", "Density Rank (1 = densest)", "Rank of request density, 1 = highest; ties share the smallest rank.");
    static final Column RATIO_TO_CITY = Column.real("densityRatioToCity", "Density vs City", "Request density divided by the citywide density (all requests / all district area).");
    static final Column MEAN_TO_CENTROID = Column.real("meanDistanceToCentroidKm", "Mean Distance to Centroid (km)", "Mean geodesic distance of the district's requests to its centroid.");
    static final Column MAX_SPREAD = Column.real("maxRequestSpreadKm", "Max Request Spread (km)", "Diameter of the convex hull of the district's requests (largest geodesic distance between two hull points).");
    static final Column PATTERN_TYPE = Column.text("geographicPatternType", "Geographic Pattern", "Readable summary: Dense/Sparse (vs the median density), concentrated/evenly spread (Gini vs its median), hot/cold spot.");

    public static final List<Column> DISTRICT_COLUMNS = List.of(REQUEST_DENSITY, DENSITY_PERCENTILE, DENSITY_QUINTILE,
            MEAN_CENTER_LON, MEAN_CENTER_LAT, CENTROID_OFFSET, STANDARD_DISTANCE, NN_RATIO, NN_Z, GINI, CELL_CV,
            PATTERN_CATEGORY, PATTERN_CONFIDENCE, GI_Z, GI_P, HOT_SPOT, GI_BIN, GI_BIN_FDR, LISA_I, LISA_P, LISA_TYPE,
            NEIGHBOR_COUNT, NEIGHBOR_MEAN, NEIGHBOR_RATIO, ADJ_HIGH, ADJ_LOW, ISOLATION, DENSITY_RANK, RATIO_TO_CITY,
            MEAN_TO_CENTROID, MAX_SPREAD, PATTERN_TYPE);

    static final Column REQ_DENSITY = Column.real("requestDensity", "District Requests per km²", "Request density of the request's district.");
    static final Column REQ_PATTERN = Column.text("spatialPatternCategory", "District Spatial Pattern", "Spatial pattern category of the request's district.");
    static final Column REQ_HOT_SPOT = Column.text("densityHotSpot", "District Density Hot Spot", "Gi* hot-spot class of the request's district.");
    static final Column REQ_LISA = Column.text("densityLisaType", "District LISA Type", "Local Moran's I type of the request's district.");
    static final Column REQ_NN = Column.real("nearestNeighborMeters", "Nearest Neighbour (m)", "Geodesic distance to the nearest other request of the same district; empty when it is the only one.");
    static final Column REQ_TO_CENTROID = Column.real("distanceToDistrictCentroidKm", "Distance to District Centroid (km)", "Geodesic distance from the request to its district's centroid.");

    public static final List<Column> REQUEST_COLUMNS = List.of(REQ_DENSITY, REQ_PATTERN, REQ_HOT_SPOT, REQ_LISA, REQ_NN, REQ_TO_CENTROID);

    static final Column CELL_ID = Column.integer("cellId", "Cell", "Number of the hexagon cell in the chosen analysis grid.");
    static final Column CELL_DISTRICT = Column.integer("districtId", "District", "Council district containing the cell's centre; empty when the centre lies outside every district.");
    static final Column CELL_COUNT = Column.integer("requestCount", "Requests", "Requests with coordinates inside the cell.");
    static final Column CELL_RANK = Column.integer("densityRank", "Density Rank (1 = densest)", "Rank of the cell's request count (equal-area cells), 1 = highest; ties share the smallest rank.");
    static final Column CELL_PERCENTILE = Column.real("densityPercentile", "Density Percentile", "Mid-rank percentile of the cell's request count among all cells (0..100).");
    static final Column CELL_GI_Z = Column.real("giZ", "Gi* z-Score", "Getis-Ord Gi* z-score of the cell's request count over edge-sharing cells (binary weights, self included).");
    static final Column CELL_GI_P = Column.real("giP", "Gi* p-Value", "Two-sided p-value of the cell's Gi* z-score.");
    static final Column CELL_GI_BIN = Column.integer("giBin", "Gi Bin", "ArcGIS Gi_Bin: ±3/±2/±1 for p ≤ .01/.05/.10 with the sign of z, 0 otherwise.");
    static final Column CELL_GI_BIN_FDR = Column.integer("giBinFdr", "Gi Bin (FDR)", "The Gi bin after Benjamini–Hochberg false-discovery-rate correction over all cells.");
    static final Column CELL_HOT_SPOT = Column.text("hotSpot", "Hot Spot", "Hot spot 99/95/90%, Not significant or Cold spot 90/95/99%.");

    public static final List<Column> CELL_COLUMNS = List.of(CELL_ID, CELL_DISTRICT, CELL_COUNT, CELL_RANK, CELL_PERCENTILE,
            CELL_GI_Z, CELL_GI_P, CELL_GI_BIN, CELL_GI_BIN_FDR, CELL_HOT_SPOT);

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    public GeographicPatterns() {
        super(NAME, "1.0.0",
                "Where requests are dense, clustered or concentrated, and where density forms hot spots.", "requestDensity");
    }

    @Override
    public GeneratorOutput generate(Snapshot snapshot, RunSettings settings) {
        GeographicMetrics m = GeographicMetrics.of(snapshot, settings.seed());
        Table districts = DistrictLayer.create(NAME, summary(), snapshot, DISTRICT_COLUMNS);
        var pattern = m.spatialPattern();
        for (int i = 0; i < districts.rowCount(); i++) {
            districts.row(i)
                    .set(REQUEST_DENSITY.name(), m.requestDensity()[i])
                    .set(DENSITY_PERCENTILE.name(), Ranks.roundTenth(m.densityPercentile()[i]))
                    .set(DENSITY_QUINTILE.name(), m.densityQuintile()[i])
                    .set(MEAN_CENTER_LON.name(), m.meanCenterLon()[i])
                    .set(MEAN_CENTER_LAT.name(), m.meanCenterLat()[i])
                    .set(CENTROID_OFFSET.name(), m.centroidOffsetKm()[i])
                    .set(STANDARD_DISTANCE.name(), m.standardDistanceKm()[i])
                    .set(NN_RATIO.name(), m.nearestNeighborRatio()[i])
                    .set(NN_Z.name(), m.nearestNeighborZ()[i])
                    .set(GINI.name(), m.concentrationGini()[i])
                    .set(CELL_CV.name(), m.cellCountCV()[i])
                    .set(PATTERN_CATEGORY.name(), pattern.label()[i])
                    .set(PATTERN_CONFIDENCE.name(), pattern.silhouette()[i])
                    .set(GI_Z.name(), m.densityGi().z()[i])
                    .set(GI_P.name(), m.densityGi().p()[i])
                    .set(HOT_SPOT.name(), m.densityHotSpot()[i])
                    .set(GI_BIN.name(), m.densityGi().bin()[i])
                    .set(GI_BIN_FDR.name(), m.densityGi().binFdr()[i])
                    .set(LISA_I.name(), m.densityLisaI()[i])
                    .set(LISA_P.name(), m.densityLisaP()[i])
                    .set(LISA_TYPE.name(), m.densityLisaType()[i])
                    .set(NEIGHBOR_COUNT.name(), m.neighborCount()[i])
                    .set(NEIGHBOR_MEAN.name(), m.neighborMeanDensity()[i])
                    .set(NEIGHBOR_RATIO.name(), m.neighborDensityRatio()[i])
                    .set(ADJ_HIGH.name(), m.adjacentHighDensityCount()[i])
                    .set(ADJ_LOW.name(), m.adjacentLowDensityCount()[i])
                    .set(ISOLATION.name(), m.isolationKm()[i])
                    .set(DENSITY_RANK.name(), m.densityRank()[i])
                    .set(RATIO_TO_CITY.name(), m.densityRatioToCity()[i])
                    .set(MEAN_TO_CENTROID.name(), m.meanDistanceToCentroidKm()[i])
                    .set(MAX_SPREAD.name(), m.maxRequestSpreadKm()[i])
                    .set(PATTERN_TYPE.name(), m.geographicPatternType()[i]);
        }

        RequestLayer requests = RequestLayer.create(NAME, summary(), snapshot, REQUEST_COLUMNS)
                .districtContext(REQ_DENSITY.name(), m.requestDensity())
                .districtContext(REQ_PATTERN.name(), pattern.label())
                .districtContext(REQ_HOT_SPOT.name(), m.densityHotSpot())
                .districtContext(REQ_LISA.name(), m.densityLisaType());
        // The per-request distances are indexed by located point, not by request.
        var pts = m.points();
        for (int p = 0; p < pts.size(); p++) {
            Table.Row row = requests.row(pts.requestIndex()[p]);
            if (row == null) continue;
            double nn = m.nearestNeighborMeters()[p];
            row.set(REQ_NN.name(), Double.isNaN(nn) ? null : nn)
                    .set(REQ_TO_CENTROID.name(), m.distanceToCentroidKm()[p]);
        }
        return new GeneratorOutput(NAME, version(), List.of(districts, requests.table(), cellLayer(m)), provenance(m));
    }

    static Table cellLayer(GeographicMetrics m) {
        Table t = new Table(CELLS_LAYER, GeometryKind.POLYGON,
                "Hexagon cells of the data-derived analysis grid with request counts and Getis-Ord Gi* hot spots.", CELL_COLUMNS);
        GeographicMetrics.GridCells cells = m.cells();
        if (cells == null) return t;
        for (int c = 0; c < cells.counts().length; c++) {
            Geometry g = cells.lonLat().get(c);
            Polygon polygon = WGS84.createPolygon(((Polygon) g).getExteriorRing().getCoordinates());
            t.addRow(polygon)
                    .set(CELL_ID.name(), c + 1)
                    .set(CELL_DISTRICT.name(), cells.districtId()[c])
                    .set(CELL_COUNT.name(), cells.counts()[c])
                    .set(CELL_RANK.name(), cells.densityRank()[c])
                    .set(CELL_PERCENTILE.name(), Ranks.roundTenth(cells.densityPercentile()[c]))
                    .set(CELL_GI_Z.name(), cells.gi().z()[c])
                    .set(CELL_GI_P.name(), cells.gi().p()[c])
                    .set(CELL_GI_BIN.name(), cells.gi().bin()[c])
                    .set(CELL_GI_BIN_FDR.name(), cells.gi().binFdr()[c])
                    .set(CELL_HOT_SPOT.name(), GetisOrdGiStar.label(cells.gi().bin()[c]));
        }
        return t;
    }

    static Provenance provenance(GeographicMetrics m) {
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
                .add("lisaSignificance", LocalMoran.SIGNIFICANCE, "A LISA type other than Not significant needs a pseudo p ≤ 0.05.")
                .add("giMethod", GetisOrdGiStar.METHOD, "How densityGi* (queen contiguity) and the cell layer's Gi* (edge-sharing cells) are computed.")
                .add("moranMethod", MoranI.METHOD, "How the global Moran's I of density (queen contiguity) and of the candidate grids' cell counts are computed.")
                .add("lisaMethod", LocalMoran.METHOD, "How densityLisaI, densityLisaP and densityLisaType are computed (queen contiguity).");
        CategoryFacts.cuts(p, "densityQuintile", m.requestDensity(), 5, "requestDensity");
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
        CategoryFacts.silhouette(p, "spatialPatternCategory", m.spatialPattern(),
                "requestDensity, nearestNeighborRatio, concentrationGini", "requestDensity", GeographicMetrics.MAX_K);
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
