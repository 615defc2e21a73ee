package org.gpkg311.clean;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts rejected rows by reason and notes on accepted rows; reports them by label in a stable (enum) order. */
public final class RejectionCounter {

    private final EnumMap<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
    private final EnumMap<QualityNote, Long> notes = new EnumMap<>(QualityNote.class);
    /** Notes about the run's objects rather than rows (each names its object), in the order they were made. */
    private final Map<String, Long> namedNotes = new LinkedHashMap<>();

    public void reject(RejectionReason reason) {
        rejected.merge(reason, 1L, Long::sum);
    }

    public void note(QualityNote note) {
        notes.merge(note, 1L, Long::sum);
    }

    /** Counts a note whose label is its own text, e.g. one naming an object that was skipped. */
    public void note(String label) {
        namedNotes.merge(label, 1L, Long::sum);
    }

    /** Adds every note set in a request's note bits. */
    public void notes(int bits) {
        for (QualityNote n : QualityNote.values()) if ((bits & n.bit()) != 0) note(n);
    }

    public long count(RejectionReason reason) {
        return rejected.getOrDefault(reason, 0L);
    }

    public long count(QualityNote note) {
        return notes.getOrDefault(note, 0L);
    }

    public long totalRejected() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every reason (zeros included, so a report always lists them all) by label. */
    public Map<String, Long> rejectedByLabel() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (RejectionReason r : RejectionReason.values()) out.put(r.label(), count(r));
        return out;
    }

    public Map<String, Long> notesByLabel() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (QualityNote n : QualityNote.values()) out.put(n.label(), count(n));
        out.putAll(namedNotes);
        return out;
    }
}
