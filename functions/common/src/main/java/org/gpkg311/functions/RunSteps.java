package org.gpkg311.functions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.gpkg311.pipeline.RunPlan;
import org.gpkg311.snapshot.Snapshot;

/**
 * The pipeline calls the handlers make, and nothing else: the seam between Lambda events and the
 * shared pipeline (the CLI calls the same pipeline).
 */
public interface RunSteps {

    /**
     * Reads the raw 311 objects and the district polygons and prepares the snapshot of the window ending at asOf
     * (null: latest). Its run id is {@code runId} when given, else derived from {@code trigger} (what started the
     * run) and the snapshot's content, so that a duplicate delivery or a retry gets the same run.
     */
    Snapshot prepare(Instant asOf, String runId, String trigger) throws IOException;

    /** Stores the snapshot and its data-quality report under the run's folder; returns the snapshot's key. */
    String save(Snapshot snapshot) throws IOException;

    /** Stores the run's plan unless it has one; returns the stored plan and whether it was there already. */
    Planned plan(Snapshot snapshot, List<String> generators, Instant preparedAt) throws IOException;

    /** Generators of the plan that have staged. */
    Set<String> staged(RunPlan plan) throws IOException;

    /** True once the run's commit has been claimed. */
    boolean claimed(String runId) throws IOException;

    /** Reads a stored snapshot; fails on a corrupt or foreign one. */
    Snapshot load(String snapshotKey) throws IOException;

    /**
     * Runs one generator: writes its GeoPackage in a folder under workRoot, checks it, stages it with its JSON and
     * preview, then commits the run if it was the last to stage. Stages nothing when any step fails.
     */
    Published publish(String generatorName, Snapshot snapshot, Path workRoot) throws IOException;

    /** A run's plan, and whether an earlier trigger of the same run stored it (a duplicate). */
    record Planned(RunPlan plan, boolean duplicate) {}

    /** Where one generator's files go once the run is committed, and what the commit step did. */
    record Published(String generator, String geoPackageKey, String geoPackageUrl, String summaryKey,
                     String summaryUrl, long geoPackageBytes, String commit, String commitDetail) {}
}
