package org.gpkg311.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.gpkg311.profile.CityProfile;
import org.gpkg311.profile.Field;
import org.gpkg311.profile.HeaderNames;

/**
 * ArcGIS FeatureServer query pages ({@code {"features":[{"attributes":{…},"geometry":{"x":…,"y":…}}],
 * "exceededTransferLimit":…}}, dates as epoch ms, {@code Council_District} as a double) and GeoJSON
 * FeatureCollections (properties + Point geometry), and Socrata SODA pages (a bare array of flat records,
 * the legacy portal API). Streamed feature by feature, so a large GeoJSON
 * download is never held whole. The point geometry fills latitude/longitude when the attributes lack them, in
 * the document's {@code spatialReference} wherever that key stands. A page cut at the server's transfer limit
 * ({@code exceededTransferLimit: true}) is refused: it is not the whole query result.
 */
final class JsonRequestReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final double EARTH_RADIUS_WEB_MERCATOR = 6378137.0;

    private final CityProfile profile;

    JsonRequestReader(CityProfile profile) {
        this.profile = profile;
    }

    long read(String name, InputStream in, RowSink sink, RequestReader.ProgressTracker progress) throws IOException {
        Document doc = new Document(name, sink);
        JsonParser p = FACTORY.createParser(in);
        try {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                // Socrata SODA API page: a bare array of flat records
                readFeatures(doc, p, progress);
                doc.finish();
                return doc.features;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new InputFormatException(name, p.currentTokenLocation().getLineNr(), null,
                        "a JSON source must be an object (an ArcGIS query page or a GeoJSON FeatureCollection)"
                                + " or an array of records");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                long line = p.currentTokenLocation().getLineNr();
                switch (key) {
                    case "error" -> {
                        JsonNode err = MAPPER.readTree(p);
                        throw new InputFormatException(name, line, "error",
                                "the service returned an error instead of features: " + err.path("code").asText("?")
                                        + " " + err.path("message").asText(""));
                    }
                    case "spatialReference" -> doc.spatialReference(MAPPER.readTree(p), line);
                    // f=json puts the flag at the top, f=geojson under "properties"
                    case "exceededTransferLimit" -> refuseIfIncomplete(name, line, MAPPER.readTree(p));
                    case "properties" -> refuseIfIncomplete(name, line, MAPPER.<JsonNode>readTree(p).path("exceededTransferLimit"));
                    case "features" -> {
                        doc.sawFeatures = true;
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw new InputFormatException(name, line, "features", "'features' is not an array");
                        }
                        readFeatures(doc, p, progress);
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String field = p.getParsingContext() == null ? null : p.getParsingContext().getCurrentName();
            throw new InputFormatException(name, loc == null ? 0 : loc.getLineNr(), field,
                    "invalid JSON after feature " + (progress.nextLine() - 1) + " (" + e.getOriginalMessage() + ")", e);
        }
        if (!doc.sawFeatures) {
            throw new InputFormatException(name, 1, "features",
                    "no 'features' array: not an ArcGIS query page or a GeoJSON FeatureCollection");
        }
        doc.finish();
        return doc.features;
    }

    /** A page cut at the server's transfer limit holds only some of the query's rows: reading it would lose the rest. */
    private static void refuseIfIncomplete(String name, long line, JsonNode flag) throws InputFormatException {
        if (flag.asBoolean(false)) {
            throw new InputFormatException(name, line, "exceededTransferLimit", "an incomplete query result"
                    + " (exceededTransferLimit is true: the server has more rows than this page);"
                    + " fetch every page (the ingest command does) and use the combined result");
        }
    }

    /** Reads the array at the parser's current START_ARRAY, one feature (or flat record) at a time. */
    private void readFeatures(Document doc, JsonParser p, RequestReader.ProgressTracker progress) throws IOException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long line = p.currentTokenLocation().getLineNr();
            progress.at(doc.features);
            JsonNode feature = MAPPER.readTree(p);
            if (doc.columnOfKey == null) doc.columnOfKey = mapKeys(doc.name, line, doc.features + 1, feature);
            doc.accept(feature, line);
        }
        progress.at(doc.features);
    }

    /**
     * The state of one document. An ArcGIS x/y point means nothing until the document's spatialReference is
     * known, and that key may follow "features": rows needing their geometry are then held back (from the first
     * such row on, so the sink still sees the document's order) until the reference or the end arrives. Rows
     * carrying Latitude/Longitude attributes (the city's layer always does) never wait.
     */
    private final class Document {
        final String name;
        final RowSink sink;
        Map<String, Field> columnOfKey;
        boolean sawFeatures;
        long features;
        /** The top-level spatialReference, or null while none has been read. */
        PointReference reference;
        final List<Held> held = new ArrayList<>();

        Document(String name, RowSink sink) {
            this.name = name;
            this.sink = sink;
        }

        void spatialReference(JsonNode sr, long line) throws InputFormatException {
            reference = PointReference.of(sr, name, line);
            flush();
        }

        void accept(JsonNode feature, long line) throws InputFormatException {
            features++;
            Map<Field, Object> values = values(feature, columnOfKey);
            JsonNode g = feature.get("geometry");
            double[] xy = needsGeometry(values) ? xy(g) : null;
            PointReference own = xy != null && g.has("spatialReference")
                    ? PointReference.of(g.get("spatialReference"), name, line) : null;
            Held row = new Held(new RawRow(name, features, values), xy, own);
            if (xy != null && own == null && reference == null) held.add(row);
            else if (!held.isEmpty()) held.add(row);
            else emit(row, reference);
        }

        /** End of the document: rows still held had no spatialReference anywhere, so their x/y are lon/lat. */
        void finish() {
            if (reference == null) reference = PointReference.LON_LAT;
            flush();
        }

        private void flush() {
            for (Held h : held) emit(h, reference);
            held.clear();
        }

        private void emit(Held h, PointReference documentReference) {
            if (h.xy != null) {
                PointReference ref = h.own != null ? h.own : documentReference == null ? PointReference.LON_LAT
                        : documentReference;
                double[] lonLat = ref.toLonLat(h.xy);
                h.row.values().put(Field.LONGITUDE, lonLat[0]);
                h.row.values().put(Field.LATITUDE, lonLat[1]);
            }
            sink.accept(h.row);
        }
    }

    /** A row read, with the x/y it still has to turn into lon/lat (null when it needs none). */
    private record Held(RawRow row, double[] xy, PointReference own) {
    }

    /** The spatial references an ArcGIS page's points come in: lon/lat degrees or Web Mercator metres. */
    private enum PointReference {
        LON_LAT, WEB_MERCATOR;

        static PointReference of(JsonNode sr, String name, long line) throws InputFormatException {
            if (sr == null || !sr.isObject() || sr.isEmpty()) return LON_LAT;
            int wkid = sr.path("latestWkid").asInt(sr.path("wkid").asInt(4326));
            return switch (wkid) {
                case 4326, 4269 -> LON_LAT; // WGS 84, NAD83 (the two differ by about a metre)
                case 3857, 102100, 102113, 900913 -> WEB_MERCATOR;
                default -> throw new InputFormatException(name, line, "spatialReference", "wkid " + wkid
                        + " is not supported for point geometry (only 4326 lon/lat and 3857/102100 Web Mercator);"
                        + " query the service with outSR=4326");
            };
        }

        double[] toLonLat(double[] xy) {
            if (this == LON_LAT) return xy;
            double lon = Math.toDegrees(xy[0] / EARTH_RADIUS_WEB_MERCATOR);
            double lat = Math.toDegrees(2 * Math.atan(Math.exp(xy[1] / EARTH_RADIUS_WEB_MERCATOR)) - Math.PI / 2);
            return new double[] {lon, lat};
        }
    }

    /** The attribute object of an ArcGIS feature, the properties of a GeoJSON feature, or a flat record itself. */
    private static JsonNode attributes(JsonNode feature) {
        JsonNode a = feature.get("attributes");
        if (a == null || a.isNull()) a = feature.get("properties");
        if ((a == null || a.isNull()) && !feature.has("geometry")) a = feature;
        return a;
    }

    /** Maps the attribute keys of the first feature; the request id and open time must be among them. */
    private Map<String, Field> mapKeys(String name, long line, long featureNo, JsonNode feature) throws InputFormatException {
        JsonNode attrs = attributes(feature);
        Map<String, String> byNormalised = new HashMap<>();
        if (attrs != null && attrs.isObject()) {
            for (Iterator<String> it = attrs.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                byNormalised.putIfAbsent(HeaderNames.normalise(k), k);
            }
        }
        Map<Field, String> resolved = profile.resolveColumns(byNormalised.keySet());
        for (Field required : new Field[] {Field.REQUEST_ID, Field.OPENED_AT}) {
            if (!resolved.containsKey(required)) {
                throw new InputFormatException(name, line, required.key(), "feature " + featureNo
                        + " has no attribute for " + required.key() + " (looked for " + profile.aliases(required)
                        + "; attributes: "
                        + InputFormatException.abbreviate(String.join(", ", byNormalised.values()), 300) + ")");
            }
        }
        Map<String, Field> out = new HashMap<>();
        resolved.forEach((f, normalised) -> out.put(byNormalised.get(normalised), f));
        return out;
    }

    private static Map<Field, Object> values(JsonNode feature, Map<String, Field> columnOfKey) {
        Map<Field, Object> values = new EnumMap<>(Field.class);
        JsonNode attrs = attributes(feature);
        if (attrs != null && attrs.isObject()) {
            for (var e : columnOfKey.entrySet()) {
                Object v = scalar(attrs.get(e.getKey()));
                if (v != null) values.put(e.getValue(), v);
            }
        }
        if (needsGeometry(values)) {
            double[] lonLat = geoJsonPoint(feature.get("geometry"));
            if (lonLat != null) {
                values.put(Field.LONGITUDE, lonLat[0]);
                values.put(Field.LATITUDE, lonLat[1]);
            }
        }
        return values;
    }

    /** The point geometry fills latitude/longitude only when the attributes lack both. */
    private static boolean needsGeometry(Map<Field, Object> values) {
        return !values.containsKey(Field.LATITUDE) && !values.containsKey(Field.LONGITUDE);
    }

    private static Object scalar(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isIntegralNumber()) return v.longValue();
        if (v.isNumber()) return v.doubleValue();
        if (v.isBoolean()) return v.booleanValue();
        if (v.isTextual()) return v.textValue();
        return v.toString();
    }

    /** x, y of an ArcGIS point geometry, or null. */
    private static double[] xy(JsonNode g) {
        if (g == null || !g.isObject()) return null;
        JsonNode x = g.get("x"), y = g.get("y");
        if (x == null || y == null || !x.isNumber() || !y.isNumber()) return null;
        return new double[] {x.doubleValue(), y.doubleValue()};
    }

    /** lon/lat of a GeoJSON Point (always WGS 84 degrees, RFC 7946), or null. */
    private static double[] geoJsonPoint(JsonNode g) {
        if (g == null || !g.isObject()) return null;
        JsonNode c = g.get("coordinates");
        if ("Point".equals(g.path("type").asText()) && c != null && c.isArray() && c.size() >= 2
                && c.get(0).isNumber() && c.get(1).isNumber()) {
            return new double[] {c.get(0).doubleValue(), c.get(1).doubleValue()};
        }
        return null;
    }
}
