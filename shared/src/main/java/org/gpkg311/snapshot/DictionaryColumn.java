package org.gpkg311.snapshot;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A text column of few distinct values: one int code per row and the distinct values once.
 * Code 0 is null; codes 1.. index {@link #values()} in order of first appearance in the rows, so equal
 * rows always give equal codes (equality and the serialised bytes depend on the row values only).
 */
public final class DictionaryColumn {

    private final int[] codes;
    private final String[] values;

    DictionaryColumn(int[] codes, String[] values) {
        this.codes = codes;
        this.values = values;
    }

    public int size() {
        return codes.length;
    }

    /** The value of row r (null when the row has none). */
    public String get(int r) {
        return values[codes[r]];
    }

    /** The code of row r: 0 for null, else an index into the distinct values. */
    public int code(int r) {
        return codes[r];
    }

    /** The distinct values by code; index 0 is null. */
    public String value(int code) {
        return values[code];
    }

    /** Number of codes, null's code 0 included. */
    public int codeCount() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DictionaryColumn d && Arrays.equals(codes, d.codes) && Arrays.equals(values, d.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(codes) + Arrays.hashCode(values);
    }

    /** Appends (or overwrites) row codes; each distinct value is kept once. */
    static final class Builder {
        private final Map<String, Integer> codeOf = new HashMap<>();
        private String[] values = {null};
        private int[] codes;

        Builder(int capacity) {
            codes = new int[Math.max(capacity, 16)];
        }

        void set(int r, String value) {
            if (r >= codes.length) codes = Arrays.copyOf(codes, Math.max(r + 1, codes.length * 2));
            codes[r] = value == null ? 0 : codeOf.computeIfAbsent(value, this::newCode);
        }

        private int newCode(String value) {
            int code = codeOf.size() + 1;
            if (code == values.length) values = Arrays.copyOf(values, values.length * 2);
            values[code] = value;
            return code;
        }

        String get(int r) {
            return values[codes[r]];
        }

        DictionaryColumn build(int n) {
            return new DictionaryColumn(Arrays.copyOf(codes, n), Arrays.copyOf(values, codeOf.size() + 1));
        }
    }
}
