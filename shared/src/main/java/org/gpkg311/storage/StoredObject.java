package org.gpkg311.storage;

import java.time.Instant;

/** An object in a storage location: its key relative to the location's root, size and modification time. */
public record StoredObject(String key, long size, Instant lastModified) {}
