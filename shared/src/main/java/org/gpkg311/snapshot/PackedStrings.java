package org.gpkg311.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Many distinct short strings (request ids) as one UTF-8 byte array and the start of each: about a fifth of the
 * heap of one String object each. {@link #get} decodes a new String.
 */
final class PackedStrings {

    private final byte[] bytes;
    /** offsets[i] .. offsets[i + 1] are the bytes of string i. */
    private final int[] offsets;

    private PackedStrings(byte[] bytes, int[] offsets) {
        this.bytes = bytes;
        this.offsets = offsets;
    }

    static PackedStrings of(String[] values, int n) {
        Builder b = new Builder(n);
        for (int i = 0; i < n; i++) b.add(values[i].getBytes(StandardCharsets.UTF_8));
        return b.build();
    }

    int size() {
        return offsets.length - 1;
    }

    String get(int i) {
        return new String(bytes, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
    }

    /** The UTF-8 bytes of string i: {@link #bytes()} from {@link #start}, {@link #length} long. */
    int start(int i) {
        return offsets[i];
    }

    int length(int i) {
        return offsets[i + 1] - offsets[i];
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackedStrings p && Arrays.equals(offsets, p.offsets) && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Appends strings given as UTF-8 bytes. */
    static final class Builder {
        private byte[] bytes;
        private int[] offsets;
        private int count;

        Builder(int capacity) {
            bytes = new byte[Math.max(16, capacity * 8)];
            offsets = new int[capacity + 1];
        }

        void add(byte[] utf8) {
            add(utf8, utf8.length);
        }

        void add(byte[] utf8, int length) {
            int end = offsets[count];
            if ((long) end + length > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("request ids exceed 2 GB of text");
            }
            if (end + length > bytes.length) bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16,
                    Math.max((long) end + length, 2L * bytes.length)));
            System.arraycopy(utf8, 0, bytes, end, length);
            if (count + 1 == offsets.length) offsets = Arrays.copyOf(offsets, 2 * offsets.length);
            offsets[++count] = end + length;
        }

        PackedStrings build() {
            byte[] b = bytes.length == offsets[count] ? bytes : Arrays.copyOf(bytes, offsets[count]);
            return new PackedStrings(b, offsets.length == count + 1 ? offsets : Arrays.copyOf(offsets, count + 1));
        }
    }
}
