package org.gpkg311.snapshot;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A text column of repeated values: one code per row (one byte when there are at most 255 distinct values)
 * and the distinct values once.
 * Code 0 is null; codes 1.. index {@link #values()} in order of first appearance in the rows, so equal
 * rows always give equal codes (equality and the serialised bytes depend on the row values only).
 */
public final class DictionaryColumn {

    /** The codes in the narrowest array that holds them: bytes up to 256 codes, chars up to 65,536, else ints. */
    private final byte[] tiny;
    private final char[] narrow;
    private final int[] wide;
    private final int size;
    private final String[] values;

    DictionaryColumn(int[] codes, String[] values) {
        this.values = values;
        this.size = codes.length;
        if (values.length <= 1 << 8) {
            tiny = new byte[size];
            for (int r = 0; r < size; r++) tiny[r] = (byte) codes[r];
            narrow = null;
            wide = null;
        } else if (values.length <= 1 << 16) {
            narrow = new char[size];
            for (int r = 0; r < size; r++) narrow[r] = (char) codes[r];
            tiny = null;
            wide = null;
        } else {
            wide = codes;
            tiny = null;
            narrow = null;
        }
    }

    public int size() {
        return size;
    }

    /** The value of row r (null when the row has none). */
    public String get(int r) {
        return values[code(r)];
    }

    /** The code of row r: 0 for null, else an index into the distinct values. */
    public int code(int r) {
        if (tiny != null) return tiny[r] & 0xFF;
        return narrow != null ? narrow[r] : wide[r];
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
        return o instanceof DictionaryColumn d && Arrays.equals(tiny, d.tiny) && Arrays.equals(narrow, d.narrow)
                && Arrays.equals(wide, d.wide) && Arrays.equals(values, d.values);
    }

    @Override
    public int hashCode() {
        return 31 * size + Arrays.hashCode(values);
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
