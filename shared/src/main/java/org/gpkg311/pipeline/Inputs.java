package org.gpkg311.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.profile.CityProfile;
import org.gpkg311.read.RawSource;
import org.gpkg311.storage.Storage;
import org.gpkg311.storage.StoredObject;
import org.gpkg311.storage.Storages;

/**
 * The raw objects and the district polygons of a run, found from location strings.
 *
 * <p>A location is a single file, or a storage root laid out like the bucket ({@code raw/311/…},
 * {@code reference/…}); a root without any object under the raw prefix contributes all its files
 * except those under the reference prefix, unless it is the earlier pipeline's bucket
 * ({@link EarlierPipelineLayout}). The districts are, in order: an explicit file, the
 * profile's districts key in the first location that has it, any GeoJSON under the reference prefix,
 * else the bundled 2022 Nashville districts.
 */
public record Inputs(List<RawSource> raw, RawSource districts) {

    public static final String BUNDLED_DISTRICTS = "/sample/council-districts-2022.geojson";

    public static Inputs resolve(List<String> locations, String districtsFile, CityProfile profile) throws IOException {
        List<RawSource> raw = new ArrayList<>();
        RawSource districts = districtsFile == null ? null : RawSource.of(Path.of(districtsFile));
        var layout = profile.storage();
        for (String location : locations) {
            if (!location.startsWith("s3://") && Files.isRegularFile(Path.of(location))) {
                raw.add(RawSource.of(Path.of(location)));
                continue;
            }
            Storage storage = Storages.at(location);
            List<StoredObject> objects = storage.list(layout.rawPrefix());
            EarlierPipelineLayout earlier = objects.isEmpty() ? EarlierPipelineLayout.find(storage, profile) : null;
            if (earlier != null) {
                raw.add(earlier.requests());
                if (districts == null) districts = earlier.districts();
            }
            if (objects.isEmpty() && earlier == null) {
                objects = storage.list("").stream()
                        .filter(o -> !o.key().startsWith(layout.referencePrefix()))
                        .filter(o -> !isHidden(o.key()))
                        .toList();
            }
            for (StoredObject o : objects) {
                if (!isHidden(o.key())) raw.add(source(storage, o.key()));
            }
            if (districts == null) districts = findDistricts(storage, profile);
        }
        if (raw.isEmpty()) throw new IOException("no raw 311 objects found in " + locations);
        if (districts == null) districts = bundledDistricts();
        return new Inputs(List.copyOf(raw), districts);
    }

    public static RawSource bundledDistricts() {
        return new RawSource("bundled:" + BUNDLED_DISTRICTS.substring(1), () -> {
            var in = Inputs.class.getResourceAsStream(BUNDLED_DISTRICTS);
            if (in == null) throw new IOException("bundled districts missing from the classpath: " + BUNDLED_DISTRICTS);
            return in;
        });
    }

    private static RawSource findDistricts(Storage storage, CityProfile profile) throws IOException {
        var layout = profile.storage();
        if (layout.districtsKey() != null && storage.exists(layout.districtsKey())) {
            return source(storage, layout.districtsKey());
        }
        for (StoredObject o : storage.list(layout.referencePrefix())) {
            String k = o.key().toLowerCase(java.util.Locale.ROOT);
            if (k.endsWith(".geojson") || k.endsWith(".json")) return source(storage, o.key());
        }
        return null;
    }

    private static RawSource source(Storage storage, String key) {
        return new RawSource(storage.nameOf(key), () -> storage.open(key));
    }

    /** Dot files and folders (editor backups, our own temporary uploads) are never data. */
    private static boolean isHidden(String key) {
        for (String part : key.split("/")) if (part.startsWith(".")) return true;
        return false;
    }
}
