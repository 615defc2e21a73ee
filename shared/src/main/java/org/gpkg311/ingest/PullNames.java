package org.gpkg311.ingest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys of a pull: {@code <raw>/<profile>-<from>_<to>-<pulledAt>.json.gz} and its sidecar
 * {@code <raw>/.pulls/<profile>-<from>_<to>-<pulledAt>.meta.json}. The pulledAt stamp
 * ({@code 20251125T061502Z}) sorts as text, so the newest pull is the greatest.
 */
final class PullNames {

    static final String SIDECAR_FOLDER = ".pulls/";
    static final String DATA_SUFFIX = ".json.gz";
    static final String SIDECAR_SUFFIX = ".meta.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern TAIL = Pattern.compile("-\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}-(\\d{8}T\\d{6}Z)" + Pattern.quote(SIDECAR_SUFFIX));

    private final String rawPrefix;
    private final String profile;

    PullNames(String rawPrefix, String profile) {
        if (profile.isBlank() || profile.contains("/")) throw new IllegalArgumentException("not a profile name: '" + profile + "'");
        this.rawPrefix = rawPrefix;
        this.profile = profile;
    }

    String base(PullWindow w, Instant pulledAt) {
        return profile + "-" + w.from() + "_" + w.to() + "-" + STAMP.format(pulledAt);
    }

    String dataKey(String base) {
        return rawPrefix + base + DATA_SUFFIX;
    }

    String sidecarKey(String base) {
        return sidecarPrefix() + base + SIDECAR_SUFFIX;
    }

    /** Where this profile's sidecars are listed from. */
    String sidecarPrefix() {
        return rawPrefix + SIDECAR_FOLDER;
    }

    /** The pulledAt stamp of a sidecar key of this profile, or null for any other key. */
    String stampOf(String sidecarKey) {
        String prefix = sidecarPrefix() + profile;
        if (!sidecarKey.startsWith(prefix)) return null;
        Matcher m = TAIL.matcher(sidecarKey.substring(prefix.length()));
        return m.matches() ? m.group(1) : null;
    }
}
