package org.gpkg311.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;

/** Run identifiers: time-based for scheduled runs, content-based for local runs (a rerun gets the same id). */
public final class RunIds {

    static final String PENDING = "pending";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RunIds() {}

    /** e.g. {@code 20251125T060000Z-3fa9c1}: sortable by start time, unique enough for one bucket. */
    public static String startedAt(Instant now) {
        return STAMP.format(now) + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
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
