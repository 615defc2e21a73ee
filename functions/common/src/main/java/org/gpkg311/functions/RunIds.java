package org.gpkg311.functions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Run ids: sortable UTC time of the trigger plus a random tail, safe as an S3 key segment. */
public final class RunIds {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private RunIds() {}

    public static String newRunId(Instant now, RandomGenerator random) {
        byte[] tail = new byte[4];
        for (int i = 0; i < tail.length; i++) tail[i] = (byte) random.nextInt(256);
        return TIME.format(now) + "-" + HexFormat.of().formatHex(tail);
    }

    /** A run id from a payload must be a single, plain key segment (it becomes runs/&lt;runId&gt;/). */
    public static String requireValid(String runId) {
        if (runId == null || !VALID.matcher(runId).matches()) {
            throw new IllegalArgumentException("invalid runId (letters, digits, '.', '_', '-', at most 100): " + runId);
        }
        return runId;
    }
}
