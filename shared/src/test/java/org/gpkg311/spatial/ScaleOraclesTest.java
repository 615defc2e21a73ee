package org.gpkg311.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.gpkg311.geo.Geodesy;
import org.gpkg311.model.District;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.pipeline.WorkFolders;
import org.gpkg311.sample.SampleCity;
import org.gpkg311.sample.SampleSnapshots;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.stats.Quantiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Issue 14: at 200,000 requests in the window (the sample city scaled up, whose recurring addresses put many
 * requests on one point), the fast spatial code gives what simple per-request code gives: nearest neighbours
 * by brute force over every point of the district (for 400 random points: all 200k would be 10^9 geodesic
 * distances), recurring (location, type) counts by sorting instead of hashing, and the chosen grid's cell counts
 * by testing each request against the polygons of the cells whose centre is within one side of it.
 */
class ScaleOraclesTest {

    static final int REQUESTS = 200_000;
    static Snapshot snapshot;
    static SnapshotPoints points;

    @BeforeAll
    static void build() throws Exception {
        Path dir = Files.createTempDirectory("gpkg311-scale-oracles");
        try {
            SampleCity.Written w = SampleCity.writeRequests(dir, SampleCity.DEFAULT_SEED, REQUESTS);
            snapshot = SampleSnapshots.of(w, "scale-oracles");
        } finally {
            WorkFolders.delete(dir);
        }
        points = SnapshotPoints.compute(snapshot);
        assertTrue(points.points().size() > 0.9 * REQUESTS, "located requests: " + points.points().size());
    }

    @Test
    void nearestNeighboursEqualBruteForce() {
        LocatedPoints pts = points.points();
        int[][] members = pts.byDistrict(snapshot.districts().size());
        SplittableRandom random = new SplittableRandom(14);
        int checked = 0, zeros = 0;
        for (int q = 0; q < 400; q++) {
            int p = random.nextInt(pts.size());
            double best = Double.NaN;
            for (int o : members[pts.district()[p]]) {
                if (o == p) continue;
                double d = Geodesy.distanceMeters(pts.lon()[p], pts.lat()[p], pts.lon()[o], pts.lat()[o]);
                if (Double.isNaN(best) || d < best) best = d;
            }
            assertEquals(best, points.nearestMeters()[p], 0.0, "point " + p);
            checked++;
            if (best == 0) zeros++;
        }
        assertEquals(400, checked);
        assertTrue(zeros > 0 && zeros < 400, "the sample has both twins and lone points among the 400: " + zeros);
    }

    @Test
    void recurringPairCountsEqualCountingBySorting() {
        List<ServiceRequest> requests = snapshot.requests();
        int n = requests.size();
        LocatedPoints pts = points.points();
        double side = Quantiles.median(Arrays.stream(points.nearestMeters()).filter(d -> !Double.isNaN(d)).toArray());
        String[] address = new String[n], type = new String[n];
        double[] x = new double[n], y = new double[n];
        Arrays.fill(x, Double.NaN);
        Arrays.fill(y, Double.NaN);
        for (int r = 0; r < n; r++) {
            address[r] = requests.get(r).address();
            type[r] = requests.get(r).requestType();
        }
        for (int p = 0; p < pts.size(); p++) {
            x[pts.requestIndex()[p]] = pts.x()[p];
            y[pts.requestIndex()[p]] = pts.y()[p];
        }
        RecurringLocations fast = RecurringLocations.of(address, type, x, y, side);

        // Oracle: sort the (location, type) keys and count runs of equal keys.
        String[] key = new String[n];
        Integer[] order = new Integer[n];
        for (int r = 0; r < n; r++) {
            String loc = RecurringLocations.locationKey(address[r], x[r], y[r], side);
            key[r] = loc == null ? null : loc + '\u0000' + type[r];
            order[r] = r;
        }
        Arrays.sort(order, (a, b) -> key[a] == null ? (key[b] == null ? 0 : -1) : key[b] == null ? 1 : key[a].compareTo(key[b]));
        int[] expected = new int[n];
        int pairs = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && java.util.Objects.equals(key[order[j]], key[order[i]])) j++;
            if (key[order[i]] != null) {
                pairs++;
                for (int k = i; k < j; k++) expected[order[k]] = j - i;
            }
            i = j;
        }
        assertArrayEquals(expected, fast.pairCount());
        assertEquals(pairs, fast.pairs());
        assertTrue(Arrays.stream(expected).max().orElse(0) > 50, "the scaled sample stacks many requests on one address");
    }

    @Test
    void gridCountsEqualPointInPolygon() {
        LocatedPoints pts = points.points();
        List<Geometry> planar = new ArrayList<>();
        for (District d : snapshot.districts()) planar.add(points.plane().project(d.geometry()));
        double totalArea = snapshot.districts().stream().mapToDouble(District::areaSqKm).sum();
        AnalysisGrid.Choice choice = AnalysisGrid.choose(new HexCells.Area(planar), totalArea, pts.x(), pts.y());
        HexCells cells = choice.chosen();
        assertNotNull(cells, choice.reason());
        HexGrid grid = cells.grid();
        int m = cells.size();
        double[] cx = new double[m], cy = new double[m];
        Polygon[] polygon = new Polygon[m];
        for (int c = 0; c < m; c++) {
            int col = HexGrid.column(cells.key(c)), row = HexGrid.row(cells.key(c));
            cx[c] = grid.centreX(col);
            cy[c] = grid.centreY(col, row);
            polygon[c] = cells.polygon(c);
        }
        // Bucket the cells by a coarse square of one side, so each point tests only the cells near it.
        double side = grid.side();
        TreeMap<Long, List<Integer>> near = new TreeMap<>();
        for (int c = 0; c < m; c++) near.computeIfAbsent(square(cx[c], cy[c], side), k -> new ArrayList<>()).add(c);
        GeometryFactory factory = new GeometryFactory();
        int[] expected = new int[m];
        for (int p = 0; p < pts.size(); p++) {
            double px = pts.x()[p], py = pts.y()[p];
            long sx = (long) Math.floor(px / side), sy = (long) Math.floor(py / side);
            org.locationtech.jts.geom.Point point = null;
            search:
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    for (int c : near.getOrDefault(((sx + dx) << 32) ^ ((sy + dy) & 0xFFFFFFFFL), List.of())) {
                        if (Math.hypot(px - cx[c], py - cy[c]) > side) continue;
                        if (point == null) point = factory.createPoint(new Coordinate(px, py));
                        if (polygon[c].covers(point)) {
                            expected[c]++;
                            break search;
                        }
                    }
                }
            }
        }
        int[] fast = cells.counts(pts.x(), pts.y());
        assertArrayEquals(expected, fast);
        assertTrue(Arrays.stream(fast).sum() > 0.9 * pts.size(), "most points fall in kept cells");
    }

    private static long square(double x, double y, double side) {
        return ((long) Math.floor(x / side) << 32) ^ ((long) Math.floor(y / side) & 0xFFFFFFFFL);
    }
}
