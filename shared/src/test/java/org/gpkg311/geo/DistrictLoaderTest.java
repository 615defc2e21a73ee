package org.gpkg311.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.gpkg311.model.District;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

class DistrictLoaderTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final DistrictFields FIELDS = new DistrictFields("DISTRICT", "DistrictName", "Representative");

    // ---- the real 2022 Nashville plan ----

    @Test
    void realFileHas35DistrictsNumbered1To35InOrder() {
        List<District> districts = RealDistricts.get();
        assertEquals(35, districts.size());
        assertEquals(IntStream.rangeClosed(1, 35).boxed().toList(), districts.stream().map(District::id).toList());
    }

    @Test
    void realFileCarriesNamesAndRepresentatives() {
        // data/SOURCES.md: D1 Joy Kimbrough, D19 Jacob Kupin, D35 Jason Spain (2023-2027 council)
        assertEquals("Council District 19", RealDistricts.byId(19).name());
        assertEquals("Jacob Kupin", RealDistricts.byId(19).representative());
        assertEquals("Joy Kimbrough", RealDistricts.byId(1).representative());
        assertEquals("Jason Spain", RealDistricts.byId(35).representative());
    }

    @Test
    void realGeometriesAreMultiPolygonsInWgs84WithPositiveArea() {
        for (District d : RealDistricts.get()) {
            assertEquals("MultiPolygon", d.geometry().getGeometryType(), "district " + d.id());
            assertEquals(4326, d.geometry().getSRID(), "district " + d.id());
            assertTrue(d.areaSqKm() > 0, "district " + d.id());
            assertEquals(Geodesy.areaSqKm(d.geometry()), d.areaSqKm(), 1e-9);
        }
        // the file has 2 MultiPolygons (checked with a Python json scan): districts 11 and 12
        assertEquals(2, RealDistricts.byId(11).geometry().getNumGeometries());
        assertEquals(2, RealDistricts.byId(12).geometry().getNumGeometries());
        assertEquals(1, RealDistricts.byId(19).geometry().getNumGeometries());
    }

    @Test
    void everyRealCentroidLiesInsideItsDistrict() {
        for (District d : RealDistricts.get()) {
            Point c = GF.createPoint(new Coordinate(d.centroidLon(), d.centroidLat()));
            assertTrue(d.geometry().contains(c), "centroid of district " + d.id() + " outside: " + c);
        }
    }

    @Test
    void compactDistrictCentroidIsTheAreaCentroid() {
        // For a compact district the stored point is the true centroid. Independent check: JTS's lon/lat centroid of
        // D19 differs from the LAEA-plane centroid only by the projection's tiny nonlinearity (far below 1e-4 deg).
        District d19 = RealDistricts.byId(19);
        Point lonLatCentroid = d19.geometry().getCentroid();
        assertEquals(lonLatCentroid.getX(), d19.centroidLon(), 1e-4);
        assertEquals(lonLatCentroid.getY(), d19.centroidLat(), 1e-4);
    }

    @Test
    void centroidIsTheCentroidOnTheLaeaPlaneComputedWithProj4j() {
        // Independent route: project every vertex with proj4j's +proj=laea centred on the districts' bbox centre,
        // take JTS's planar centroid, and invert it with proj4j.
        List<District> districts = RealDistricts.get();
        Envelope box = new Envelope();
        districts.forEach(d -> box.expandToInclude(d.geometry().getEnvelopeInternal()));
        CRSFactory crs = new CRSFactory();
        CoordinateReferenceSystem wgs84 = crs.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
        CoordinateReferenceSystem laea = crs.createFromParameters("LAEA", "+proj=laea +lat_0=" + box.centre().y
                + " +lon_0=" + box.centre().x + " +datum=WGS84 +units=m +no_defs");
        CoordinateTransformFactory ctf = new CoordinateTransformFactory();
        CoordinateTransform toPlane = ctf.createTransform(wgs84, laea);
        CoordinateTransform toLonLat = ctf.createTransform(laea, wgs84);
        for (int id : new int[] {6, 19, 35}) {
            District d = RealDistricts.byId(id);
            Geometry planar = d.geometry().copy();
            planar.apply((CoordinateFilter) c -> {
                ProjCoordinate out = new ProjCoordinate();
                toPlane.transform(new ProjCoordinate(c.x, c.y), out);
                c.x = out.x;
                c.y = out.y;
            });
            planar.geometryChanged();
            Point centroid = planar.getCentroid();
            assertTrue(planar.contains(centroid), "test districts have their centroid inside");
            ProjCoordinate lonLat = new ProjCoordinate();
            toLonLat.transform(new ProjCoordinate(centroid.getX(), centroid.getY()), lonLat);
            assertEquals(lonLat.x, d.centroidLon(), 1e-7, "lon of district " + id);
            assertEquals(lonLat.y, d.centroidLat(), 1e-7, "lat of district " + id);
        }
    }

    // ---- synthetic inputs ----

    @Test
    void idMayBeAnIntegerADoubleOrText() throws IOException {
        List<District> ds = load(collection(
                feature("19", "\"A\"", "\"Rep A\"", square(0, 0)),
                feature("20.0", "\"B\"", "\"Rep B\"", square(1, 0)),
                feature("\"21\"", "\"C\"", "\"Rep C\"", square(2, 0))));
        assertEquals(List.of(19, 20, 21), ds.stream().map(District::id).toList());
    }

    @Test
    void districtsAreSortedById() throws IOException {
        List<District> ds = load(collection(
                feature("3", "\"C\"", "null", square(2, 0)),
                feature("1", "\"A\"", "null", square(0, 0)),
                feature("2", "\"B\"", "null", square(1, 0))));
        assertEquals(List.of(1, 2, 3), ds.stream().map(District::id).toList());
        assertEquals(List.of("A", "B", "C"), ds.stream().map(District::name).toList());
    }

    @Test
    void missingOrNullRepresentativeIsNull() throws IOException {
        String noRep = "{\"type\":\"Feature\",\"properties\":{\"DISTRICT\":1,\"DistrictName\":\"A\"},"
                + "\"geometry\":" + square(0, 0) + "}";
        List<District> ds = load(collection(noRep, feature("2", "\"B\"", "null", square(1, 0))));
        assertNull(ds.get(0).representative());
        assertNull(ds.get(1).representative());
    }

    @Test
    void representativeFieldMayBeUnconfigured() throws IOException {
        List<District> ds = DistrictLoader.load(stream(collection(feature("1", "\"A\"", "\"Rep\"", square(0, 0)))),
                "test.geojson", new DistrictFields("DISTRICT", "DistrictName", null));
        assertNull(ds.get(0).representative());
        assertEquals("A", ds.get(0).name());
    }

    @Test
    void polygonIsWrappedAndAreaAndCentroidAreComputed() throws IOException {
        District d = load(collection(feature("7", "\"A\"", "\"R\"", square(0, 0)))).get(0);
        assertEquals("MultiPolygon", d.geometry().getGeometryType());
        assertEquals(1, d.geometry().getNumGeometries());
        assertEquals(4326, d.geometry().getSRID());
        // 0.01 x 0.01 degree cell at the equator, ellipsoidal cell formula by hand script: 1,230,907.20 m^2
        assertEquals(1.23090720, d.areaSqKm(), 1e-6);
        // symmetric square: centroid at its centre
        assertEquals(0.005, d.centroidLon(), 1e-6);
        assertEquals(0.005, d.centroidLat(), 1e-6);
    }

    @Test
    void uShapedDistrictGetsAnInteriorPointInsteadOfItsCentroid() throws IOException {
        // A "U": the area centroid (0.0150, 0.0136 by hand) falls in the notch, outside the polygon.
        String u = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0.03,0],[0.03,0.03],[0.02,0.03],[0.02,0.01],"
                + "[0.01,0.01],[0.01,0.03],[0,0.03],[0,0]]]}";
        District d = load(collection(feature("1", "\"U\"", "null", u))).get(0);
        Point notchCentroid = d.geometry().getCentroid();
        assertTrue(!d.geometry().contains(notchCentroid), "test shape must have its centroid outside");
        assertTrue(d.geometry().contains(GF.createPoint(new Coordinate(d.centroidLon(), d.centroidLat()))));
    }

    @Test
    void notJsonIsAnIOExceptionNamingTheSource() {
        IOException ex = assertThrows(IOException.class, () -> DistrictLoader.load(
                stream("{\"type\": \"FeatureCollection\", \"features\": [ {"), "upload.geojson", FIELDS));
        assertTrue(ex.getMessage().contains("upload.geojson"), ex.getMessage());
    }

    @Test
    void badIdNamesSourceFeatureIndexAndField() {
        String json = collection(feature("1", "\"A\"", "null", square(0, 0)), feature("19.5", "\"B\"", "null", square(1, 0)));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> load(json));
        assertTrue(ex.getMessage().contains("test.geojson: feature 1, DISTRICT"), ex.getMessage());
        assertTrue(ex.getMessage().contains("19.5"), ex.getMessage());
    }

    @Test
    void missingAndNonNumericIdsAreRejected() {
        for (String id : List.of("null", "\"D19\"", "\"\"", "true")) {
            String json = collection(feature(id, "\"A\"", "null", square(0, 0)));
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> load(json), id);
            assertTrue(ex.getMessage().contains("feature 0, DISTRICT"), ex.getMessage());
        }
    }

    @Test
    void duplicateIdsAreRejected() {
        String json = collection(feature("4", "\"A\"", "null", square(0, 0)), feature("\"4\"", "\"B\"", "null", square(1, 0)));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> load(json));
        assertTrue(ex.getMessage().contains("feature 1") && ex.getMessage().contains("duplicate"), ex.getMessage());
    }

    @Test
    void brokenGeometriesNameTheFeatureAndField() {
        String unclosed = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}";
        String shortRing = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}";
        String point = "{\"type\":\"Point\",\"coordinates\":[0,0]}";
        String projected = "{\"type\":\"Polygon\",\"coordinates\":[[[1700000,650000],[1700100,650000],"
                + "[1700100,650100],[1700000,650000]]]}";
        String noCoords = "{\"type\":\"Polygon\"}";
        String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}";
        assertMessage(unclosed, "feature 1, geometry.coordinates[0]", "not closed");
        assertMessage(shortRing, "feature 1, geometry.coordinates[0]", "at least 4");
        assertMessage(point, "feature 1, geometry.type", "Point");
        assertMessage(projected, "feature 1, geometry.coordinates[0][0]", "lon/lat");
        assertMessage(noCoords, "feature 1, geometry.coordinates", "missing");
        assertMessage("null", "feature 1, geometry", "missing geometry");
        assertMessage(bowTie, "feature 1, geometry", "invalid polygon: Self-intersection");
    }

    @Test
    void notAFeatureCollectionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> load("{\"type\":\"Feature\"}"));
        assertThrows(IllegalArgumentException.class, () -> load("{\"type\":\"FeatureCollection\",\"features\":[]}"));
        assertThrows(IllegalArgumentException.class, () -> load("[1,2]"));
    }

    private static void assertMessage(String geometry, String where, String what) {
        String json = collection(feature("1", "\"A\"", "null", square(0, 0)), feature("2", "\"B\"", "null", geometry));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> load(json));
        assertTrue(ex.getMessage().startsWith("test.geojson: " + where + ":"), ex.getMessage());
        assertTrue(ex.getMessage().contains(what), ex.getMessage());
    }

    private static List<District> load(String json) throws IOException {
        return DistrictLoader.load(stream(json), "test.geojson", FIELDS);
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static String feature(String idJson, String nameJson, String repJson, String geometryJson) {
        return "{\"type\":\"Feature\",\"properties\":{\"DISTRICT\":" + idJson + ",\"DistrictName\":" + nameJson
                + ",\"Representative\":" + repJson + "},\"geometry\":" + geometryJson + "}";
    }

    /** A 0.01 degree square with its lower-left corner at (0.01 * col, 0.01 * row). */
    private static String square(int col, int row) {
        double x = col * 0.01;
        double y = row * 0.01;
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + x + "," + y + "],[" + (x + 0.01) + "," + y + "],["
                + (x + 0.01) + "," + (y + 0.01) + "],[" + x + "," + (y + 0.01) + "],[" + x + "," + y + "]]]}";
    }
}
