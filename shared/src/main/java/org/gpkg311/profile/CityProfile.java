package org.gpkg311.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.gpkg311.geo.DistrictFields;

/**
 * Everything city-specific, loaded from a JSON profile: another city is another profile file, not code.
 *
 * @param city              display name of the city
 * @param timeZone          the city's zone, for local days and hours (Nashville: America/Chicago)
 * @param sourceTimeZone    zone of text timestamps that carry no zone (Nashville's exports: UTC)
 * @param timestampPatterns accepted text timestamp patterns ({@link java.time.format.DateTimeFormatter} syntax,
 *                          or the word {@code ISO} for ISO-8601 with or without 'T', fraction and zone);
 *                          all-digit values are always read as epoch milliseconds
 * @param columns           canonical field key (see {@link Field#key()}) → column aliases, first match wins;
 *                          aliases are compared after {@link HeaderNames#normalise}
 * @param closedStatuses    status texts meaning "closed" (case-insensitive)
 * @param districtFields    property names of the district polygons
 * @param districtIds       the valid district numbers
 * @param bbox              generous lon/lat box around the city: points outside are implausible
 * @param storage           default bucket and prefixes
 * @param inputLimits       bounds on each raw object (size, decompression ratio); absent fields take the defaults
 * @param featureService    the city's live 311 layer that the ingest pulls, or null when the city has none
 */
public record CityProfile(String city, String timeZone, String sourceTimeZone, List<String> timestampPatterns,
                          Map<String, List<String>> columns, List<String> closedStatuses,
                          DistrictProperties districtFields, DistrictIds districtIds, BoundingBox bbox,
                          StorageLayout storage, InputLimits inputLimits, FeatureService featureService) {

    /** Property names of the district polygons; {@code representative} may be null. */
    public record DistrictProperties(String id, String name, String representative) {}

    /** Valid district numbers: the closed range min..max, or the explicit list when given. */
    public record DistrictIds(Integer min, Integer max, List<Integer> list) {
        public boolean contains(int id) {
            if (list != null && !list.isEmpty()) return list.contains(id);
            return min != null && max != null && id >= min && id <= max;
        }
    }

    /** A lon/lat box; a point on its edge is inside. */
    public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {
        public boolean contains(double lon, double lat) {
            return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
        }
    }

    /**
     * An ArcGIS FeatureServer layer of the city's requests.
     *
     * @param url           the layer, ending in {@code /FeatureServer/<n>}
     * @param openedField   the layer's date field of the opening time (epoch ms UTC), queried server-side
     * @param objectIdField the layer's object id, the stable paging order
     */
    public record FeatureService(String url, String openedField, String objectIdField) {}

    /** Where a run finds its inputs by default. */
    public record StorageLayout(String bucket, String rawPrefix, String referencePrefix, String districtsKey) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public CityProfile {
        require(city, "city");
        require(timeZone, "timeZone");
        require(sourceTimeZone, "sourceTimeZone");
        ZoneId.of(timeZone);
        ZoneId.of(sourceTimeZone);
        timestampPatterns = List.copyOf(timestampPatterns == null ? List.of("ISO") : timestampPatterns);
        if (columns == null) throw new IllegalArgumentException("city profile: 'columns' is missing");
        Map<String, List<String>> normalised = new LinkedHashMap<>();
        for (var e : columns.entrySet()) {
            Field.byKey(e.getKey());
            List<String> aliases = new ArrayList<>();
            for (String a : e.getValue()) aliases.add(HeaderNames.normalise(a));
            normalised.put(e.getKey(), List.copyOf(aliases));
        }
        for (Field required : List.of(Field.REQUEST_ID, Field.OPENED_AT)) {
            if (normalised.getOrDefault(required.key(), List.of()).isEmpty())
                throw new IllegalArgumentException("city profile: no column alias for '" + required.key() + "'");
        }
        columns = java.util.Collections.unmodifiableMap(normalised);
        closedStatuses = closedStatuses == null ? List.of()
                : closedStatuses.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        if (districtFields == null || districtFields.id() == null)
            throw new IllegalArgumentException("city profile: 'districtFields.id' is missing");
        if (districtIds == null) throw new IllegalArgumentException("city profile: 'districtIds' is missing");
        if (bbox == null) throw new IllegalArgumentException("city profile: 'bbox' is missing");
        if (storage == null) storage = new StorageLayout(null, "raw/311/", "reference/", "reference/council-districts.geojson");
        if (inputLimits == null) inputLimits = InputLimits.DEFAULTS;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("city profile: '" + name + "' is missing");
    }

    /** The default profile, bundled as {@code profiles/nashville.json}. */
    public static CityProfile nashville() {
        return bundled("nashville");
    }

    /** A profile bundled under {@code profiles/<name>.json}. */
    public static CityProfile bundled(String name) {
        try (InputStream in = CityProfile.class.getResourceAsStream("/profiles/" + name + ".json")) {
            if (in == null) throw new IllegalArgumentException("no bundled city profile '" + name + "'");
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CityProfile load(InputStream json) throws IOException {
        try {
            return JSON.readValue(json, CityProfile.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            throw new IllegalArgumentException(e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // one line, as every input error of the tool: where and what
            var at = e.getLocation();
            throw new IllegalArgumentException("city profile, line " + (at == null ? "?" : at.getLineNr()) + ": "
                    + e.getOriginalMessage().replaceAll("\\s*[\\r\\n]+\\s*", " "), e);
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public ZoneId sourceZone() {
        return ZoneId.of(sourceTimeZone);
    }

    /** Normalised aliases of one canonical field, in priority order (empty when the city has no such column). */
    public List<String> aliases(Field field) {
        return columns.getOrDefault(field.key(), List.of());
    }

    /**
     * Maps normalised column names to canonical fields: for each field, the first of its aliases present
     * among {@code normalisedHeaders} wins. Fields without a present alias are absent from the result.
     */
    public Map<Field, String> resolveColumns(Set<String> normalisedHeaders) {
        Map<Field, String> out = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            for (String alias : aliases(f)) {
                if (normalisedHeaders.contains(alias)) {
                    out.put(f, alias);
                    break;
                }
            }
        }
        return out;
    }

    public boolean isClosedStatus(String status) {
        return status != null && closedStatuses.contains(status.strip().toLowerCase(Locale.ROOT));
    }

    /** The district polygon fields in the form the district loader takes. */
    public DistrictFields toDistrictFields() {
        return new DistrictFields(districtFields.id(), districtFields.name(), districtFields.representative());
    }
}
