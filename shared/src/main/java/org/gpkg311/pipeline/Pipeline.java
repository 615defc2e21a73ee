package org.gpkg311.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.geo.DistrictLoader;
import org.gpkg311.gpkg.SharedLayers;
import org.gpkg311.model.District;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.SnapshotBuilder;
import org.gpkg311.snapshot.SnapshotCodec;
import org.gpkg311.storage.Storage;

/**
 * The run, as the CLI and the Lambdas share it: read → clean → window → join → snapshot, then for
 * each generator generate → write → verify → publish. Callers parse their input and call these two steps.
 */
public final class Pipeline {

    private Pipeline() {}

    /**
     * Prepares the run's one snapshot.
     *
     * @param asOf  the instant to describe, or null for the latest opening time in the data
     * @param clock the run's "now": rows opened after it are rejected as opened in the future
     * @param runId the run's id, or null to derive one from the snapshot's content (reruns then match)
     */
    public static Snapshot prepare(Inputs inputs, CityProfile profile, Instant asOf, Instant clock, String runId,
                                   RunListener listener) throws IOException {
        long t0 = System.nanoTime();
        List<District> districts;
        try (InputStream in = inputs.districts().open()) {
            districts = DistrictLoader.load(in, inputs.districts().name(), profile.toDistrictFields());
        }
        long t1 = System.nanoTime();
        listener.stage("snapshot", "districts", Map.of("districts", districts.size()), GeneratorRun.millis(t0, t1));

        Snapshot snapshot = SnapshotBuilder.build(inputs.raw(), districts, profile, asOf, clock,
                runId == null ? RunIds.PENDING : runId);
        if (runId == null) snapshot = RunIds.withContentId(snapshot);
        var q = snapshot.quality();
        Map<String, Object> counts = new LinkedHashMap<>(); // in reading order: sources, rows, then where the rows went
        counts.put("sources", q.sources().size());
        counts.put("rowsRead", q.rowsRead());
        counts.put("accepted", q.rowsAccepted());
        counts.put("rejected", q.rowsRejected());
        counts.put("outsideWindow", q.rowsOutsideWindow());
        listener.stage("snapshot", "clean+join", counts, GeneratorRun.millis(t1, System.nanoTime()));
        return snapshot;
    }

    /** Key of a run's snapshot under the storage root. */
    public static String snapshotKey(String runId) {
        return "runs/" + runId + "/snapshot.bin";
    }

    /** Key of a run's data-quality report (JSON) beside its snapshot. */
    public static String qualityKey(String runId) {
        return "runs/" + runId + "/quality.json";
    }

    /** Stores the snapshot and its data-quality report under {@code runs/<runId>/}; returns the snapshot's key. */
    public static String saveSnapshot(Storage storage, Snapshot snapshot) throws IOException {
        String key = snapshotKey(snapshot.runId());
        storage.put(qualityKey(snapshot.runId()), QualityJson.toJson(snapshot), "application/json",
                Map.of("runId", snapshot.runId()));
        // Streamed to a temporary file (the Lambda's /tmp) and uploaded from it: no whole-snapshot byte array.
        java.nio.file.Path file = java.nio.file.Files.createTempFile("gpkg311-snapshot", ".bin");
        try {
            try (var out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file), 1 << 16)) {
                SnapshotCodec.write(snapshot, out);
            }
            storage.put(key, file, "application/octet-stream",
                    Map.of("runId", snapshot.runId(), "formatVersion", String.valueOf(Snapshot.FORMAT_VERSION)));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        return key;
    }

    /** Reads a stored snapshot; a corrupt or foreign stream fails with a message naming the key. */
    public static Snapshot loadSnapshot(Storage storage, String key) throws IOException {
        try (InputStream in = storage.open(key)) {
            return SnapshotCodec.read(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read snapshot " + storage.nameOf(key) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the generators on the snapshot, {@code threads} at a time (they are independent: one file
     * each). Every generator runs to its end; a failed one publishes nothing, and the first failure is
     * thrown once all are done. Publications come back in the generators' order. Several generators copy the
     * request rows they share from one file written for the run ({@link SharedLayers}).
     */
    public static List<Publication> publish(List<Generator> generators, Snapshot snapshot, RunSettings settings,
                                            GeneratorRun run, int threads) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, generators.size())));
        try (SharedLayers shared = generators.size() > 1 ? run.sharedLayers() : null) {
            List<Future<Publication>> futures = new ArrayList<>();
            RunContext context = new RunContext(snapshot, settings);
            for (Generator g : generators) futures.add(pool.submit(() -> run.run(g, context, shared)));
            List<Publication> out = new ArrayList<>();
            Throwable first = null;
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (first == null) first = cause;
                    else if (cause != first) first.addSuppressed(cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while generating", e);
                }
            }
            if (first instanceof IOException io) throw io;
            if (first instanceof RuntimeException re) throw re;
            if (first instanceof Error err) throw err;
            if (first != null) throw new IOException(first);
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
