package org.gpkg311.storage.s3;

import java.net.URI;

/**
 * A parsed {@code s3://bucket/prefix} location. The prefix is empty or ends with '/', so that
 * {@code prefix + key} is always the object key.
 */
public record S3Location(String bucket, String prefix) {

    public S3Location {
        if (bucket == null || bucket.isBlank()) throw new IllegalArgumentException("S3 location without a bucket");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix = prefix + "/";
    }

    public static S3Location parse(String location) {
        if (!location.startsWith("s3://")) throw new IllegalArgumentException("not an s3:// location: " + location);
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        while (prefix.startsWith("/")) prefix = prefix.substring(1);
        if (bucket.isEmpty()) throw new IllegalArgumentException("S3 location without a bucket: " + location);
        return new S3Location(bucket, prefix);
    }

    /** The object key of a storage key ("raw/311/a.csv" → "prefix/raw/311/a.csv"). */
    public String objectKey(String key) {
        if (key.startsWith("/") || key.contains("//") || key.equals("..") || key.startsWith("../") || key.contains("/../")) {
            throw new IllegalArgumentException("not a relative storage key: " + key);
        }
        return prefix + key;
    }

    /** The storage key of an object key under this location's prefix. */
    public String storageKey(String objectKey) {
        if (!objectKey.startsWith(prefix)) throw new IllegalArgumentException(objectKey + " is not under " + this);
        return objectKey.substring(prefix.length());
    }

    /**
     * Where a browser finds an object: the bucket's virtual-hosted AWS URL, or, with an endpoint override
     * (LocalStack, S3Proxy), the path-style URL on that endpoint. Key segments are percent-encoded.
     */
    public String publicUrl(String key, URI endpointOverride) {
        String path = encodePath(objectKey(key));
        if (endpointOverride == null) return "https://" + bucket + ".s3.amazonaws.com/" + path;
        String base = endpointOverride.toString();
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return base + "/" + bucket + "/" + path;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }

    /** RFC 3986 path encoding of each segment; '/' stays a separator. */
    static String encodePath(String key) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
            if (unreserved) out.append((char) c);
            else out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
        }
        return out.toString();
    }
}
