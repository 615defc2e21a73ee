package org.gpkg311.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gpkg311.model.District;
import org.gpkg311.testing.Squares;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class ContiguityTest {

    /** Metres per degree of longitude on the WGS84 equator: a * pi / 180. */
    private static final double M_PER_DEG_EQUATOR = 111_319.49079;

    private static List<District> districts;
    private static int[][] queen;

    @BeforeAll
    static void computeOnce() {
        districts = RealDistricts.get();
        queen = Contiguity.queen(districts, 1.0);
    }

    private static boolean neighbours(int idA, int idB) {
        int a = indexOf(idA);
        int b = indexOf(idB);
        return Arrays.stream(queen[a]).anyMatch(j -> j == b);
    }

    private static int indexOf(int id) {
        for (int i = 0; i < districts.size(); i++) {
            if (districts.get(i).id() == id) {
                return i;
            }
        }
        throw new IllegalArgumentException("no district " + id);
    }

    @Test
    void everyDistrictHasANeighbourAndTheRelationIsSymmetric() {
        assertEquals(35, queen.length);
        for (int i = 0; i < queen.length; i++) {
            assertTrue(queen[i].length >= 1, "district " + districts.get(i).id() + " has no neighbour");
            for (int k = 0; k < queen[i].length; k++) {
                int j = queen[i][k];
                assertTrue(j != i, "no self-neighbour");
                assertTrue(k == 0 || queen[i][k - 1] < j, "ascending without duplicates");
                final int back = i;
                assertTrue(Arrays.stream(queen[j]).anyMatch(x -> x == back), "symmetric " + i + "-" + j);
            }
        }
    }

    @Test
    void matchesTheSharedVertexRelationOfTheRealPlan() {
        // Independent method: pairs of districts that share at least one identical vertex (exact coordinates).
        // Sharing a vertex means distance 0, so each such pair must be a queen pair; and this Metro file is
        // topologically clean (no slivers or gaps), so no other pair comes within 1 m.
        Map<Coordinate, Set<Integer>> owners = new HashMap<>();
        for (int i = 0; i < districts.size(); i++) {
            for (Coordinate c : districts.get(i).geometry().getCoordinates()) {
                owners.computeIfAbsent(new Coordinate(c.x, c.y), k -> new TreeSet<>()).add(i);
            }
        }
        Set<String> sharedVertexPairs = new TreeSet<>();
        for (Set<Integer> s : owners.values()) {
            for (int a : s) {
                for (int b : s) {
                    if (a < b) {
                        sharedVertexPairs.add(a + "-" + b);
                    }
                }
            }
        }
        Set<String> queenPairs = new TreeSet<>();
        for (int i = 0; i < queen.length; i++) {
            for (int j : queen[i]) {
                if (i < j) {
                    queenPairs.add(i + "-" + j);
                }
            }
        }
        assertEquals(sharedVertexPairs, queenPairs);
        assertTrue(queenPairs.size() > 60, "a 35-district plan has many adjacencies: " + queenPairs.size());
    }

    @Test
    void knownNeighboursHaveGeodesicDistanceZeroBetweenTheirNearestVertices() {
        // Pairs read off the map: downtown D19 borders D18 (Midtown/Music Row); D22 and D35 meet in the south-west;
        // D8 and D12 in the south-east. Brute force over all vertex pairs, geodesic distance: the nearest are 0 m.
        int[][] pairs = {{18, 19}, {22, 35}, {8, 12}};
        for (int[] pair : pairs) {
            assertTrue(neighbours(pair[0], pair[1]), pair[0] + "-" + pair[1]);
            assertEquals(0.0, nearestVertexDistance(pair[0], pair[1]), 1e-9);
        }
    }

    @Test
    void knownNonNeighboursAreFartherThanOneMetre() {
        // D19-D24 are close (both touch D18 and D21) but do not meet; D1 (north-west) and D33 (south-east) are far.
        // Independent check on the LAEA plane: the 1 m buffer of one does not reach the other.
        LaeaPlane plane = LaeaPlane.forDistricts(districts);
        int[][] pairs = {{19, 24}, {1, 33}, {20, 19}};
        for (int[] pair : pairs) {
            assertFalse(neighbours(pair[0], pair[1]), pair[0] + "-" + pair[1]);
            Geometry a = plane.project(RealDistricts.byId(pair[0]).geometry());
            Geometry b = plane.project(RealDistricts.byId(pair[1]).geometry());
            assertFalse(a.buffer(1.0).intersects(b), pair[0] + "-" + pair[1] + " within 1 m by buffer");
        }
        // and they are not merely a hair apart: nearest vertices are over 100 m apart
        assertTrue(nearestVertexDistance(19, 24) > 100);
    }

    @Test
    void toleranceDecidesForASmallGap() {
        // Two 0.01 degree squares on the equator with a 0.5 m gap (0.5 / 111,319.49 m per degree of longitude).
        double gap = 0.5 / M_PER_DEG_EQUATOR;
        List<District> two = List.of(square(1, 0, 0, 0.01), square(2, 0.01 + gap, 0, 0.01));
        assertArrayEquals(new int[][] {{1}, {0}}, Contiguity.queen(two, 1.0));
        assertArrayEquals(new int[][] {{}, {}}, Contiguity.queen(two, 0.25));
    }

    @Test
    void cornerContactCountsAsQueenAndResultIsByListIndex() {
        // ids 30, 10, 20: 30 and 10 touch at one corner only (queen, not rook); 20 is far away
        List<District> three = List.of(square(30, 0, 0, 0.01), square(10, 0.01, 0.01, 0.01), square(20, 0.05, 0.05, 0.01));
        assertArrayEquals(new int[][] {{1}, {0}, {}}, Contiguity.queen(three, 1.0));
    }

    @Test
    void badToleranceIsRejectedAndEmptyInputIsEmpty() {
        assertThrows(IllegalArgumentException.class, () -> Contiguity.queen(districts, -1));
        assertThrows(IllegalArgumentException.class, () -> Contiguity.queen(districts, Double.NaN));
        assertEquals(0, Contiguity.queen(List.of(), 1.0).length);
    }

    /** Smallest geodesic distance between any vertex of one district and any vertex of another (brute force). */
    private static double nearestVertexDistance(int idA, int idB) {
        Coordinate[] a = RealDistricts.byId(idA).geometry().getCoordinates();
        Coordinate[] b = RealDistricts.byId(idB).geometry().getCoordinates();
        double best = Double.POSITIVE_INFINITY;
        for (Coordinate p : a) {
            for (Coordinate q : b) {
                // cheap degree pre-filter keeps the geodesic calls to nearby vertices
                if (Math.abs(p.x - q.x) < 0.01 && Math.abs(p.y - q.y) < 0.01) {
                    best = Math.min(best, Geodesy.distanceMeters(p.x, p.y, q.x, q.y));
                }
            }
        }
        return best;
    }

    private static District square(int id, double x, double y, double side) {
        return new District(id, "D" + id, null, Squares.rectangle(x, y, x + side, y + side), 1, x + side / 2, y + side / 2);
    }
}
