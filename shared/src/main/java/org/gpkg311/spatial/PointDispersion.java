package org.gpkg311.spatial;

import java.util.HashMap;
import java.util.Map;

import org.gpkg311.geo.Geodesy;
import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Centre and spread of a set of points: mean centre (arithmetic mean of lon and lat, as the spec
 * defines it), Esri standard distance √(Σd²/n) with geodesic d from the mean centre, mean geodesic
 * distance to a fixed point, and the diameter of the convex hull (hull on the LAEA plane, its
 * vertices measured geodesically).
 */
public final class PointDispersion {

    private static final GeometryFactory PLANE = new GeometryFactory();

    private PointDispersion() {}

    public record Centre(double lon, double lat) {}

    /** Mean centre of the points {@code members}; null when there is none. */
    public static Centre meanCentre(int[] members, double[] lon, double[] lat) {
        if (members.length == 0) return null;
        double sx = 0, sy = 0;
        for (int p : members) {
            sx += lon[p];
            sy += lat[p];
        }
        return new Centre(sx / members.length, sy / members.length);
    }

    /** Standard distance in km: √(Σd²/n), d geodesic from the mean centre; null for no point. */
    public static Double standardDistanceKm(int[] members, double[] lon, double[] lat) {
        Centre c = meanCentre(members, lon, lat);
        if (c == null) return null;
        double sum = 0;
        for (int p : members) {
            double d = Geodesy.distanceMeters(c.lon(), c.lat(), lon[p], lat[p]);
            sum += d * d;
        }
        return Math.sqrt(sum / members.length) / 1000.0;
    }

    /** Geodesic distance (km) of each member to (lon0, lat0), in member order. */
    public static double[] distancesKm(int[] members, double[] lon, double[] lat, double lon0, double lat0) {
        double[] out = new double[members.length];
        for (int m = 0; m < members.length; m++) {
            out[m] = Geodesy.distanceMeters(lon0, lat0, lon[members[m]], lat[members[m]]) / 1000.0;
        }
        return out;
    }

    /**
     * Diameter (km) of the members' convex hull: the largest geodesic distance between two hull
     * vertices. 0 for a single point (or coincident points), null for no point.
     */
    public static Double hullDiameterKm(int[] members, double[] lon, double[] lat, double[] x, double[] y) {
        if (members.length == 0) return null;
        Coordinate[] planar = new Coordinate[members.length];
        Map<Coordinate, Integer> pointAt = new HashMap<>();
        for (int m = 0; m < members.length; m++) {
            int p = members[m];
            planar[m] = new Coordinate(x[p], y[p]);
            pointAt.putIfAbsent(planar[m], p);
        }
        Coordinate[] hull = new ConvexHull(planar, PLANE).getConvexHull().getCoordinates();
        int[] vertex = new int[hull.length];
        for (int v = 0; v < hull.length; v++) vertex[v] = pointAt.get(hull[v]);
        double max = 0;
        for (int a = 0; a < vertex.length; a++) {
            for (int b = a + 1; b < vertex.length; b++) {
                int i = vertex[a], j = vertex[b];
                max = Math.max(max, Geodesy.distanceMeters(lon[i], lat[i], lon[j], lat[j]));
            }
        }
        return max / 1000.0;
    }
}
