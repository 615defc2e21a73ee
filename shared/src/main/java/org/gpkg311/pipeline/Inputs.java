package org.gpkg311.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.profile.CityProfile;
import org.gpkg311.read.RawSource;
import org.gpkg311.read.RunRefusedException;
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
 * else the bundled 2022 Nashville districts. A listed key that is not a clean relative key is never read: it
 * is kept in {@link #raw()} as a {@linkplain RawSource#skipped skipped} source, which the snapshot's data-quality
 * report names.
 */
public record Inputs(List<RawSource> raw, RawSource districts) {

    public static final String BUNDLED_DISTRICTS = "/sample/council-districts-2022.geojson";
    private static final String NOT_CLEAN = "not a clean relative key";

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
                // checked before the hidden test: "raw/311/../x.csv" has a dot segment but is not a dot file
                if (!isCleanKey(o.key())) raw.add(RawSource.skipped(storage.nameOf(o.key()), NOT_CLEAN));
                else if (!isHidden(o.key())) raw.add(source(storage, o.key()));
            }
            if (districts == null) districts = findDistricts(storage, profile, raw);
        }
        if (raw.isEmpty()) throw new IOException("no raw 311 objects found in " + locations);
        if (raw.stream().allMatch(RawSource::isSkipped)) {
            throw new RunRefusedException(String.valueOf(locations), "run refused: no readable raw 311 object in "
                    + locations + ", every key is skipped: " + raw.stream().map(RawSource::skipNote).toList());
        }
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

    /** The districts of a storage root; a reference key that is not clean is added to {@code skipped}, not used. */
    private static RawSource findDistricts(Storage storage, CityProfile profile, List<RawSource> skipped)
            throws IOException {
        var layout = profile.storage();
        if (layout.districtsKey() != null && storage.exists(layout.districtsKey())) {
            return source(storage, layout.districtsKey());
        }
        for (StoredObject o : storage.list(layout.referencePrefix())) {
            if (!isCleanKey(o.key())) {
                skipped.add(RawSource.skipped(storage.nameOf(o.key()), NOT_CLEAN));
                continue;
            }
            String k = o.key().toLowerCase(java.util.Locale.ROOT);
            if (k.endsWith(".geojson") || k.endsWith(".json")) return source(storage, o.key());
        }
        return null;
    }

    private static RawSource source(Storage storage, String key) {
        return new RawSource(storage.nameOf(key), () -> storage.open(key));
    }

    /**
     * A key the run may read: '/'-separated segments, none empty (no leading, trailing or double slash), none "." or
     * "..", no backslash and no control character. Anything else (an S3 key such as {@code raw/311//x.csv}, a local
     * file name with a backslash) is skipped with a data-quality note rather than read under another name.
     */
    static boolean isCleanKey(String key) {
        if (key.isEmpty()) return false;
        for (String part : key.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\' || Character.isISOControl(c)) return false;
        }
        return true;
    }

    /** Dot files and folders (editor backups, our own temporary uploads) are never data. */
    private static boolean isHidden(String key) {
        for (String part : key.split("/")) if (part.startsWith(".")) return true;
        return false;
    }
}
