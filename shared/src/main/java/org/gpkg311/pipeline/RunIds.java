package org.gpkg311.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;

/** Run identifiers: time-based for scheduled runs, content-based for local runs (a rerun gets the same id). */
public final class RunIds {

    static final String PENDING = "pending";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private RunIds() {}

    /** e.g. {@code 20251125T060000Z-3fa9c1d2}: sortable by the trigger's UTC time, a random tail, safe as a key segment. */
    public static String newRunId(Instant now, RandomGenerator random) {
        byte[] tail = new byte[4];
        for (int i = 0; i < tail.length; i++) tail[i] = (byte) random.nextInt(256);
        return STAMP.format(now) + "-" + HexFormat.of().formatHex(tail);
    }

    /** A run id from a payload or the command line must be a single, plain key segment (it becomes runs/&lt;runId&gt;/). */
    public static String requireValid(String runId) {
        if (runId == null || !VALID.matcher(runId).matches()) {
            throw new IllegalArgumentException("invalid runId (letters, digits, '.', '_', '-', at most 100): " + runId);
        }
        return runId;
    }

    /** A copy of the snapshot whose run id is {@code local-} + a digest of its window and requests. */
    static Snapshot withContentId(Snapshot s) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(s.window().toString().getBytes(StandardCharsets.UTF_8));
        for (ServiceRequest r : s.requests()) {
            md.update((r.requestId() + '|' + r.openedAt() + '|' + r.closedAt() + '|' + r.status() + '|'
                    + r.districtId() + '|' + r.latitude() + '|' + r.longitude() + '|' + r.requestType() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        String id = "local-" + HexFormat.of().formatHex(md.digest()).substring(0, 12);
        return new Snapshot(id, s.cityName(), s.window(), s.districts(), s.requests(), s.quality());
    }
}
