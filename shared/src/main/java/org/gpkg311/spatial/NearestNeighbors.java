package org.gpkg311.spatial;

import org.gpkg311.geo.Geodesy;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Geodesic nearest-neighbour distances within groups (districts), found with a JTS STRtree per group.
 *
 * <p>The tree works on the LAEA plane, whose distances differ from geodesic ones by the plane's scale
 * error (far below 1% within a few hundred km of its centre). So the planar nearest neighbour only
 * gives an upper bound g of the geodesic nearest distance; every point within g·(1 + 1%) on the plane
 * is then measured geodesically, which guarantees that the true geodesic nearest neighbour is found.
 * Cost: one k-nearest query and one small window query per point, O(n log n) overall.
 */
public final class NearestNeighbors {

    /** Bound on |planar / geodesic − 1| for short distances within ~1000 km of the plane's centre. */
    static final double PLANE_SCALE_TOLERANCE = 0.01;

    private NearestNeighbors() {}

    /**
     * For each point, the geodesic distance in metres to the nearest other point of the same group
     * (a duplicate point gives 0), or NaN when the point is alone in its group.
     *
     * @param x     easting on the LAEA plane of lon/lat
     * @param group group of each point (e.g. district index); points of different groups never pair
     */
    public static double[] geodesicMeters(double[] lon, double[] lat, double[] x, double[] y, int[] group) {
        int n = lon.length;
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        for (int[] members : members(group)) {
            if (members.length < 2) continue;
            nearestWithin(members, lon, lat, x, y, out);
        }
        return out;
    }

    private static void nearestWithin(int[] members, double[] lon, double[] lat, double[] x, double[] y, double[] out) {
        STRtree tree = new STRtree();
        Integer[] items = new Integer[members.length];
        for (int m = 0; m < members.length; m++) {
            int p = members[m];
            items[m] = p;
            tree.insert(new Envelope(x[p], x[p], y[p], y[p]), items[m]);
        }
        tree.build();
        ItemDistance planar = (ItemBoundable a, ItemBoundable b) -> {
            int i = (Integer) a.getItem(), j = (Integer) b.getItem();
            return Math.hypot(x[i] - x[j], y[i] - y[j]);
        };
        for (int m = 0; m < members.length; m++) {
            int p = members[m];
            Envelope at = new Envelope(x[p], x[p], y[p], y[p]);
            // k = 2: the point itself (distance 0) and its planar nearest other point
            Object[] nearest = tree.nearestNeighbour(at, items[m], planar, 2);
            int other = -1;
            for (Object o : nearest) {
                if ((Integer) o != p) { other = (Integer) o; break; }
            }
            double best = Geodesy.distanceMeters(lon[p], lat[p], lon[other], lat[other]);
            if (best > 0) best = closestGeodesic(tree, p, best, lon, lat, x, y);
            out[p] = best;
        }
    }

    /** Measures every point inside the planar radius that could beat the geodesic bound {@code best}. */
    private static double closestGeodesic(STRtree tree, int p, double best, double[] lon, double[] lat,
                                          double[] x, double[] y) {
        double r = best * (1 + PLANE_SCALE_TOLERANCE) + 1e-6;
        double[] min = {best};
        tree.query(new Envelope(x[p] - r, x[p] + r, y[p] - r, y[p] + r), item -> {
            int q = (Integer) item;
            if (q == p) return;
            double dx = x[q] - x[p], dy = y[q] - y[p];
            if (dx * dx + dy * dy > r * r) return;
            double d = Geodesy.distanceMeters(lon[p], lat[p], lon[q], lat[q]);
            if (d < min[0]) min[0] = d;
        });
        return min[0];
    }

    /** Point indexes of each group, groups numbered 0..max. */
    static int[][] members(int[] group) {
        int groups = 0;
        for (int g : group) groups = Math.max(groups, g + 1);
        int[] counts = new int[groups];
        for (int g : group) counts[g]++;
        int[][] out = new int[groups][];
        for (int g = 0; g < groups; g++) out[g] = new int[counts[g]];
        int[] fill = new int[groups];
        for (int p = 0; p < group.length; p++) out[group[p]][fill[group[p]]++] = p;
        return out;
    }
}
