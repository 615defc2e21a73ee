package org.gpkg311.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where raw data, snapshots and published GeoPackages live: a local folder or an S3 prefix, chosen by
 * a location string (see {@link Storages#at(String)}). Keys are '/'-separated and relative to the
 * location's root, e.g. {@code raw/311/export.csv} or {@code gpkg-public/serviceEfficiency/serviceEfficiency.gpkg}.
 */
public interface Storage {

    /** Every object whose key starts with {@code prefix}, sorted by key. */
    List<StoredObject> list(String prefix) throws IOException;

    /** Opens an object for reading; the caller closes the stream. */
    InputStream open(String key) throws IOException;

    boolean exists(String key) throws IOException;

    /**
     * Stores a local file under {@code key}, replacing any previous object only once the new one is
     * complete (readers never see half a file).
     *
     * @param metadata small string facts stored with the object (S3 user metadata; a sidecar is not written locally)
     */
    void put(String key, Path file, String contentType, Map<String, String> metadata) throws IOException;

    /** Stores bytes under {@code key}, with the same all-or-nothing rule as {@link #put}. */
    void put(String key, byte[] bytes, String contentType, Map<String, String> metadata) throws IOException;

    /** An object's bytes with its version tag (the S3 ETag; a content digest locally), or null when absent. */
    Versioned read(String key) throws IOException;

    /**
     * Stores bytes under {@code key} only if the object is still at version {@code expectedVersion}, or, with
     * null, only if there is no object yet (S3 {@code If-Match} / {@code If-None-Match: *}). Returns false,
     * writing nothing, when the condition fails: this is what lets exactly one of several writers win.
     */
    boolean putIf(String key, byte[] bytes, String contentType, Map<String, String> metadata, String expectedVersion)
            throws IOException;

    /** Makes {@code toKey} hold a copy of {@code fromKey} (content type and metadata included), all or nothing. */
    void copy(String fromKey, String toKey) throws IOException;

    /** Removes an object; a missing one is fine. */
    void delete(String key) throws IOException;

    /** An object's content and version tag, as {@link #read} returns it. */
    record Versioned(byte[] bytes, String version) {}

    /** Where a user finds the object: a local path or the public HTTPS URL. */
    String locate(String key);

    /** A human-readable form of the location itself (a folder path or s3://bucket/prefix). */
    String describe();

    /** The name of an object for messages and provenance: the location followed by the key. */
    default String nameOf(String key) {
        String root = describe();
        return (root.endsWith("/") ? root : root + "/") + key;
    }
}
