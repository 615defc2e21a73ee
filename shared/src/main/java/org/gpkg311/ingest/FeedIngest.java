package org.gpkg311.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.gpkg311.profile.CityProfile;
import org.gpkg311.storage.Storage;
import org.gpkg311.storage.StoredObject;

/**
 * Pulls the window the next run needs from the city's FeatureServer layer into ONE object under the
 * raw prefix, all or nothing: pages are checked and streamed to a gzip temporary file, the row total
 * must equal the server's count for the same {@code where}, and only then is the object stored,
 * followed by its sidecar. A pull whose rows equal the newest pull's writes nothing.
 */
public final class FeedIngest {

    /** A count mismatch may be rows arriving during the pull: one fresh pull, then the pull fails. */
    private static final int PULLS_ON_COUNT_MISMATCH = 2;

    /**
     * @param profileName the profile's name, first part of the object's name
     * @param service     the layer URL (the profile's by default)
     * @param asOf        the instant the next run describes
     * @param months      months before the as-of date
     * @param marginDays  extra days before that
     * @param pageSize    resultRecordCount cap; 0 = the layer's maxRecordCount
     * @param retry       backoff of every request
     * @param workDir     where the temporary file goes
     */
    public record Settings(String profileName, String service, Instant asOf, int months, int marginDays, int pageSize,
                           RetryPolicy retry, Path workDir) {}

    /** What a pull did: {@code written} is false when the rows equal the newest pull ({@code record} is then that pull's). */
    public record Result(boolean written, PullRecord record, String location, long millis) {}

    /** Progress of a pull, for stderr or the log. */
    public interface Progress {
        void counted(String where, long expected, int pageSize);

        void page(int page, long offset, int rows, long rowsSoFar, long millis);

        Progress NONE = new Progress() {
            @Override public void counted(String where, long expected, int pageSize) {}

            @Override public void page(int page, long offset, int rows, long rowsSoFar, long millis) {}
        };
    }

    private final Storage storage;
    private final CityProfile profile;
    private final Clock clock;

    public FeedIngest(Storage storage, CityProfile profile, Clock clock) {
        this.storage = storage;
        this.profile = profile;
        this.clock = clock;
    }

    /** The profile's layer URL, or a one-line reason why there is none. */
    public static String defaultService(CityProfile profile) {
        if (profile.featureService() == null || profile.featureService().url() == null)
            throw new IllegalArgumentException("the city profile (" + profile.city() + ") names no featureService: give --service");
        return profile.featureService().url();
    }

    public Result run(Settings s, Progress progress) throws IOException {
        try (FeatureServerClient client = new FeatureServerClient(s.service(), s.retry())) {
            return pull(client, s, progress);
        }
    }

    private Result pull(FeatureServerClient client, Settings s, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        Instant pulledAt = clock.instant();
        CityProfile.FeatureService fs = profile.featureService();
        String openedField = fs != null && fs.openedField() != null ? fs.openedField() : "Date_Time_Opened";
        PullWindow window = PullWindow.before(s.asOf(), s.months(), s.marginDays());
        String where = window.where(openedField);
        PullNames names = new PullNames(profile.storage().rawPrefix(), s.profileName());
        FeatureServerClient.Layer layer = client.describe();
        String objectIdField = fs != null && fs.objectIdField() != null ? fs.objectIdField()
                : layer.objectIdField() != null ? layer.objectIdField() : "OBJECTID";
        int pageSize = s.pageSize() > 0 ? Math.min(s.pageSize(), layer.maxRecordCount()) : layer.maxRecordCount();

        for (int pull = 1; ; pull++) {
            long expected = client.count(where);
            progress.counted(where, expected, pageSize);
            try (PullFile file = new PullFile(s.workDir(), objectIdField)) {
                Paged paged = pages(client, where, pageSize, objectIdField, openedField, file, progress, t0);
                if (paged.rows != expected) {
                    long recount = client.count(where);
                    if (paged.rows != recount) {
                        if (pull < PULLS_ON_COUNT_MISMATCH) continue;
                        throw new PullFailedException("page " + paged.pages + " at offset " + paged.lastOffset
                                + " (the last): count mismatch: the pages gave " + paged.rows + " rows but returnCountOnly counts "
                                + recount + " for " + where + " (after " + pull + " pulls)", false, null);
                    }
                }
                String sha = file.finish();
                String base = names.base(window, pulledAt);
                PullRecord record = new PullRecord(1, s.profileName(), client.layer().toString(), where, paged.rows, paged.pages,
                        pageSize, window.from().toString(), window.to().toString(), s.asOf().toString(),
                        paged.rows == 0 ? null : Instant.ofEpochMilli(paged.openedMin).toString(),
                        paged.rows == 0 ? null : Instant.ofEpochMilli(paged.openedMax).toString(),
                        pulledAt.toString(), names.dataKey(base), sha);
                Optional<PullRecord> newest = newest(names);
                if (newest.isPresent() && newest.get().rowsSha256().equals(sha)) {
                    return new Result(false, newest.get(), storage.locate(newest.get().object()), millis(t0));
                }
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("rows", Long.toString(paged.rows));
                meta.put("rows-sha256", sha);
                storage.put(record.object(), file.path(), "application/gzip", meta);
                storage.put(names.sidecarKey(base), record.toJson(), "application/json", Map.of());
                return new Result(true, record, storage.locate(record.object()), millis(t0));
            }
        }
    }

    private static final class Paged {
        long rows;
        int pages;
        long lastOffset;
        long openedMin = Long.MAX_VALUE, openedMax = Long.MIN_VALUE;
    }

    /** Pages while the server says there is more or the page is full; each checked before it is appended. */
    private static Paged pages(FeatureServerClient client, String where, int pageSize, String objectIdField, String openedField,
                               PullFile file, Progress progress, long t0) throws IOException {
        Paged out = new Paged();
        long offset = 0, lastObjectId = Long.MIN_VALUE;
        while (true) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("where", where);
            q.put("outFields", "*");
            q.put("orderByFields", objectIdField + " ASC");
            q.put("resultOffset", Long.toString(offset));
            q.put("resultRecordCount", Integer.toString(pageSize));
            q.put("outSR", "4326");
            q.put("f", "json");
            String what = "page " + (out.pages + 1) + " at offset " + offset;
            QueryPage page = client.get(what, client.query(), q, body -> QueryPage.parse(body, pageSize, objectIdField, openedField));
            if (page.rows() > 0 && page.firstObjectId() <= lastObjectId) {
                throw new PullFailedException(what + ": " + objectIdField + " " + page.firstObjectId()
                        + " does not follow the previous page's last " + lastObjectId + " (the layer changed order during the pull)", false, null);
            }
            file.append(page);
            out.pages++;
            out.lastOffset = offset;
            out.rows += page.rows();
            if (page.rows() > 0) {
                lastObjectId = page.lastObjectId();
                out.openedMin = Math.min(out.openedMin, page.openedMin());
                out.openedMax = Math.max(out.openedMax, page.openedMax());
            }
            progress.page(out.pages, offset, page.rows(), out.rows, millis(t0));
            boolean more = page.exceededTransferLimit() || page.rows() == pageSize;
            if (!more || page.rows() == 0) return out;
            offset += page.rows();
        }
    }

    /** The newest earlier pull of this profile whose object is still there. */
    private Optional<PullRecord> newest(PullNames names) throws IOException {
        var sidecars = storage.list(names.sidecarPrefix()).stream()
                .map(StoredObject::key)
                .filter(k -> names.stampOf(k) != null)
                .sorted(Comparator.comparing(names::stampOf).reversed())
                .toList();
        for (String key : sidecars) {
            PullRecord r;
            try (InputStream in = storage.open(key)) {
                r = PullRecord.read(in);
            }
            if (r.object() != null && r.rowsSha256() != null && storage.exists(r.object())) return Optional.of(r);
        }
        return Optional.empty();
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
