package org.gpkg311.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
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
 * download is never held whole. The point geometry fills latitude/longitude when the attributes lack them.
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
        long features = 0;
        boolean webMercator = false;
        boolean sawFeatures = false;
        JsonParser p = FACTORY.createParser(in);
        try {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                // Socrata SODA API page: a bare array of flat records
                features = readFeatures(name, p, sink, progress, false);
                return features;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new InputFormatException(name, p.currentTokenLocation().getLineNr(), null,
                        "a JSON source must be an object (an ArcGIS query page or a GeoJSON FeatureCollection)"
                                + " or an array of records");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "error" -> {
                        JsonNode err = MAPPER.readTree(p);
                        throw new InputFormatException(name, p.currentTokenLocation().getLineNr(), "error",
                                "the service returned an error instead of features: " + err.path("code").asText("?")
                                        + " " + err.path("message").asText(""));
                    }
                    case "spatialReference" -> {
                        JsonNode sr = MAPPER.readTree(p);
                        int wkid = sr.path("latestWkid").asInt(sr.path("wkid").asInt(4326));
                        webMercator = wkid == 3857 || wkid == 102100 || wkid == 102113;
                    }
                    case "features" -> {
                        sawFeatures = true;
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw new InputFormatException(name, p.currentTokenLocation().getLineNr(), "features",
                                    "'features' is not an array");
                        }
                        features = readFeatures(name, p, sink, progress, webMercator);
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
        if (!sawFeatures) {
            throw new InputFormatException(name, 1, "features",
                    "no 'features' array: not an ArcGIS query page or a GeoJSON FeatureCollection");
        }
        return features;
    }

    /** Reads the array at the parser's current START_ARRAY, one feature (or flat record) at a time. */
    private long readFeatures(String name, JsonParser p, RowSink sink, RequestReader.ProgressTracker progress,
                              boolean webMercator) throws IOException {
        long features = 0;
        Map<String, Field> columnOfKey = null;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long line = p.currentTokenLocation().getLineNr();
            progress.at(features);
            JsonNode feature = MAPPER.readTree(p);
            features++;
            if (columnOfKey == null) columnOfKey = mapKeys(name, line, features, feature);
            sink.accept(new RawRow(name, features, values(feature, columnOfKey, webMercator)));
        }
        progress.at(features);
        return features;
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

    private static Map<Field, Object> values(JsonNode feature, Map<String, Field> columnOfKey, boolean webMercator) {
        Map<Field, Object> values = new EnumMap<>(Field.class);
        JsonNode attrs = attributes(feature);
        if (attrs != null && attrs.isObject()) {
            for (var e : columnOfKey.entrySet()) {
                Object v = scalar(attrs.get(e.getKey()));
                if (v != null) values.put(e.getValue(), v);
            }
        }
        if (!values.containsKey(Field.LATITUDE) && !values.containsKey(Field.LONGITUDE)) {
            double[] lonLat = point(feature.get("geometry"), webMercator);
            if (lonLat != null) {
                values.put(Field.LONGITUDE, lonLat[0]);
                values.put(Field.LATITUDE, lonLat[1]);
            }
        }
        return values;
    }

    private static Object scalar(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isIntegralNumber()) return v.longValue();
        if (v.isNumber()) return v.doubleValue();
        if (v.isBoolean()) return v.booleanValue();
        if (v.isTextual()) return v.textValue();
        return v.toString();
    }

    /** lon/lat of an ArcGIS {x, y} or a GeoJSON Point, or null. */
    private static double[] point(JsonNode g, boolean webMercator) {
        if (g == null || !g.isObject()) return null;
        if (g.has("x") && g.has("y") && g.get("x").isNumber() && g.get("y").isNumber()) {
            double x = g.get("x").doubleValue(), y = g.get("y").doubleValue();
            if (webMercator) {
                double lon = Math.toDegrees(x / EARTH_RADIUS_WEB_MERCATOR);
                double lat = Math.toDegrees(2 * Math.atan(Math.exp(y / EARTH_RADIUS_WEB_MERCATOR)) - Math.PI / 2);
                return new double[] {lon, lat};
            }
            return new double[] {x, y};
        }
        JsonNode c = g.get("coordinates");
        if ("Point".equals(g.path("type").asText()) && c != null && c.isArray() && c.size() >= 2
                && c.get(0).isNumber() && c.get(1).isNumber()) {
            return new double[] {c.get(0).doubleValue(), c.get(1).doubleValue()};
        }
        return null;
    }
}
