package org.gpkg311.geo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;

/**
 * A polygon shapefile of districts ({@code .shp} + {@code .dbf}, with {@code .prj} and an optional {@code .cpg})
 * as the GeoJSON FeatureCollection {@link DistrictLoader} reads, so that areas, centroids and every check are the
 * ones of the GeoJSON path. Vertices go to lon/lat through the {@code .prj}; the district fields are found under
 * the profile's names or their 10-character dBASE forms ({@code DistrictName} → {@code DistrictNa}). Rings follow
 * the shapefile rule (outer rings clockwise, holes counter-clockwise, a hole inside its outer ring); a record with
 * several outer rings is one MultiPolygon.
 */
public final class ShapefileDistricts {

    /** The longest field name dBASE III stores: writers cut longer names to it. */
    static final int DBASE_NAME_LENGTH = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShapefileDistricts() {
    }

    /**
     * @throws IllegalArgumentException when a part is missing or unusable (the message names the file)
     */
    public static byte[] toGeoJson(ShapefileParts parts, DistrictFields fields) throws IOException {
        String shpName = parts.name("shp");
        byte[] shp = parts.read("shp");
        if (shp == null) throw new IllegalArgumentException(shpName + ": not found");
        byte[] dbf = parts.read("dbf");
        if (dbf == null) {
            throw new IllegalArgumentException(shpName + ": no " + parts.name("dbf") + " beside it (a shapefile's"
                    + " attributes, among them the district id " + fields.idField() + ", are in its .dbf)");
        }
        ShapefileCrs.ToLonLat toLonLat = ShapefileCrs.of(parts.read("prj"), parts.name("prj"));
        String dbfName = parts.name("dbf");
        List<List<double[]>> shapes = ShapefileShapes.read(shp, shpName);
        List<Map<String, Object>> records = ShapefileAttributes.read(dbf, dbfName,
                ShapefileAttributes.charset(parts.read("cpg"), parts.name("cpg"), dbf));
        if (shapes.size() != records.size()) {
            throw new IllegalArgumentException(shpName + ": " + shapes.size() + " shapes but " + records.size()
                    + " records in " + dbfName + " (the two files are from different shapefiles)");
        }
        Map<String, Object> first = records.stream().filter(r -> r != null).findFirst().orElse(Map.of());
        String idKey = key(first, fields.idField());
        if (idKey == null) {
            throw new IllegalArgumentException(dbfName + ": no field " + fields.idField() + " (the district id); fields: "
                    + String.join(", ", first.keySet()));
        }
        String nameKey = key(first, fields.nameField()), memberKey = key(first, fields.representativeField());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (int r = 0; r < shapes.size(); r++) {
                Map<String, Object> record = records.get(r);
                if (record == null) continue; // deleted in the .dbf
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                g.writeObjectField(fields.idField(), record.get(idKey));
                if (nameKey != null) g.writeObjectField(fields.nameField(), record.get(nameKey));
                if (memberKey != null) g.writeObjectField(fields.representativeField(), record.get(memberKey));
                g.writeEndObject();
                g.writeFieldName("geometry");
                writeGeometry(g, polygons(shapes.get(r), shpName, r + 1), toLonLat);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** The record's field holding {@code field}: its name or its 10-character form, ignoring case; or null. */
    static String key(Map<String, Object> record, String field) {
        if (field == null) return null;
        String cut = field.length() > DBASE_NAME_LENGTH ? field.substring(0, DBASE_NAME_LENGTH) : field;
        for (String k : record.keySet()) if (k.equalsIgnoreCase(field)) return k;
        for (String k : record.keySet()) if (k.equalsIgnoreCase(cut)) return k;
        return null;
    }

    /** One polygon: its outer ring then its holes, each as x0, y0, x1, y1, … */
    private record Polygon(double[] shell, List<double[]> holes) {
    }

    /**
     * Groups a record's rings into polygons: clockwise rings are outer rings, each counter-clockwise ring is a hole
     * of the smallest outer ring around it. A record whose rings all run counter-clockwise (writers that ignore the
     * rule) has only outer rings.
     */
    static List<Polygon> polygons(List<double[]> rings, String shpName, int record) {
        List<Polygon> shells = new ArrayList<>();
        List<double[]> holes = new ArrayList<>();
        for (double[] ring : rings) {
            if (signedArea(ring) < 0) shells.add(new Polygon(ring, new ArrayList<>()));
            else holes.add(ring);
        }
        if (shells.isEmpty()) {
            for (double[] ring : holes) shells.add(new Polygon(ring, new ArrayList<>()));
            return shells;
        }
        for (double[] hole : holes) {
            Coordinate p = new Coordinate(hole[0], hole[1]);
            Polygon best = null;
            double bestArea = Double.POSITIVE_INFINITY;
            for (Polygon s : shells) {
                double area = -signedArea(s.shell);
                if (area < bestArea && PointLocation.isInRing(p, coordinates(s.shell))) {
                    best = s;
                    bestArea = area;
                }
            }
            if (best == null) {
                throw new IllegalArgumentException(shpName + ": record " + record + " has a counter-clockwise ring"
                        + " (a hole) outside every clockwise (outer) ring");
            }
            best.holes.add(hole);
        }
        return shells;
    }

    private static void writeGeometry(JsonGenerator g, List<Polygon> polygons, ShapefileCrs.ToLonLat toLonLat)
            throws IOException {
        if (polygons.isEmpty()) {
            g.writeNull(); // a null shape: the loader names the feature
            return;
        }
        g.writeStartObject();
        g.writeStringField("type", "MultiPolygon");
        g.writeArrayFieldStart("coordinates");
        for (Polygon p : polygons) {
            g.writeStartArray();
            // RFC 7946 winds the other way round: outer rings counter-clockwise, holes clockwise
            writeRing(g, p.shell, toLonLat);
            for (double[] hole : p.holes) writeRing(g, hole, toLonLat);
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeRing(JsonGenerator g, double[] ring, ShapefileCrs.ToLonLat toLonLat) throws IOException {
        double[] lonLat = ring.clone();
        toLonLat.apply(lonLat);
        g.writeStartArray();
        for (int i = lonLat.length - 2; i >= 0; i -= 2) {
            g.writeStartArray();
            g.writeNumber(lonLat[i]);
            g.writeNumber(lonLat[i + 1]);
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** Shoelace area, positive for a counter-clockwise ring (x east, y north). */
    static double signedArea(double[] ring) {
        double sum = 0;
        int n = ring.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            sum += ring[2 * i] * ring[2 * j + 1] - ring[2 * j] * ring[2 * i + 1];
        }
        return sum / 2;
    }

    private static Coordinate[] coordinates(double[] ring) {
        Coordinate[] cs = new Coordinate[ring.length / 2];
        for (int i = 0; i < cs.length; i++) cs[i] = new Coordinate(ring[2 * i], ring[2 * i + 1]);
        return cs;
    }
}
