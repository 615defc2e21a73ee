package org.gpkg311.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gpkg311.model.District;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

class GeodesyTest {

    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void jfkToLhrMatchesTheGeographicLibDocumentationExample() {
        // GeographicLib's documented example (example-Geodesic.cpp, JFK 40.6,-73.8 to LHR 51.6,-0.5):
        // s12 = 5551759.400319 m.
        assertEquals(5_551_759.400319, Geodesy.distanceMeters(-73.8, 40.6, -0.5, 51.6), 1e-5);
    }

    @Test
    void meridianArcsMatchPublishedWgs84Values() {
        // WGS84 meridian quadrant (equator to pole) = 10,001,965.7293 m (half of the published pole-to-pole
        // geodesic 20,003,931.4586 m); 0..1 degree of latitude = 110,574.3886 m (standard table of the length of
        // a degree; also Simpson integration of M = a(1-e^2)/(1-e^2 sin^2 phi)^1.5 by hand script).
        assertEquals(10_001_965.7293, Geodesy.distanceMeters(0, 0, 0, 90), 1e-3);
        assertEquals(110_574.3886, Geodesy.distanceMeters(12, 0, 12, 1), 1e-3);
    }

    @Test
    void oneDegreeAlongTheEquatorIsAPiOver180() {
        // On the equator the geodesic is the equator itself: a * pi / 180 = 6378137 * 0.01745329252 = 111,319.4908 m.
        assertEquals(111_319.4908, Geodesy.distanceMeters(30, 0, 31, 0), 1e-3);
    }

    @Test
    void distanceIsSymmetricAndZeroForTheSamePoint() {
        assertEquals(0.0, Geodesy.distanceMeters(-86.78, 36.16, -86.78, 36.16), 0.0);
        assertEquals(Geodesy.distanceMeters(-86.78, 36.16, -86.60, 36.02),
                Geodesy.distanceMeters(-86.60, 36.02, -86.78, 36.16), 1e-9);
    }

    /*
     * Expected areas below come from the closed-form ellipsoidal area of a lat/lon cell,
     * A = (b^2 / 2) * dLon * [F(phi2) - F(phi1)], F(phi) = sin(phi)/(1 - e^2 sin^2 phi) + ln((1 + e sin phi)/(1 - e sin phi))/(2e),
     * evaluated by a hand Python script (it reproduces the WGS84 total surface 510,065,621.7 km^2). The polygons here
     * have geodesic rather than parallel top/bottom edges; at 1 km the difference is far below 1 m^2.
     */
    @Test
    void smallSquareMatchesTheEllipsoidalCellFormula() {
        Polygon square = box(-86.80, 36.15, -86.79, 36.16);
        assertEquals(998_511.7499, Geodesy.areaSqMeters(square), 1.0);
        assertEquals(0.9985117499, Geodesy.areaSqKm(square), 1e-6);
    }

    @Test
    void ringOrientationDoesNotMatter() {
        Polygon ccw = box(-86.80, 36.15, -86.79, 36.16);
        Polygon cw = (Polygon) ccw.reverse();
        assertEquals(998_511.7499, Geodesy.areaSqMeters(cw), 1.0);
    }

    @Test
    void holesAreSubtracted() {
        LinearRing shell = box(-86.80, 36.15, -86.79, 36.16).getExteriorRing();
        LinearRing hole = box(-86.797, 36.153, -86.793, 36.157).getExteriorRing();
        Polygon withHole = GF.createPolygon(shell, new LinearRing[] {hole});
        // 998,511.7499 - 159,761.8802 (the hole's own cell formula)
        assertEquals(838_749.8698, Geodesy.areaSqMeters(withHole), 1.0);
    }

    @Test
    void multiPolygonPartsAreSummed() {
        var multi = GF.createMultiPolygon(new Polygon[] {box(-86.80, 36.15, -86.79, 36.16), box(-86.70, 36.05, -86.69, 36.06)});
        // 998,511.7499 + 999,761.3174 (cell formula for each square)
        assertEquals(1_998_273.0673, Geodesy.areaSqMeters(multi), 2.0);
    }

    @Test
    void nonAreasAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Geodesy.areaSqKm(GF.createPoint(new Coordinate(0, 0))));
    }

    @Test
    void nashvilleDistrictsAddUpToDavidsonCounty() {
        // Davidson County, TN: 526 sq mi total area (504 land + 22 water; US Census Gazetteer) = 1,362 km^2.
        double sum = RealDistricts.get().stream().mapToDouble(District::areaSqKm).sum();
        assertEquals(1362.0, sum, 1362.0 * 0.01);
    }

    static Polygon box(double minLon, double minLat, double maxLon, double maxLat) {
        return GF.createPolygon(new Coordinate[] {
            new Coordinate(minLon, minLat), new Coordinate(maxLon, minLat), new Coordinate(maxLon, maxLat),
            new Coordinate(minLon, maxLat), new Coordinate(minLon, minLat)});
    }
}
