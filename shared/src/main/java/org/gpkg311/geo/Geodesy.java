package org.gpkg311.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Geodesic distances and areas on the WGS84 ellipsoid (GeographicLib, Karney 2013), as the spec requires for every
 * area and distance. Coordinates are lon/lat degrees (x = lon, y = lat). Stateless and thread-safe.
 */
public final class Geodesy {

    private static final Geodesic WGS84 = Geodesic.WGS84;

    private Geodesy() {
    }

    /** Length in metres of the shortest geodesic between two lon/lat points on WGS84. */
    public static double distanceMeters(double lon1, double lat1, double lon2, double lat2) {
        return WGS84.Inverse(lat1, lon1, lat2, lon2, GeodesicMask.DISTANCE).s12;
    }

    /**
     * Geodesic area in km² of a lon/lat Polygon or MultiPolygon: each polygon's shell minus its holes, summed over
     * the parts. Ring orientation does not matter. Any other geometry type is rejected.
     */
    public static double areaSqKm(Geometry lonLat) {
        return areaSqMeters(lonLat) / 1e6;
    }

    /** As {@link #areaSqKm(Geometry)}, in m². */
    public static double areaSqMeters(Geometry lonLat) {
        if (lonLat instanceof Polygon polygon) {
            return polygonArea(polygon);
        }
        if (lonLat instanceof MultiPolygon multi) {
            double sum = 0;
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                sum += polygonArea((Polygon) multi.getGeometryN(i));
            }
            return sum;
        }
        throw new IllegalArgumentException("geodesic area needs a Polygon or MultiPolygon, got "
                + (lonLat == null ? "null" : lonLat.getGeometryType()));
    }

    private static double polygonArea(Polygon polygon) {
        if (polygon.isEmpty()) {
            return 0;
        }
        double area = ringArea(polygon.getExteriorRing());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            area -= ringArea(polygon.getInteriorRingN(i));
        }
        return area;
    }

    /** Unsigned area enclosed by one ring; the closing vertex is skipped because PolygonArea closes the ring itself. */
    private static double ringArea(LinearRing ring) {
        Coordinate[] cs = ring.getCoordinates();
        int n = cs.length;
        if (n > 1 && cs[0].equals2D(cs[n - 1])) {
            n--;
        }
        if (n < 3) {
            return 0;
        }
        PolygonArea pa = new PolygonArea(WGS84, false);
        for (int i = 0; i < n; i++) {
            pa.AddPoint(cs[i].y, cs[i].x);
        }
        // sign = true: a clockwise ring gives minus its area (sign = false would give the rest of the earth instead).
        PolygonResult r = pa.Compute(false, true);
        return Math.abs(r.area);
    }
}
