package org.gpkg311.provenance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ordered key/value/description facts of one output: who made it, from what, and every
 * data-driven threshold, weight, quantile cut and chosen k. The writer puts it in the GeoPackage
 * metadata extension and in the {@code <name>RunInfo} table; the JSON summary repeats it.
 */
public final class Provenance {

    /**
     * One fact; value is a plain string so that every reader shows it the same way; typed is the value as
     * given when it is a number or a flag (for typed readers such as the JSON summary), else the same string.
     */
    public record Entry(String key, String value, String description, Object typed) {
        public Entry(String key, String value, String description) {
            this(key, value, description, value);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    public Provenance add(String key, Object value, String description) {
        entries.add(new Entry(key, format(value), description, typed(value)));
        return this;
    }

    public Provenance addAll(Provenance other) {
        entries.addAll(other.entries);
        return this;
    }

    /**
     * Adds the other's entries after these; a key both hold is kept once when the values agree (a
     * generator may restate a run fact such as the time zone) and is an error when they differ.
     */
    public Provenance merge(Provenance other) {
        for (Entry e : other.entries) {
            String mine = value(e.key());
            if (mine == null) entries.add(e);
            else if (!mine.equals(e.value())) {
                throw new IllegalStateException("provenance key " + e.key() + " has two values: " + mine + " and " + e.value());
            }
        }
        return this;
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public String value(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).map(Entry::value).findFirst().orElse(null);
    }

    /** Numbers (finite) and booleans as they are, null as null, anything else as its text. */
    static Object typed(Object value) {
        if (value == null || value instanceof Double d && !Double.isFinite(d)) return null;
        if (value instanceof Number || value instanceof Boolean) return value;
        return format(value);
    }

    /** Doubles keep full precision (shortest round-trip text); null becomes "NULL". */
    public static String format(Object value) {
        if (value == null) return "NULL";
        if (value instanceof Double d) return Double.isFinite(d) ? Double.toString(d) : "NULL";
        return value.toString();
    }
}
