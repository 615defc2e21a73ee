package org.gpkg311.geo;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gpkg311.model.District;
import org.gpkg311.testing.Ogr2ogr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Shapefiles made by GDAL's ogr2ogr (an independent writer) from GeoJSON, read back and compared with the GeoJSON. */
class ShapefileDistrictsTest {


    @TempDir
    Path dir;

    private static void ogr2ogr(Path dir, String... args) throws IOException, InterruptedException {
        Ogr2ogr.run(dir, args);
    }

    /** The bundled 2022 districts (the same file as the shared data copy). */
    static Path realDistricts(Path dir) throws IOException {
        Path gj = dir.resolve("districts.geojson");
        try (InputStream in = ShapefileDistrictsTest.class.getResourceAsStream(RealDistricts.RESOURCE)) {
            Files.write(gj, in.readAllBytes());
        }
        return gj;
    }

    private static List<District> load(Path shp) throws IOException {
        byte[] gj = ShapefileDistricts.toGeoJson(ShapefileParts.beside(shp), DistrictFields.nashville());
        return DistrictLoader.load(new ByteArrayInputStream(gj), shp.toString(), DistrictFields.nashville());
    }

    @Test
    void stateplaneFeetShapefileGivesTheGeoJsonDistricts() throws Exception {
        Path gj = realDistricts(dir);
        ogr2ogr(dir, "-t_srs", "EPSG:2274", "tn.shp", gj.toString());
        assertTrue(Files.readString(dir.resolve("tn.prj")).contains("Lambert_Conformal_Conic"));
        List<District> fromShp = load(dir.resolve("tn.shp"));
        List<District> fromGeoJson;
        try (InputStream in = Files.newInputStream(gj)) {
            fromGeoJson = DistrictLoader.load(in, "gj", DistrictFields.nashville());
        }
        assertEquals(35, fromShp.size());
        for (int i = 0; i < 35; i++) {
            District a = fromGeoJson.get(i), b = fromShp.get(i);
            assertEquals(a.id(), b.id());
            // names through the 10-character dBASE forms DistrictNa / Representa, accents through ISO-8859-1
            assertEquals(a.name(), b.name());
            assertEquals(a.representative(), b.representative());
            assertEquals(a.geometry().getNumGeometries(), b.geometry().getNumGeometries(), "district " + a.id());
            assertEquals(a.geometry().getNumPoints(), b.geometry().getNumPoints(), "district " + a.id());
            assertEquals(a.areaSqKm(), b.areaSqKm(), a.areaSqKm() * 1e-6, "district " + a.id());
            assertEquals(a.centroidLon(), b.centroidLon(), 1e-6);
            assertEquals(a.centroidLat(), b.centroidLat(), 1e-6);
            // every vertex back within a millimetre or so (1e-8 degrees), after PROJ forward and proj4j inverse
            Coordinate[] ca = a.geometry().getCoordinates(), cb = b.geometry().getCoordinates();
            for (int k = 0; k < ca.length; k++) {
                assertEquals(ca[k].x, cb[k].x, 1e-8, "district " + a.id() + " vertex " + k);
                assertEquals(ca[k].y, cb[k].y, 1e-8, "district " + a.id() + " vertex " + k);
            }
        }
        assertTrue(fromShp.stream().anyMatch(d -> d.representative().contains("é")), "an accented name survives");
    }

    @Test
    void holesMultipartsAndUtf8CodePage() throws Exception {
        // district 1: a square with a square hole; district 2: two squares (one record, two outer rings)
        String gj = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"DISTRICT":1,"DistrictName":"Één","Representative":"Zoë"},
                  "geometry":{"type":"Polygon","coordinates":[[[-87,36],[-86.9,36],[-86.9,36.1],[-87,36.1],[-87,36]],
                    [[-86.97,36.03],[-86.97,36.07],[-86.93,36.07],[-86.93,36.03],[-86.97,36.03]]]}},
                 {"type":"Feature","properties":{"DISTRICT":2,"DistrictName":"Two","Representative":null},
                  "geometry":{"type":"MultiPolygon","coordinates":[[[[-86.8,36],[-86.7,36],[-86.7,36.1],[-86.8,36.1],[-86.8,36]]],
                    [[[-86.6,36],[-86.5,36],[-86.5,36.1],[-86.6,36.1],[-86.6,36]]]]}}]}""";
        Files.writeString(dir.resolve("small.geojson"), gj);
        ogr2ogr(dir, "-lco", "ENCODING=UTF-8", "small.shp", "small.geojson");
        assertEquals("UTF-8", Files.readString(dir.resolve("small.cpg")).strip());
        List<District> ds = load(dir.resolve("small.shp"));
        District one = ds.get(0), two = ds.get(1);
        assertEquals("Één", one.name());
        assertEquals("Zoë", one.representative());
        assertNull(two.representative());
        assertEquals(1, one.geometry().getNumGeometries());
        Polygon p = (Polygon) one.geometry().getGeometryN(0);
        assertEquals(1, p.getNumInteriorRing(), "the counter-clockwise ring is the square's hole");
        assertEquals(0.01 - 0.0016, p.getArea(), 1e-12);
        MultiPolygon m = two.geometry();
        assertEquals(2, m.getNumGeometries(), "two outer rings: a MultiPolygon of two parts");
        assertEquals(0.02, m.getArea(), 1e-12);
    }

    // ---- bad input: one line naming the file ----

    private IllegalArgumentException broken(Path shp) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(shp));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void shpWithoutItsDbf() throws Exception {
        ogr2ogr(dir, "d.shp", realDistricts(dir).toString());
        Files.delete(dir.resolve("d.dbf"));
        IllegalArgumentException e = broken(dir.resolve("d.shp"));
        assertTrue(e.getMessage().startsWith(dir.resolve("d.shp") + ": no " + dir.resolve("d.dbf")), e.getMessage());
    }

    @Test
    void unknownPrjIsRefused() throws Exception {
        ogr2ogr(dir, "-t_srs", "EPSG:32616", "utm.shp", realDistricts(dir).toString());
        IllegalArgumentException e = broken(dir.resolve("utm.shp"));
        assertTrue(e.getMessage().startsWith(dir.resolve("utm.prj") + ": coordinate system \"WGS_1984_UTM_Zone_16N\""
                + " is not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("EPSG:2274"), e.getMessage());
    }

    @Test
    void nad83GeographicIsNotTakenForWgs84NorStatePlaneMetresForFeet() throws Exception {
        Path gj = realDistricts(dir);
        ogr2ogr(dir, "-t_srs", "EPSG:32136", "tnm.shp", gj.toString()); // Tennessee State Plane in metres
        assertTrue(broken(dir.resolve("tnm.shp")).getMessage().startsWith(dir.resolve("tnm.prj") + ": coordinate system"));
        Files.delete(dir.resolve("tnm.prj"));
        assertTrue(broken(dir.resolve("tnm.shp")).getMessage().startsWith(dir.resolve("tnm.prj") + ": missing"));
    }

    @Test
    void truncatedShpNamesTheFile() throws Exception {
        ogr2ogr(dir, "d.shp", realDistricts(dir).toString());
        Path shp = dir.resolve("d.shp");
        byte[] whole = Files.readAllBytes(shp);
        Files.write(shp, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertTrue(broken(shp).getMessage().startsWith(shp + ": the header declares"));
    }
}
