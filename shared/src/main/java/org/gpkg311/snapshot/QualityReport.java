package org.gpkg311.snapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to every raw row on its way into the snapshot.
 *
 * @param sources            the input objects read (file paths or s3:// URIs), in reading order
 * @param rowsRead           raw rows read from all sources
 * @param rowsAccepted       rows in the snapshot (rowsRead = accepted + Σ rejected + outsideWindow)
 * @param rowsOutsideWindow  valid rows opened before the window (not an error, not in the snapshot)
 * @param rejectedByReason   rejected rows by reason, in a stable order (see the cleaning package)
 * @param notes              counted facts that are not rejections, e.g. "point outside districts, kept by district field"
 */
public record QualityReport(List<String> sources, long rowsRead, long rowsAccepted, long rowsOutsideWindow,
                            Map<String, Long> rejectedByReason, Map<String, Long> notes) {

    public QualityReport {
        sources = List.copyOf(sources);
        rejectedByReason = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rejectedByReason));
        notes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    public long rowsRejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
