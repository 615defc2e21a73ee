package org.gpkg311.testing;

import org.gpkg311.model.District;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Axis-aligned districts in lon/lat for hand-made snapshots: corners and centre are plain literals,
 * so that point-in-polygon, contiguity and distances can be worked out by hand.
 */
public final class Squares {

    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private Squares() {}

    /** The rectangle [west, east] × [south, north] as a one-part MultiPolygon (SRID 4326). */
    public static MultiPolygon rectangle(double west, double south, double east, double north) {
        Polygon p = WGS84.createPolygon(new Coordinate[] {
                new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north),
                new Coordinate(west, north), new Coordinate(west, south)});
        return WGS84.createMultiPolygon(new Polygon[] {p});
    }

    /**
     * A square district of {@code side} degrees with its south-west corner at (west, south), a stated area
     * (not the geodesic one, so that densities are round numbers) and its centre as centroid.
     */
    public static District district(int id, String name, double west, double south, double side, double areaSqKm) {
        return new District(id, name, "Member " + id, rectangle(west, south, west + side, south + side),
                areaSqKm, west + side / 2, south + side / 2);
    }
}
