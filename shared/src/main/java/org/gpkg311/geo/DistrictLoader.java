package org.gpkg311.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.gpkg311.model.District;
import org.gpkg311.read.RunRefusedException;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads council districts from a GeoJSON FeatureCollection (lon/lat, RFC 7946) into {@link District} records sorted by
 * id: MultiPolygon geometry (a Polygon is wrapped) with SRID 4326, geodesic area, and the spec's centroid (centroid on
 * the LAEA plane of all districts, or an interior point when that centroid is outside the polygon). Any defect is
 * reported with the source name, the feature index and the field, so a bad upload can be fixed without a debugger.
 */
public final class DistrictLoader {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** "19", "+19", "19.0", "-3": integer text, optionally with a zero fraction. */
    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d{1,10}(\\.0*)?");
    private static final GeometryFactory LON_LAT = new GeometryFactory(new PrecisionModel(), 4326);
    /** Largest share of the smaller district that two districts may have in common (boundary slivers). */
    static final double MAX_OVERLAP = 0.01;

    /** DE-9IM pattern: the interiors of the two geometries intersect. */
    private static final String INTERIORS_MEET = "T********";

    private DistrictLoader() {
    }

    /**
     * @throws IOException              when the stream is not JSON
     * @throws RunRefusedException      when two districts overlap by more than a boundary sliver
     * @throws IllegalArgumentException when the JSON is not a usable district FeatureCollection (message names the
     *                                  source, feature index and field)
     */
    public static List<District> load(InputStream geojson, String sourceName, DistrictFields fields) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(geojson);
        } catch (JsonProcessingException ex) {
            throw new IOException(sourceName + ": not valid JSON: " + ex.getOriginalMessage(), ex);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText(null))) {
            throw new IllegalArgumentException(sourceName + ": not a GeoJSON FeatureCollection");
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray() || features.isEmpty()) {
            throw new IllegalArgumentException(sourceName + ": FeatureCollection has no features");
        }

        List<Parsed> parsed = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            Parsed p = parseFeature(features.get(i), sourceName, i, fields);
            if (!ids.add(p.id)) {
                throw new IllegalArgumentException(where(sourceName, i, fields.idField()) + "duplicate district id " + p.id);
            }
            parsed.add(p);
        }

        refuseOverlaps(parsed, sourceName, fields);

        // The plane is shared by all districts: centred on the centre of their joint bounding box.
        Envelope box = new Envelope();
        parsed.forEach(p -> box.expandToInclude(p.geometry.getEnvelopeInternal()));
        LaeaPlane plane = LaeaPlane.centredOn(box);

        List<District> districts = new ArrayList<>(parsed.size());
        for (Parsed p : parsed) {
            Coordinate centre = representativePoint(p.geometry, plane);
            districts.add(new District(p.id, p.name, p.representative, p.geometry,
                    Geodesy.areaSqKm(p.geometry), centre.x, centre.y));
        }
        districts.sort(Comparator.comparingInt(District::id));
        return List.copyOf(districts);
    }

    /**
     * Refuses two districts whose common area is more than {@link #MAX_OVERLAP} of the smaller one: a point there
     * would belong to both (a duplicated or mis-drawn polygon). Neighbours that share a boundary overlap by a sliver
     * at most and pass. Only pairs whose envelopes meet (an STR-tree query) and whose interiors meet are
     * intersected: polygons whose interiors are disjoint share no area, and neighbours drawn on one boundary (88 of
     * the 89 neighbouring pairs of the 2022 plan) only touch, which a prepared relate tells far quicker than an overlay.
     */
    static void refuseOverlaps(List<Parsed> parsed, String source, DistrictFields fields) throws RunRefusedException {
        STRtree tree = new STRtree();
        for (int i = 0; i < parsed.size(); i++) tree.insert(parsed.get(i).geometry.getEnvelopeInternal(), i);
        for (int i = 0; i < parsed.size(); i++) {
            Parsed a = parsed.get(i);
            RelateNG prepared = RelateNG.prepare(a.geometry);
            for (Object hit : tree.query(a.geometry.getEnvelopeInternal())) {
                int j = (Integer) hit;
                if (j <= i) continue;
                Parsed b = parsed.get(j);
                if (!prepared.evaluate(b.geometry, RelatePredicate.matches(INTERIORS_MEET))) continue;
                double common = OverlayNGRobust.overlay(a.geometry, b.geometry, OverlayNG.INTERSECTION).getArea();
                Parsed smaller = a.geometry.getArea() <= b.geometry.getArea() ? a : b;
                double share = common / smaller.geometry.getArea();
                if (share > MAX_OVERLAP) {
                    throw new RunRefusedException(source, source + ": districts " + a.id + " and " + b.id + " (features "
                            + i + " and " + j + ", field " + fields.idField() + ") overlap by "
                            + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * share) + " of district " + smaller.id
                            + "'s area (more than " + Math.round(100 * MAX_OVERLAP) + "% is not a shared boundary):"
                            + " a duplicated or mis-drawn polygon; points there would count for both");
                }
            }
        }
    }

    /**
     * Centroid on the LAEA plane, or the plane's interior point when the centroid is not inside the polygon; the
     * result is checked once more in lon/lat (edges are straight in a different space) and falls back to the lon/lat
     * interior point, so the point is always inside the polygon as the layer stores it.
     */
    static Coordinate representativePoint(MultiPolygon lonLat, LaeaPlane plane) {
        Geometry projected = plane.project(lonLat);
        Point centroid = projected.getCentroid();
        if (projected.contains(centroid)) {
            Coordinate c = plane.inverse(centroid.getX(), centroid.getY());
            if (lonLat.contains(LON_LAT.createPoint(c))) {
                return c;
            }
        }
        Coordinate interior = InteriorPointArea.getInteriorPoint(projected);
        Coordinate c = plane.inverse(interior.x, interior.y);
        if (lonLat.contains(LON_LAT.createPoint(c))) {
            return c;
        }
        return InteriorPointArea.getInteriorPoint(lonLat);
    }

    private record Parsed(int id, String name, String representative, MultiPolygon geometry) {
    }

    private static Parsed parseFeature(JsonNode feature, String source, int index, DistrictFields fields) {
        if (feature == null || !feature.isObject() || !"Feature".equals(feature.path("type").asText(null))) {
            throw new IllegalArgumentException(where(source, index, "type") + "not a GeoJSON Feature");
        }
        JsonNode props = feature.get("properties");
        if (props == null || !props.isObject()) {
            throw new IllegalArgumentException(where(source, index, "properties") + "missing properties object");
        }
        int id = parseId(props.get(fields.idField()), source, index, fields.idField());
        String name = optionalText(props, fields.nameField());
        String representative = optionalText(props, fields.representativeField());
        MultiPolygon geometry = parseGeometry(feature.get("geometry"), source, index);
        return new Parsed(id, name, representative, geometry);
    }

    /** 19, 19.0 and "19" all mean district 19; anything else (19.5, "D19", null, missing) is an error. */
    static int parseId(JsonNode v, String source, int index, String field) {
        String problem;
        if (v == null || v.isNull() || v.isMissingNode()) {
            problem = "district id is missing";
        } else if (v.isNumber()) {
            double d = v.asDouble();
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
            problem = "district id is not an integer: " + v.asText();
        } else if (v.isTextual()) {
            String t = v.asText().trim();
            if (INTEGER_TEXT.matcher(t).matches()) {
                double d = Double.parseDouble(t);
                if (Math.abs(d) <= Integer.MAX_VALUE) {
                    return (int) d;
                }
            }
            problem = "district id is not an integer: \"" + v.asText() + "\"";
        } else {
            problem = "district id has JSON type " + v.getNodeType();
        }
        throw new IllegalArgumentException(where(source, index, field) + problem);
    }

    private static String optionalText(JsonNode props, String field) {
        if (field == null) {
            return null;
        }
        JsonNode v = props.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static MultiPolygon parseGeometry(JsonNode g, String source, int index) {
        if (g == null || g.isNull()) {
            throw new IllegalArgumentException(where(source, index, "geometry") + "missing geometry");
        }
        String type = g.path("type").asText("");
        JsonNode coords = g.get("coordinates");
        if (coords == null || !coords.isArray()) {
            throw new IllegalArgumentException(where(source, index, "geometry.coordinates") + "missing coordinates");
        }
        Polygon[] polygons = switch (type) {
            case "Polygon" -> new Polygon[] {polygon(coords, source, index, "geometry.coordinates")};
            case "MultiPolygon" -> {
                if (coords.isEmpty()) {
                    throw new IllegalArgumentException(where(source, index, "geometry.coordinates") + "empty MultiPolygon");
                }
                Polygon[] ps = new Polygon[coords.size()];
                for (int p = 0; p < ps.length; p++) {
                    ps[p] = polygon(coords.get(p), source, index, "geometry.coordinates[" + p + "]");
                }
                yield ps;
            }
            default -> throw new IllegalArgumentException(where(source, index, "geometry.type")
                    + "expected Polygon or MultiPolygon, got \"" + type + "\"");
        };
        MultiPolygon multi = LON_LAT.createMultiPolygon(polygons);
        // Self-intersections or overlapping parts would make areas and the point join unreliable: reject them.
        TopologyValidationError error = new IsValidOp(multi).getValidationError();
        if (error != null) {
            throw new IllegalArgumentException(where(source, index, "geometry") + "invalid polygon: "
                    + error.getMessage() + " at " + error.getCoordinate().x + ", " + error.getCoordinate().y);
        }
        return multi;
    }

    private static Polygon polygon(JsonNode rings, String source, int index, String path) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException(where(source, index, path) + "polygon has no rings");
        }
        LinearRing shell = ring(rings.get(0), source, index, path + "[0]");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int r = 1; r < rings.size(); r++) {
            holes[r - 1] = ring(rings.get(r), source, index, path + "[" + r + "]");
        }
        return LON_LAT.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, String source, int index, String path) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new IllegalArgumentException(where(source, index, path) + "a ring needs at least 4 positions");
        }
        Coordinate[] cs = new Coordinate[positions.size()];
        for (int k = 0; k < cs.length; k++) {
            JsonNode pos = positions.get(k);
            if (!pos.isArray() || pos.size() < 2 || !pos.get(0).isNumber() || !pos.get(1).isNumber()) {
                throw new IllegalArgumentException(where(source, index, path + "[" + k + "]") + "position is not [lon, lat]");
            }
            double lon = pos.get(0).asDouble();
            double lat = pos.get(1).asDouble();
            if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
                throw new IllegalArgumentException(where(source, index, path + "[" + k + "]")
                        + "not a lon/lat position: [" + lon + ", " + lat + "] (GeoJSON must be WGS84 degrees)");
            }
            cs[k] = new Coordinate(lon, lat);
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new IllegalArgumentException(where(source, index, path) + "ring is not closed");
        }
        return LON_LAT.createLinearRing(cs);
    }

    private static String where(String source, int index, String field) {
        return source + ": feature " + index + ", " + field + ": ";
    }
}
