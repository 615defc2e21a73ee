package org.gpkg311.profile;

/**
 * Bounds on one raw object, so that a runaway export or a decompression bomb fails within seconds, naming the object
 * and the limit, instead of running the fan-out past its timeout. Every field is optional in the profile JSON
 * ({@code "inputLimits": {...}}); an absent one takes the default.
 *
 * @param maxBytesPerObject    most bytes one object may yield after decompression (default 2 GiB)
 * @param maxCompressionRatio  most uncompressed bytes per compressed byte of a gzip object (default 200; real 311
 *                             CSV exports compress about 5 to 15 times)
 * @param ratioCheckAfterBytes uncompressed bytes read before the ratio is checked, so that a small, very regular
 *                             file is not refused (default 8 MiB)
 */
public record InputLimits(Long maxBytesPerObject, Integer maxCompressionRatio, Long ratioCheckAfterBytes) {

    public static final long DEFAULT_MAX_BYTES = 2L << 30;
    public static final int DEFAULT_MAX_RATIO = 200;
    public static final long DEFAULT_RATIO_CHECK_AFTER = 8L << 20;

    /** The profile field that names each limit, for messages that say how to raise it. */
    public static final String FIELD = "inputLimits";

    public static final InputLimits DEFAULTS = new InputLimits(null, null, null);

    public InputLimits {
        if (maxBytesPerObject == null) maxBytesPerObject = DEFAULT_MAX_BYTES;
        if (maxCompressionRatio == null) maxCompressionRatio = DEFAULT_MAX_RATIO;
        if (ratioCheckAfterBytes == null) ratioCheckAfterBytes = DEFAULT_RATIO_CHECK_AFTER;
        if (maxBytesPerObject <= 0) throw new IllegalArgumentException("city profile: inputLimits.maxBytesPerObject must be positive");
        if (maxCompressionRatio <= 0) throw new IllegalArgumentException("city profile: inputLimits.maxCompressionRatio must be positive");
        if (ratioCheckAfterBytes < 0) throw new IllegalArgumentException("city profile: inputLimits.ratioCheckAfterBytes must not be negative");
    }
}
