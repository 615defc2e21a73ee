package org.gpkg311.pipeline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gpkg311.geo.ShapefileDistricts;
import org.gpkg311.geo.ShapefileParts;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.read.RawSource;
import org.gpkg311.storage.Storage;
import org.gpkg311.storage.StoredObject;

/**
 * The bucket of the earlier Python pipeline, read as it is (architecture.md, "Reading the original pipeline's
 * bucket"): {@code processed-data/*.parquet}, of which the newest by LastModified is the current data, and the
 * district shapefile set under {@code boundaries/nashvilleCouncilDistricts/}. Used only where nothing lies under
 * the raw prefix, so a bucket that both pipelines feed is read the new way.
 *
 * @param requests  the newest Parquet object
 * @param districts the district shapefile as the GeoJSON the district loader reads, or null when there is none
 */
public record EarlierPipelineLayout(RawSource requests, RawSource districts) {

    static final String PROCESSED_PREFIX = "processed-data/";
    static final String BOUNDARIES_PREFIX = "boundaries/nashvilleCouncilDistricts/";

    /** The layout at {@code storage}'s root, or null when it holds no {@code processed-data/*.parquet}. */
    public static EarlierPipelineLayout find(Storage storage, CityProfile profile) throws IOException {
        StoredObject newest = storage.list(PROCESSED_PREFIX).stream()
                .filter(o -> extension(o.key()).equals("parquet") && o.key().indexOf('/', PROCESSED_PREFIX.length()) < 0)
                .max(Comparator.comparing(StoredObject::lastModified).thenComparing(StoredObject::key))
                .orElse(null);
        if (newest == null) return null;
        RawSource requests = new RawSource(storage.nameOf(newest.key()), () -> storage.open(newest.key()));
        return new EarlierPipelineLayout(requests, shapefile(storage, profile));
    }

    private static RawSource shapefile(Storage storage, CityProfile profile) throws IOException {
        Map<String, Map<String, String>> keysByBase = new HashMap<>(); // base name → extension → key
        for (StoredObject o : storage.list(BOUNDARIES_PREFIX)) {
            String k = o.key();
            int dot = k.lastIndexOf('.');
            if (dot < 0 || k.indexOf('/', BOUNDARIES_PREFIX.length()) >= 0) continue;
            keysByBase.computeIfAbsent(k.substring(0, dot), b -> new HashMap<>()).put(extension(k), k);
        }
        List<String> bases = keysByBase.entrySet().stream().filter(e -> e.getValue().containsKey("shp"))
                .map(Map.Entry::getKey).sorted().toList();
        if (bases.isEmpty()) return null;
        if (bases.size() > 1) {
            throw new IllegalArgumentException(storage.nameOf(BOUNDARIES_PREFIX) + ": " + bases.size()
                    + " shapefiles (" + String.join(", ", bases) + "); the district boundaries must be one");
        }
        String base = bases.get(0);
        Map<String, String> keys = keysByBase.get(base);
        ShapefileParts parts = new ShapefileParts() {
            @Override
            public String name(String extension) {
                return storage.nameOf(keys.getOrDefault(extension, base + "." + extension));
            }

            @Override
            public InputStream open(String extension) throws IOException {
                String key = keys.get(extension);
                return key == null ? null : storage.open(key);
            }
        };
        return new RawSource(parts.name("shp"),
                () -> new ByteArrayInputStream(ShapefileDistricts.toGeoJson(parts, profile.toDistrictFields())));
    }

    private static String extension(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
