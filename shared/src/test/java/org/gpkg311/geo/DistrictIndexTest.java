package org.gpkg311.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.gpkg311.model.District;
import org.gpkg311.testing.Squares;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

class DistrictIndexTest {

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
    private static final DistrictIndex INDEX = new DistrictIndex(RealDistricts.get());

    /**
     * The oracle: every district in list order, no index and no prepared geometry; a point is covered when it is
     * inside or on a shell ring and not strictly inside a hole (plain ray-crossing per ring); lowest id wins.
     */
    private static int bruteForce(List<District> districts, double lon, double lat) {
        Coordinate p = new Coordinate(lon, lat);
        int best = -1;
        for (District d : districts) {
            if (d.geometry().getEnvelopeInternal().covers(p) && coversNaively(d.geometry(), p)
                    && (best == -1 || d.id() < best)) {
                best = d.id();
            }
        }
        return best;
    }

    private static boolean coversNaively(MultiPolygon multi, Coordinate p) {
        for (int i = 0; i < multi.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) multi.getGeometryN(i);
            int shell = PointLocation.locateInRing(p, polygon.getExteriorRing().getCoordinates());
            if (shell == Location.EXTERIOR) {
                continue;
            }
            boolean inHole = false;
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                if (PointLocation.locateInRing(p, polygon.getInteriorRingN(h).getCoordinates()) == Location.INTERIOR) {
                    inHole = true;
                }
            }
            if (!inHole) {
                return true;
            }
        }
        return false;
    }

    @Test
    void tennesseeCapitolIsInDistrict19() {
        // Tennessee State Capitol, downtown Nashville: -86.7844, 36.1657. Which polygons contain it is checked here
        // by a plain loop over all districts (JTS contains), independent of the index.
        List<Integer> containing = new ArrayList<>();
        Point capitol = GF.createPoint(new Coordinate(-86.7844, 36.1657));
        for (District d : RealDistricts.get()) {
            if (d.geometry().contains(capitol)) {
                containing.add(d.id());
            }
        }
        assertEquals(List.of(19), containing);
        assertEquals(19, INDEX.locate(-86.7844, 36.1657));
    }

    @Test
    void vertexSharedByTwoDistrictsGoesToTheLowerId() {
        // A vertex present in both D18 and D19 and in no other district (exact coordinate equality).
        Set<Coordinate> d18 = new HashSet<>(List.of(RealDistricts.byId(18).geometry().getCoordinates()));
        Set<Coordinate> others = new HashSet<>();
        for (District d : RealDistricts.get()) {
            if (d.id() != 18 && d.id() != 19) {
                others.addAll(List.of(d.geometry().getCoordinates()));
            }
        }
        Coordinate shared = null;
        for (Coordinate c : RealDistricts.byId(19).geometry().getCoordinates()) {
            if (d18.contains(c) && !others.contains(c)) {
                shared = c;
                break;
            }
        }
        assertTrue(shared != null, "D18 and D19 share a boundary vertex");
        assertEquals(18, INDEX.locate(shared.x, shared.y));
    }

    @Test
    void tripleCornerGoesToTheLowestId() {
        // Corner vertex present in D2, D19 and D21 (found by scanning identical coordinates of the 2022 file).
        double lon = -86.7945177;
        double lat = 36.1877972;
        Point corner = GF.createPoint(new Coordinate(lon, lat));
        for (int id : new int[] {2, 19, 21}) {
            assertTrue(RealDistricts.byId(id).geometry().covers(corner), "D" + id + " covers the corner");
        }
        assertEquals(2, INDEX.locate(lon, lat));
    }

    @Test
    void sharedEdgeGoesToTheLowerIdWhateverTheListOrder() {
        // squares [0,1]x[0,1] (id 7) and [1,2]x[0,1] (id 3) share the edge x = 1; (1, 0.5) lies exactly on it
        District left = square(7, 0, 0);
        District right = square(3, 1, 0);
        assertEquals(3, new DistrictIndex(List.of(left, right)).locate(1, 0.5));
        assertEquals(3, new DistrictIndex(List.of(right, left)).locate(1, 0.5));
        assertEquals(7, new DistrictIndex(List.of(right, left)).locate(0.5, 0.5));
        assertEquals(7, new DistrictIndex(List.of(right, left)).locate(0, 0)); // outer corner: boundary is covered
        assertEquals(-1, new DistrictIndex(List.of(right, left)).locate(2.5, 0.5));
    }

    @Test
    void pointsOutsideTheCountyAreMinusOne() {
        assertEquals(-1, INDEX.locate(-87.5, 36.0));   // west of the county
        assertEquals(-1, INDEX.locate(-86.78, 35.90)); // south of the county, Williamson County
        assertEquals(-1, INDEX.locate(0, 0));
        assertEquals(-1, INDEX.locate(Double.NaN, 36.1));
        assertEquals(-1, new DistrictIndex(List.of()).locate(-86.78, 36.16));
    }

    @Test
    void agreesWithBruteForceOnRandomPointsAndBoundaryVertices() {
        List<District> districts = RealDistricts.get();
        Envelope box = new Envelope();
        districts.forEach(d -> box.expandToInclude(d.geometry().getEnvelopeInternal()));
        Random random = new Random(20240101);
        int inside = 0;
        for (int i = 0; i < 20_000; i++) {
            double lon = box.getMinX() + box.getWidth() * random.nextDouble();
            double lat = box.getMinY() + box.getHeight() * random.nextDouble();
            int expected = bruteForce(districts, lon, lat);
            assertEquals(expected, INDEX.locate(lon, lat), () -> "point " + lon + ", " + lat);
            if (expected != -1) {
                inside++;
            }
        }
        // the county fills only part of its box: both branches were exercised
        assertTrue(inside > 5_000 && inside < 20_000, "inside = " + inside);

        // boundary vertices exercise the lowest-id rule (every 10th vertex of every district)
        int onSharedBoundary = 0;
        for (District d : districts) {
            Coordinate[] cs = d.geometry().getCoordinates();
            for (int i = 0; i < cs.length; i += 10) {
                int expected = bruteForce(districts, cs[i].x, cs[i].y);
                assertEquals(expected, INDEX.locate(cs[i].x, cs[i].y), "vertex " + cs[i]);
                assertTrue(expected <= d.id(), "a district covers its own vertices");
                if (expected < d.id()) {
                    onSharedBoundary++;
                }
            }
        }
        assertTrue(onSharedBoundary > 100, "shared-boundary vertices tested: " + onSharedBoundary);
    }

    @Test
    void concurrentLookupsAgree() throws InterruptedException {
        double[][] pts = new double[2000][];
        Random random = new Random(3);
        for (int i = 0; i < pts.length; i++) {
            pts[i] = new double[] {-87.05 + 0.54 * random.nextDouble(), 35.97 + 0.43 * random.nextDouble()};
        }
        DistrictIndex fresh = new DistrictIndex(RealDistricts.get());
        int[][] answers = new int[4][pts.length];
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            final int slot = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < pts.length; i++) {
                    answers[slot][i] = fresh.locate(pts[i][0], pts[i][1]);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (int i = 0; i < pts.length; i++) {
            int expected = bruteForce(RealDistricts.get(), pts[i][0], pts[i][1]);
            for (int[] answer : answers) {
                assertEquals(expected, answer[i]);
            }
        }
        assertFalse(answers[0].length == 0);
    }

    private static District square(int id, double x, double y) {
        return new District(id, "D" + id, null, Squares.rectangle(x, y, x + 1, y + 1), 1, x + 0.5, y + 0.5);
    }
}
