package org.gpkg311.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.geo.DistrictLoader;
import org.gpkg311.model.District;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.SnapshotBuilder;

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
        listener.stage("snapshot", "clean+join", Map.of(
                "sources", q.sources().size(), "rowsRead", q.rowsRead(), "accepted", q.rowsAccepted(),
                "rejected", q.rowsRejected(), "outsideWindow", q.rowsOutsideWindow()), GeneratorRun.millis(t1, System.nanoTime()));
        return snapshot;
    }

    /** Runs the generators one after the other on the snapshot; stops at the first failure. */
    public static List<Publication> publish(List<Generator> generators, Snapshot snapshot, RunSettings settings,
                                            GeneratorRun run) throws IOException {
        List<Publication> out = new ArrayList<>();
        for (Generator g : generators) out.add(run.run(g, snapshot, settings));
        return out;
    }
}
