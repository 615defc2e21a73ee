package org.gpkg311.pipeline;

import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.gpkg311.snapshot.RequestColumns;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.Window;

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

    /**
     * SHA-256 (hex) of the snapshot's window and requests in their stable order: equal data, equal digest. Each
     * request enters as fixed-width binary fields and length-prefixed UTF-8 texts, read from the snapshot's
     * columns: formatting every instant and coordinate as text cost half a second of the run's one-thread start.
     */
    public static String contentDigest(Snapshot s) {
        Last known = last;
        if (known.columns.get() == s.columns() && s.window().equals(known.window)) return known.digest;
        String digest = digestOf(s);
        last = new Last(new WeakReference<>(s.columns()), s.window(), digest);
        return digest;
    }

    /**
     * The last digest and what it was computed from: a run asks twice (for its id, then for its plan), and the
     * snapshot's copies under a new id share its columns, which never change.
     */
    private record Last(WeakReference<RequestColumns> columns, Window window, String digest) {}

    private static volatile Last last = new Last(new WeakReference<>(null), null, null);

    private static String digestOf(Snapshot s) {
        MessageDigest md = Digests.md();
        md.update(s.window().toString().getBytes(StandardCharsets.UTF_8));
        RequestColumns c = s.columns();
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        for (int r = 0; r < c.size(); r++) {
            text(md, b, c.requestId(r));
            instant(md, b, c.openedAt(r));
            instant(md, b, c.closedAt(r));
            text(md, b, c.status(r));
            room(md, b, 4 + 8 + 8).putInt(c.districtId(r)).putDouble(c.latitude(r)).putDouble(c.longitude(r));
            text(md, b, c.requestTypes().get(r));
        }
        md.update(b.flip());
        return HexFormat.of().formatHex(md.digest());
    }

    /** The buffer with at least {@code bytes} free, digesting what it held when it had less. */
    private static ByteBuffer room(MessageDigest md, ByteBuffer b, int bytes) {
        if (b.remaining() < bytes) {
            md.update(b.flip());
            b.clear();
        }
        return b;
    }

    private static void instant(MessageDigest md, ByteBuffer b, Instant t) {
        room(md, b, 13);
        if (t == null) b.put((byte) 0).putLong(0).putInt(0);
        else b.put((byte) 1).putLong(t.getEpochSecond()).putInt(t.getNano());
    }

    /** Length (-1 for null) then UTF-8 bytes, so that no two sequences of texts give the same bytes. */
    private static void text(MessageDigest md, ByteBuffer b, String v) {
        if (v == null) {
            room(md, b, 4).putInt(-1);
            return;
        }
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        room(md, b, 4).putInt(bytes.length);
        if (bytes.length > b.capacity()) {
            md.update(b.flip());
            b.clear();
            md.update(bytes);
        } else {
            room(md, b, bytes.length).put(bytes);
        }
    }
}
