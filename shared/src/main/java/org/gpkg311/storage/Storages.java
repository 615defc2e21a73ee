package org.gpkg311.storage;

import java.nio.file.Path;

/** Chooses the storage back end from a location string. */
public final class Storages {

    private Storages() {}

    /** {@code s3://bucket/prefix} for S3 (added by the S3 back end), anything else is a local folder. */
    public static Storage at(String location) {
        if (location.startsWith("s3://")) {
            return org.gpkg311.storage.s3.S3Storage.at(location);
        }
        return new LocalStorage(Path.of(location));
    }
}
