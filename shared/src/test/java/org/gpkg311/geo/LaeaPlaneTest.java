package org.gpkg311.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.gpkg311.model.District;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

class LaeaPlaneTest {

    /** Roughly the centre of Davidson County's bounding box (-87.0549..-86.5156, 35.9678..36.4057). */
    private static final Envelope COUNTY_BOX = new Envelope(-87.0549, -86.5156, 35.9678, 36.4057);

    @Test
    void snyderWorkedExampleOnClarke1866() {
        // Snyder, Map Projections: A Working Manual (1987), numerical example for the ellipsoidal oblique Lambert
        // azimuthal equal-area: Clarke 1866 (a = 6378206.4 m, e^2 = 0.00676866), centre 40N 100W,
        // point 30N 110W -> x = -965,932.1 m, y = -1,056,814.9 m.
        LaeaPlane plane = new LaeaPlane(-100, 40, 6378206.4, 0.00676866);
        Coordinate xy = plane.project(-110, 30);
        assertEquals(-965_932.1, xy.x, 0.2);
        assertEquals(-1_056_814.9, xy.y, 0.2);
        Coordinate back = plane.inverse(-965_932.1, -1_056_814.9);
        assertEquals(-110.0, back.x, 1e-6);
        assertEquals(30.0, back.y, 1e-6);
    }

    @Test
    void agreesWithProj4jWithinAMicrometre() {
        LaeaPlane plane = LaeaPlane.centredOn(COUNTY_BOX);
        CoordinateTransform oracle = proj4jLaea(plane.centreLon(), plane.centreLat());
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            // the county and a wide margin around it (about 450 km each way)
            double lon = plane.centreLon() - 5 + 10 * random.nextDouble();
            double lat = plane.centreLat() - 4 + 8 * random.nextDouble();
            ProjCoordinate expected = new ProjCoordinate();
            oracle.transform(new ProjCoordinate(lon, lat), expected);
            Coordinate actual = plane.project(lon, lat);
            assertEquals(expected.x, actual.x, 1e-6, () -> "x at " + lon + "," + lat);
            assertEquals(expected.y, actual.y, 1e-6, () -> "y at " + lon + "," + lat);
        }
    }

    @Test
    void centreIsTheOriginAndBoxCentreIsUsed() {
        LaeaPlane plane = LaeaPlane.centredOn(COUNTY_BOX);
        assertEquals((-87.0549 + -86.5156) / 2, plane.centreLon(), 1e-12);
        assertEquals((35.9678 + 36.4057) / 2, plane.centreLat(), 1e-12);
        Coordinate origin = plane.project(plane.centreLon(), plane.centreLat());
        assertEquals(0.0, origin.x, 1e-9);
        assertEquals(0.0, origin.y, 1e-9);
        // north of the centre on the same meridian: x = 0 and y > 0
        Coordinate north = plane.project(plane.centreLon(), plane.centreLat() + 0.1);
        assertEquals(0.0, north.x, 1e-6);
        assertTrue(north.y > 11_000 && north.y < 11_200, "0.1 degree of latitude is about 11.1 km: " + north.y);
    }

    @Test
    void forDistrictsUsesTheirJointBoundingBox() {
        LaeaPlane plane = LaeaPlane.forDistricts(RealDistricts.get());
        // data/SOURCES.md: bbox of the 2022 plan is -87.0549..-86.5156, 35.9678..36.4057 (rounded to 1e-4)
        assertEquals((-87.0549 + -86.5156) / 2, plane.centreLon(), 1e-4);
        assertEquals((35.9678 + 36.4057) / 2, plane.centreLat(), 1e-4);
    }

    @Test
    void roundTripIsBelowAMicroDegree() {
        LaeaPlane plane = LaeaPlane.centredOn(COUNTY_BOX);
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            double lon = -88 + 3 * random.nextDouble();
            double lat = 35 + 2.5 * random.nextDouble();
            Coordinate xy = plane.project(lon, lat);
            Coordinate back = plane.inverse(xy.x, xy.y);
            assertEquals(lon, back.x, 1e-6);
            assertEquals(lat, back.y, 1e-6);
        }
    }

    @Test
    void geometryRoundTripKeepsShapeAndSetsSrid() {
        LaeaPlane plane = LaeaPlane.forDistricts(RealDistricts.get());
        District d19 = RealDistricts.byId(19);
        Geometry projected = plane.project(d19.geometry());
        assertEquals(0, projected.getSRID());
        assertEquals(d19.geometry().getNumPoints(), projected.getNumPoints());
        Coordinate p0 = projected.getCoordinates()[0];
        Coordinate expected = plane.project(d19.geometry().getCoordinates()[0].x, d19.geometry().getCoordinates()[0].y);
        assertEquals(expected.x, p0.x, 0.0);
        assertEquals(expected.y, p0.y, 0.0);
        Geometry back = plane.inverse(projected);
        assertEquals(4326, back.getSRID());
        assertEquals("MultiPolygon", back.getGeometryType());
        Coordinate[] orig = d19.geometry().getCoordinates();
        Coordinate[] round = back.getCoordinates();
        for (int i = 0; i < orig.length; i++) {
            assertEquals(orig[i].x, round[i].x, 1e-9);
            assertEquals(orig[i].y, round[i].y, 1e-9);
        }
        // the source geometry is left untouched
        assertEquals(orig[0].x, d19.geometry().getCoordinates()[0].x, 0.0);
    }

    @Test
    void planarAreaEqualsGeodesicAreaForEveryDistrict() {
        List<District> districts = RealDistricts.get();
        LaeaPlane plane = LaeaPlane.forDistricts(districts);
        for (District d : districts) {
            double planarSqKm = plane.project(d.geometry()).getArea() / 1e6;
            double geodesicSqKm = Geodesy.areaSqKm(d.geometry());
            assertEquals(geodesicSqKm, planarSqKm, geodesicSqKm * 0.0005, "district " + d.id());
        }
    }

    @Test
    void emptyBoxIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LaeaPlane.centredOn(new Envelope()));
    }

    private static CoordinateTransform proj4jLaea(double lon0, double lat0) {
        CRSFactory crs = new CRSFactory();
        CoordinateReferenceSystem wgs84 = crs.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
        CoordinateReferenceSystem laea = crs.createFromParameters("LAEA",
                "+proj=laea +lat_0=" + lat0 + " +lon_0=" + lon0 + " +datum=WGS84 +units=m +no_defs");
        return new CoordinateTransformFactory().createTransform(wgs84, laea);
    }
}
