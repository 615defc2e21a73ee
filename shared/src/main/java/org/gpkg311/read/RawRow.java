package org.gpkg311.read;

import java.util.Map;

import org.gpkg311.profile.Field;

/**
 * One row of a raw 311 export, before any parsing: the canonical fields the city profile could map,
 * each holding the raw text (CSV) or the raw JSON value (String, Long, Double, Boolean). A field that is
 * absent or null in the source is absent from {@code values}.
 *
 * @param source the input object's name (file path or storage key)
 * @param line      the CSV line where the record starts (header = line 1), or the 1-based feature number in a JSON source
 * @param malformed the record's structure is broken (see {@link #malformed(String, long)}); counted as a rejection
 */
public record RawRow(String source, long line, Map<Field, Object> values, boolean malformed) {

    public RawRow(String source, long line, Map<Field, Object> values) {
        this(source, line, values, false);
    }

    /** A record that could not be split into fields (a quoted field ran into the next records): it has no values. */
    public static RawRow malformed(String source, long line) {
        return new RawRow(source, line, Map.of(), true);
    }

    public Object value(Field f) {
        return values.get(f);
    }

    /** The value as trimmed text, or null when absent or blank. */
    public String text(Field f) {
        Object v = values.get(f);
        if (v == null) return null;
        String s;
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            s = Long.toString(d.longValue());
        } else {
            s = v.toString().strip();
        }
        return s.isEmpty() ? null : s;
    }
}
