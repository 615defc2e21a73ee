package org.gpkg311.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;

/** Run identifiers from what started a run and the snapshot's content, so that a rerun or a duplicate trigger gets the same id. */
public final class RunIds {

    static final String PENDING = "pending";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private RunIds() {}

    /** A run id from a payload or the command line must be a single, plain key segment (it becomes runs/&lt;runId&gt;/). */
    public static String requireValid(String runId) {
        if (runId == null || !VALID.matcher(runId).matches()) {
            throw new IllegalArgumentException("invalid runId (letters, digits, '.', '_', '-', at most 100): " + runId);
        }
        return runId;
    }

    /** A copy of the snapshot whose run id is {@code local-} + a digest of its window and requests. */
    static Snapshot withContentId(Snapshot s) {
        return withId(s, "local-" + contentDigest(s).substring(0, 12));
    }

    /**
     * A copy of the snapshot whose run id comes from what started the run and from the snapshot's content:
     * {@code run-<asOf>-<digest>}. A duplicate delivery of the same trigger on the same data gets the same id,
     * so it reuses the run instead of starting a second one.
     *
     * @param trigger the trigger's identity: event ids of an SQS batch, the schedule's event id, a request id
     */
    public static Snapshot withTriggerId(Snapshot s, String trigger) {
        String digest = Digests.sha256((trigger + "\n" + contentDigest(s)).getBytes(StandardCharsets.UTF_8));
        return withId(s, "run-" + STAMP.format(s.window().asOf()) + "-" + digest.substring(0, 12));
    }

    static Snapshot withId(Snapshot s, String id) {
        return new Snapshot(requireValid(id), s.cityName(), s.window(), s.districts(), s.columns(), s.quality());
    }

    /** SHA-256 (hex) of the snapshot's window and requests in their stable order: equal data, equal digest. */
    public static String contentDigest(Snapshot s) {
        MessageDigest md = Digests.md();
        md.update(s.window().toString().getBytes(StandardCharsets.UTF_8));
        for (ServiceRequest r : s.requests()) {
            md.update((r.requestId() + '|' + r.openedAt() + '|' + r.closedAt() + '|' + r.status() + '|'
                    + r.districtId() + '|' + r.latitude() + '|' + r.longitude() + '|' + r.requestType() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
