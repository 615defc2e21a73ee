package org.gpkg311.storage.s3;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * S3 user metadata travels as HTTP headers: names are case-insensitive tokens, values should be
 * plain ASCII (others are mangled or rejected), and the whole set may not exceed 2 KB. This keeps
 * the provenance facts that fit, in their order, so that the first (most useful) ones survive.
 */
public final class S3Metadata {

    /** S3's limit on user metadata, counted as the UTF-8 bytes of every name and value. */
    public static final int MAX_BYTES = 2048;
    static final int MAX_VALUE_CHARS = 256;

    private S3Metadata() {}

    public static Map<String, String> sanitize(Map<String, String> metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        if (metadata == null) return out;
        int used = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            String name = name(e.getKey());
            if (name.isEmpty() || out.containsKey(name)) continue;
            String value = value(e.getValue());
            // The SDK adds the "x-amz-meta-" prefix itself; S3 counts names and values only.
            int size = name.getBytes(StandardCharsets.US_ASCII).length + value.getBytes(StandardCharsets.US_ASCII).length;
            if (used + size > MAX_BYTES) continue;
            out.put(name, value);
            used += size;
        }
        return out;
    }

    /** Lower-case letters, digits and '-' only (an HTTP token that every S3 implementation accepts). */
    static String name(String key) {
        if (key == null) return "";
        StringBuilder b = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (Character.isUpperCase(c) && c < 128) {
                if (!b.isEmpty() && b.charAt(b.length() - 1) != '-') b.append('-');
                b.append(Character.toLowerCase(c));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(c);
            } else if (!b.isEmpty() && b.charAt(b.length() - 1) != '-') {
                b.append('-');
            }
        }
        while (!b.isEmpty() && b.charAt(b.length() - 1) == '-') b.setLength(b.length() - 1);
        return b.toString();
    }

    /** Printable ASCII; anything else becomes '?', line breaks become spaces; long values are cut. */
    static String value(String v) {
        if (v == null) return "";
        StringBuilder b = new StringBuilder(Math.min(v.length(), MAX_VALUE_CHARS));
        for (int i = 0; i < v.length() && b.length() < MAX_VALUE_CHARS; i++) {
            char c = v.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') b.append(' ');
            else if (c >= 0x20 && c < 0x7f) b.append(c);
            else b.append('?');
        }
        return b.toString().strip();
    }
}
