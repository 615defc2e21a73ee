package org.gpkg311.generator.geographic;

import java.util.ArrayList;
import java.util.List;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.SharedFacts;
import org.gpkg311.generator.common.SignificanceLabels;
import org.gpkg311.generator.efficiency.ServiceEfficiencyMetrics;
import org.gpkg311.geo.Contiguity;
import org.gpkg311.geo.DistrictIndex;
import org.gpkg311.geo.Geodesy;
import org.gpkg311.geo.LaeaPlane;
import org.gpkg311.model.District;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.spatial.AnalysisGrid;
import org.gpkg311.spatial.AverageNearestNeighbor;
import org.gpkg311.spatial.Gini;
import org.gpkg311.spatial.HexCells;
import org.gpkg311.spatial.LocatedPoints;
import org.gpkg311.spatial.PointDispersion;
import org.gpkg311.spatial.SnapshotPoints;
import org.gpkg311.stats.Descriptive;
import org.gpkg311.stats.Quantiles;
import org.gpkg311.stats.Ranks;
import org.gpkg311.stats.FeatureWords;
import org.gpkg311.stats.ProfileGroups;
import org.gpkg311.stats.Ties;
import org.gpkg311.stats.Values;
import org.gpkg311.stats.spatial.GetisOrdGiStar;
import org.gpkg311.stats.spatial.HotCellShares;
import org.gpkg311.stats.spatial.LocalMoran;
import org.gpkg311.stats.spatial.MoranI;
import org.gpkg311.stats.spatial.SpatialWeights;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Density, point pattern, concentration and hot-spot metrics per district (docs/methods.md#geographicpatterns).
 * District arrays are indexed like {@code snapshot.districts()}, null = undefined; point arrays like
 * {@link #points()}.
 */
public record GeographicMetrics(
        Double[] requestDensity, Double[] densityPercentile, Integer[] densityQuintile, Integer[] densityRank,
        double cityDensity, Double[] densityRatioToCity, double medianDensity,
        Double[] meanCenterLon, Double[] meanCenterLat, Double[] centroidOffsetKm, Double[] standardDistanceKm,
        Double[] meanNearestNeighborMeters, Double[] nearestNeighborRatio, Double[] nearestNeighborZ,
        Double[] concentrationGini, Double[] cellCountCV, Double medianGini,
        ProfileGroups spatialPattern, HotCellShares cellShares,
        int[][] neighbours, GetisOrdGiStar.GiStar densityGi, String[] densityHotSpot,
        MoranI.Global densityMoran, Double[] densityLisaI, Double[] densityLisaP, String[] densityLisaType,
        int[] neighborCount, Double[] neighborMeanDensity, Double[] neighborDensityRatio,
        int[] adjacentHighDensityCount, int[] adjacentLowDensityCount, Double[] isolationKm,
        Double[] meanDistanceToCentroidKm, Double[] maxRequestSpreadKm, String[] geographicPatternType,
        LocatedPoints points, double[] nearestNeighborMeters, double[] distanceToCentroidKm,
        AnalysisGrid.Choice grid, GridCells cells) {

    /** Permutations of every permutation test (Moran's I, LISA): the spec's 999. */
    public static final int PERMUTATIONS = 999;
    /** Queen contiguity tolerance of the spec. */
    public static final double QUEEN_TOLERANCE_METERS = 1.0;
    public static final int MAX_K = 6;
    /** The features of spatialPatternCategory, in column order. */
    public static final List<String> PATTERN_FEATURES = List.of("requestDensity", "nearestNeighborRatio", "concentrationGini");
    /** Dense/Sparse, Clustered/Dispersed (a LOW nearest-neighbour ratio is clustered), Concentrated/Even. */
    static final FeatureWords PATTERN_WORDS = new FeatureWords(List.of(FeatureWords.Word.of(0, "Sparse", "Dense"),
            FeatureWords.Word.of(1, "Clustered", "Dispersed"), FeatureWords.Word.of(2, "Even", "Concentrated")));

    /** Profile groups of the spatial pattern, numbered by the centroid's density. */
    static ProfileGroups.Setup pattern(long seed) {
        return new ProfileGroups.Setup(PATTERN_FEATURES, new boolean[3], c -> c[0], MAX_K, PATTERN_WORDS, seed);
    }

    /**
     * The chosen grid's cells as a layer sees them.
     *
     * @param lonLat     cell polygons in EPSG:4326
     * @param districtId district of the cell's centre, null outside every district
     * @param district   index of that district in the snapshot, −1 outside
     */
    public record GridCells(List<Geometry> lonLat, Integer[] districtId, int[] district, int[] counts,
                            Double[] densityPerSqKm, Integer[] densityRank, Double[] densityPercentile, GetisOrdGiStar.GiStar gi) {}

    /** The geographic facts of a run (they read the run's points and serviceEfficiency's density). */
    public static final RunContext.Fact<GeographicMetrics> FACT = new RunContext.Fact<>("geographic", GeographicMetrics::of);

    static GeographicMetrics of(RunContext context) {
        Snapshot snapshot = context.snapshot();
        long seed = context.settings().seed();
        List<District> districts = snapshot.districts();
        int n = districts.size();
        SnapshotPoints shared = context.get(SharedFacts.POINTS);
        LaeaPlane plane = shared.plane();
        LocatedPoints pts = shared.points();
        int[][] members = pts.byDistrict(n);
        int[] requestCount = context.get(SharedFacts.REQUEST_COUNTS);

        // Density is serviceEfficiency's requestDensity: one definition for both files.
        Double[] density = context.get(ServiceEfficiencyMetrics.FACT).requestDensity();
        double totalArea = districts.stream().mapToDouble(District::areaSqKm).sum();
        int totalRequests = java.util.Arrays.stream(requestCount).sum();
        double cityDensity = totalRequests / totalArea;
        Double[] ratioToCity = new Double[n];
        for (int i = 0; i < n; i++) ratioToCity[i] = Values.ratio(density[i], cityDensity);
        double medianDensity = Quantiles.median(density);

        // Point pattern per district.
        double[] nn = shared.nearestMeters();
        double[] toCentroid = new double[pts.size()];
        Double[] mcLon = new Double[n], mcLat = new Double[n], offset = new Double[n], sd = new Double[n];
        Double[] meanNn = new Double[n], annRatio = new Double[n], annZ = new Double[n];
        Double[] meanToCentroid = new Double[n], spread = new Double[n];
        for (int i = 0; i < n; i++) {
            District d = districts.get(i);
            int[] m = members[i];
            PointDispersion.Centre c = PointDispersion.meanCentre(m, pts.lon(), pts.lat());
            if (c != null) {
                mcLon[i] = c.lon();
                mcLat[i] = c.lat();
                offset[i] = Geodesy.distanceMeters(d.centroidLon(), d.centroidLat(), c.lon(), c.lat()) / 1000.0;
            }
            sd[i] = PointDispersion.standardDistanceKm(m, pts.lon(), pts.lat());
            double[] dist = PointDispersion.distancesKm(m, pts.lon(), pts.lat(), d.centroidLon(), d.centroidLat());
            for (int k = 0; k < m.length; k++) toCentroid[m[k]] = dist[k];
            meanToCentroid[i] = Descriptive.mean(dist);
            spread[i] = PointDispersion.hullDiameterKm(m, pts.lon(), pts.lat(), pts.x(), pts.y());
            double[] nnOfDistrict = new double[m.length];
            for (int k = 0; k < m.length; k++) nnOfDistrict[k] = nn[m[k]];
            AverageNearestNeighbor ann = AverageNearestNeighbor.of(nnOfDistrict, d.areaSqKm());
            if (ann != null) {
                meanNn[i] = ann.observedMeanMeters();
                annRatio[i] = ann.ratio();
                annZ[i] = ann.z();
            }
        }

        // Concentration on the data-derived hexagon grid.
        List<Geometry> planar = new ArrayList<>();
        for (District d : districts) planar.add(plane.project(d.geometry()));
        AnalysisGrid.Choice grid = AnalysisGrid.choose(new HexCells.Area(planar), totalArea, pts.x(), pts.y());
        GridCells cells = grid.chosen() == null ? null : gridCells(grid, plane, snapshot);
        Double[] gini = new Double[n], cellCv = new Double[n];
        if (cells != null) {
            List<List<Double>> perDistrict = new ArrayList<>();
            for (int i = 0; i < n; i++) perDistrict.add(new ArrayList<>());
            for (int c = 0; c < cells.counts().length; c++) {
                if (cells.district()[c] >= 0) perDistrict.get(cells.district()[c]).add((double) cells.counts()[c]);
            }
            for (int i = 0; i < n; i++) {
                double[] v = perDistrict.get(i).stream().mapToDouble(Double::doubleValue).toArray();
                gini[i] = Gini.of(v);
                cellCv[i] = Descriptive.cv(v);
            }
        }
        Double medianGini = Quantiles.median(gini);

        boolean[] everyDistrict = new boolean[n];
        java.util.Arrays.fill(everyDistrict, true);
        ProfileGroups pattern = ProfileGroups.of(rows(density, annRatio, gini), everyDistrict, pattern(seed));

        // Across districts: queen contiguity, Gi*, Moran's I, LISA, neighbourhood.
        int[][] nb = Contiguity.queen(districts, QUEEN_TOLERANCE_METERS);
        GetisOrdGiStar.GiStar gi = GetisOrdGiStar.of(density, nb);
        String[] hotSpot = new String[n];
        for (int i = 0; i < n; i++) hotSpot[i] = SignificanceLabels.hotSpot(gi.binFdr()[i]);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = density[i];
        MoranI.Global moran = MoranI.global(x, nb, PERMUTATIONS, seed);
        LocalMoran lisa = MoranI.local(x, nb, PERMUTATIONS, seed);
        Double[] lisaI = lisa.Is(), lisaP = lisa.pSim();
        String[] lisaType = SignificanceLabels.lisaTypes(lisa, SpatialWeights.rowStandardised(nb));
        HotCellShares cellShares = cells == null ? HotCellShares.of(new Integer[0], new Integer[0], n)
                : HotCellShares.of(java.util.Arrays.stream(cells.district()).mapToObj(d -> d < 0 ? null : d).toArray(Integer[]::new),
                        cells.gi().binFdr(), n);

        int[] neighborCount = new int[n], high = new int[n], low = new int[n];
        Double[] lag = new Double[n], lagRatio = new Double[n], isolation = new Double[n];
        for (int i = 0; i < n; i++) {
            neighborCount[i] = nb[i].length;
            double sum = 0;
            for (int j : nb[i]) {
                sum += density[j];
                if (Ties.greater(density[j], medianDensity)) high[i]++;
                if (Ties.greater(medianDensity, density[j])) low[i]++;
            }
            if (nb[i].length > 0) {
                lag[i] = sum / nb[i].length;
                lagRatio[i] = Values.ratio(density[i], lag[i]);
            }
            isolation[i] = isolationKm(districts, density, medianDensity, i);
        }

        String[] patternType = new String[n];
        for (int i = 0; i < n; i++) patternType[i] = patternType(density[i], medianDensity, gini[i], medianGini, gi.binFdr()[i]);

        return new GeographicMetrics(density, Ranks.percentile(density), Ranks.quintile(density), Ranks.descending(density),
                cityDensity, ratioToCity, medianDensity, mcLon, mcLat, offset, sd, meanNn, annRatio, annZ, gini, cellCv,
                medianGini, pattern, cellShares, nb, gi, hotSpot, moran, lisaI, lisaP, lisaType, neighborCount, lag, lagRatio,
                high, low, isolation, meanToCentroid, spread, patternType, pts, nn, toCentroid, grid, cells);
    }

    /** Distance (km) from district i's centroid to the nearest centroid of a district with above-median density; 0 for such a district. */
    static Double isolationKm(List<District> districts, Double[] density, double median, int i) {
        if (Ties.greater(density[i], median)) return 0.0;
        Double best = null;
        District d = districts.get(i);
        for (int j = 0; j < districts.size(); j++) {
            if (j == i || !Ties.greater(density[j], median)) continue;
            District o = districts.get(j);
            double km = Geodesy.distanceMeters(d.centroidLon(), d.centroidLat(), o.centroidLon(), o.centroidLat()) / 1000.0;
            if (best == null || km < best) best = km;
        }
        return best;
    }

    /** e.g. "Dense, concentrated, hot spot": density and Gini against their district medians (strictly above), Gi* sign. */
    static String patternType(Double density, double medianDensity, Double gini, Double medianGini, Integer giBin) {
        String dense = Ties.greater(density, medianDensity) ? "Dense" : "Sparse";
        String concentration = gini == null || medianGini == null ? "concentration unknown"
                : Ties.greater(gini, medianGini) ? "concentrated" : "evenly spread";
        String hot = giBin == null ? "hot spot unknown" : giBin > 0 ? "hot spot" : giBin < 0 ? "cold spot" : "no hot spot";
        return dense + ", " + concentration + ", " + hot;
    }

    private static GridCells gridCells(AnalysisGrid.Choice grid, LaeaPlane plane, Snapshot snapshot) {
        HexCells cells = grid.chosen();
        int m = cells.size();
        DistrictIndex index = new DistrictIndex(snapshot.districts());
        List<Geometry> lonLat = new ArrayList<>(m);
        Integer[] districtId = new Integer[m];
        int[] district = new int[m];
        Double[] density = new Double[m];
        double cellAreaSqKm = cells.grid().cellArea() / 1e6;
        for (int c = 0; c < m; c++) {
            lonLat.add(plane.inverse(cells.polygon(c)));
            Coordinate centre = plane.inverse(cells.centre(c).x, cells.centre(c).y);
            int id = index.locate(centre.x, centre.y);
            districtId[c] = id < 0 ? null : id;
            district[c] = id < 0 ? -1 : snapshot.districtIndex(id);
            density[c] = grid.counts()[c] / cellAreaSqKm;
        }
        GetisOrdGiStar.GiStar gi = GetisOrdGiStar.of(Values.boxed(grid.counts()), cells.neighbours());
        double[] d = new double[m];
        for (int c = 0; c < m; c++) d[c] = density[c];
        return new GridCells(lonLat, districtId, district, grid.counts(), density, Ranks.descending(d),
                Ranks.percentile(d), gi);
    }

    static Double[][] rows(Double[]... columns) {
        int n = columns[0].length;
        Double[][] out = new Double[n][columns.length];
        for (int i = 0; i < n; i++) for (int f = 0; f < columns.length; f++) out[i][f] = columns[f][i];
        return out;
    }
}
