package org.gpkg311.geo;

import java.util.ArrayList;
import java.util.List;
import org.gpkg311.model.District;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * Queen contiguity of the spec: two districts are neighbours when their polygons come within a tolerance (1 m) of each
 * other, so districts that meet at a single corner are neighbours too and digitising slivers do not break adjacency.
 * Distances are measured on the LAEA plane (metres), where 1 m is 1 m to well under a part per thousand at county scale.
 */
public final class Contiguity {

    private Contiguity() {
    }

    /**
     * Neighbour lists: element i holds the indexes (into {@code districts}, ascending) of district i's neighbours,
     * never i itself. Symmetric by construction.
     */
    public static int[][] queen(List<District> districts, double toleranceMeters) {
        if (!(toleranceMeters >= 0) || Double.isInfinite(toleranceMeters)) {
            throw new IllegalArgumentException("tolerance must be a finite number of metres >= 0: " + toleranceMeters);
        }
        int n = districts.size();
        int[][] result = new int[n][];
        if (n == 0) {
            return result;
        }
        LaeaPlane plane = LaeaPlane.forDistricts(districts);
        Geometry[] projected = new Geometry[n];
        PreparedGeometry[] prepared = new PreparedGeometry[n];
        STRtree tree = new STRtree();
        for (int i = 0; i < n; i++) {
            projected[i] = plane.project(districts.get(i).geometry());
            prepared[i] = PreparedGeometryFactory.prepare(projected[i]);
            tree.insert(projected[i].getEnvelopeInternal(), i);
        }
        List<List<Integer>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            Envelope search = new Envelope(projected[i].getEnvelopeInternal());
            search.expandBy(toleranceMeters);
            final int a = i;
            tree.query(search, item -> {
                int b = (Integer) item;
                // each unordered pair is tested once (a < b) and recorded on both sides
                if (a < b && withinDistance(prepared[a], projected[b], toleranceMeters)) {
                    lists.get(a).add(b);
                    lists.get(b).add(a);
                }
            });
        }
        for (int i = 0; i < n; i++) {
            result[i] = lists.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return result;
    }

    /**
     * Polygons that share boundary (the usual case for districts) intersect, which a prepared geometry answers
     * quickly. Disjoint polygons are nearest somewhere on their boundaries, so an indexed boundary-segment distance
     * decides the rest without the quadratic vertex-by-vertex search.
     */
    private static boolean withinDistance(PreparedGeometry a, Geometry b, double tolerance) {
        return a.intersects(b) || IndexedFacetDistance.isWithinDistance(a.getGeometry(), b, tolerance);
    }
}
