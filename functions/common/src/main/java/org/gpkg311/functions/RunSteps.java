package org.gpkg311.functions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.gpkg311.snapshot.Snapshot;

/**
 * The pipeline calls the handlers make, and nothing else: the seam between Lambda events and the
 * shared pipeline (the CLI calls the same pipeline).
 */
public interface RunSteps {

    /** Reads the raw 311 objects and the district polygons and prepares the snapshot of the window ending at asOf (null: latest). */
    Snapshot prepare(String runId, Instant asOf) throws IOException;

    /** Stores the snapshot and its data-quality report under the run's folder; returns the snapshot's key. */
    String save(Snapshot snapshot) throws IOException;

    /** Reads a stored snapshot; fails on a corrupt or foreign one. */
    Snapshot load(String snapshotKey) throws IOException;

    /**
     * Runs one generator: writes its GeoPackage in a folder under workRoot, checks it, publishes it and
     * its JSON. Publishes nothing when any step fails.
     */
    Published publish(String generatorName, Snapshot snapshot, Path workRoot) throws IOException;

    /** Where one generator's files went. */
    record Published(String generator, String geoPackageKey, String geoPackageUrl, String summaryKey,
                     String summaryUrl, long geoPackageBytes) {}
}
