package org.gpkg311.spatial;

import org.gpkg311.geo.Geodesy;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Geodesic nearest-neighbour distances within groups (districts), found with a JTS STRtree per group.
 *
 * <p>The tree works on the LAEA plane, whose distances differ from geodesic ones by the plane's scale
 * error (far below 1% within a few hundred km of its centre). Points are visited along a Z-order
 * curve; for each a window query (its half-side starts at twice the previous point's distance and
 * doubles until a point lies inside the search circle) gives the planar nearest neighbour; its geodesic distance g bounds the answer, and every
 * point within g·(1 + 1%) on the plane is then measured geodesically. So the true geodesic nearest
 * neighbour is always found. Window queries visit the tree without the priority queue of JTS's
 * k-nearest search, which was three times slower here. A point that shares its exact position with another
 * of its group has distance 0 without a search, and only one point per position enters the tree: a
 * recurring address holding k identical points would otherwise return all k twins to each of their k
 * searches (k² work; bench/scale.md measured it growing faster than n log n). O(n log n) overall.
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
            new GroupSearch(members, lon, lat, x, y).run(out);
        }
        return out;
    }

    /** The search within one group, with reusable candidate buffers. */
    private static final class GroupSearch {
        private final int[] members;
        private final double[] lon, lat, x, y;
        private final STRtree tree = new STRtree();
        private final boolean[] twin;
        private boolean[] firstOfPosition;
        private final double startRadius;
        private int[] found = new int[16];
        private double[] foundDistance = new double[16];
        private int count;

        GroupSearch(int[] members, double[] lon, double[] lat, double[] x, double[] y) {
            this.members = members;
            this.lon = lon;
            this.lat = lat;
            this.x = x;
            this.y = y;
            twin = twins(members, lon, lat);
            Envelope box = new Envelope();
            for (int m = 0; m < members.length; m++) {
                int p = members[m];
                box.expandToInclude(x[p], y[p]);
                if (!twin[m] || firstOfPosition[m]) tree.insert(new Envelope(x[p], x[p], y[p], y[p]), p);
            }
            tree.build();
            // about twice the mean spacing of points spread evenly over the group's bounding box
            startRadius = Math.max(1.0, Math.sqrt(Math.max(box.getArea(), 1.0) / members.length));
        }

        /** Visits the points along a Z-order curve, so that the previous point's distance is a good first radius. */
        void run(double[] out) {
            double guess = startRadius;
            for (int m : zOrder()) {
                int p = members[m];
                if (twin[m]) {
                    out[p] = 0;
                    continue;
                }
                out[p] = nearest(p, guess);
                guess = Math.max(1.0, 2 * out[p]);
            }
        }

        /**
         * Which members share their exact lon/lat with another member (sorted by position, O(m log m)); the
         * first member of each shared position is also marked in {@link #firstOfPosition} and stands for it
         * in the tree.
         */
        private boolean[] twins(int[] members, double[] lon, double[] lat) {
            Integer[] byPosition = new Integer[members.length];
            for (int m = 0; m < members.length; m++) byPosition[m] = m;
            java.util.Arrays.sort(byPosition, (a, b) -> {
                int c = Double.compare(lon[members[a]], lon[members[b]]);
                return c != 0 ? c : Double.compare(lat[members[a]], lat[members[b]]);
            });
            boolean[] shared = new boolean[members.length];
            firstOfPosition = new boolean[members.length];
            for (int i = 1; i < byPosition.length; i++) {
                int a = members[byPosition[i - 1]], b = members[byPosition[i]];
                if (lon[a] == lon[b] && lat[a] == lat[b]) {
                    if (!shared[byPosition[i - 1]]) firstOfPosition[byPosition[i - 1]] = true;
                    shared[byPosition[i - 1]] = true;
                    shared[byPosition[i]] = true;
                }
            }
            return shared;
        }

        private int[] zOrder() {
            Envelope box = new Envelope();
            for (int p : members) box.expandToInclude(x[p], y[p]);
            double sx = 65535 / Math.max(box.getWidth(), 1e-9), sy = 65535 / Math.max(box.getHeight(), 1e-9);
            long[] keyed = new long[members.length];
            for (int m = 0; m < members.length; m++) {
                int p = members[m];
                long code = interleave((int) ((x[p] - box.getMinX()) * sx), (int) ((y[p] - box.getMinY()) * sy));
                keyed[m] = (code << 31) | m; // 32-bit code, 31-bit index: fits in 63 bits
            }
            java.util.Arrays.sort(keyed);
            int[] order = new int[members.length];   // member positions m, not point indexes
            for (int m = 0; m < order.length; m++) order[m] = (int) (keyed[m] & 0x7FFFFFFFL);
            return order;
        }

        private static long interleave(int a, int b) {
            long code = 0;
            for (int bit = 0; bit < 16; bit++) {
                code |= ((long) (a >> bit & 1)) << (2 * bit) | ((long) (b >> bit & 1)) << (2 * bit + 1);
            }
            return code;
        }

        private double nearest(int p, double firstRadius) {
            double r = firstRadius;
            while (true) {
                collect(p, r);
                int closest = -1;
                double planar = Double.POSITIVE_INFINITY;
                for (int i = 0; i < count; i++) {
                    if (foundDistance[i] < planar) {
                        planar = foundDistance[i];
                        closest = found[i];
                    }
                }
                // Outside the circle of radius r a closer point could hide in the part of the plane not searched.
                if (closest < 0 || planar > r) {
                    r *= 2;
                    continue;
                }
                double best = Geodesy.distanceMeters(lon[p], lat[p], lon[closest], lat[closest]);
                double reach = best * (1 + PLANE_SCALE_TOLERANCE) + 1e-6;
                if (reach > r) {
                    r = reach;
                    continue;
                }
                for (int i = 0; i < count && best > 0; i++) {
                    int q = found[i];
                    if (q == closest || foundDistance[i] > reach) continue;
                    best = Math.min(best, Geodesy.distanceMeters(lon[p], lat[p], lon[q], lat[q]));
                }
                return best;
            }
        }

        /** Points other than p in the square window of half-side r, with their planar distances. */
        private void collect(int p, double r) {
            count = 0;
            tree.query(new Envelope(x[p] - r, x[p] + r, y[p] - r, y[p] + r), item -> {
                int q = (Integer) item;
                if (q == p) return;
                if (count == found.length) {
                    found = java.util.Arrays.copyOf(found, count * 2);
                    foundDistance = java.util.Arrays.copyOf(foundDistance, count * 2);
                }
                found[count] = q;
                foundDistance[count++] = Math.hypot(x[q] - x[p], y[q] - y[p]);
            });
        }
    }

    /** Point indexes of each group, groups numbered 0..max. */
    static int[][] members(int[] group) {
        int groups = 0;
        for (int g : group) groups = Math.max(groups, g + 1);
        return LocatedPoints.members(group, groups);
    }
}
