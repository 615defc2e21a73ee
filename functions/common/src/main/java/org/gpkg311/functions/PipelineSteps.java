package org.gpkg311.functions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.gpkg311.generator.Generators;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.pipeline.GeneratorRun;
import org.gpkg311.pipeline.Inputs;
import org.gpkg311.pipeline.Pipeline;
import org.gpkg311.pipeline.Publication;
import org.gpkg311.pipeline.PublicationLayout;
import org.gpkg311.pipeline.RunCommit;
import org.gpkg311.pipeline.RunIds;
import org.gpkg311.pipeline.RunPages;
import org.gpkg311.pipeline.RunPlan;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.storage.Storage;

/** {@link RunSteps} on the shared pipeline: the only place where the handlers call into it. */
public final class PipelineSteps implements RunSteps {

    private final Storage storage;
    private final CityProfile profile;
    private final FunctionSettings settings;
    private final JsonLog log;
    private final PublicationLayout layout;
    private final Clock clock;

    PipelineSteps(Storage storage, CityProfile profile, FunctionSettings settings, JsonLog log, Clock clock) {
        this.storage = storage;
        this.profile = profile;
        this.settings = settings;
        this.log = log;
        this.layout = PublicationLayout.bucket(settings.runsPrefix(), settings.publicPrefix());
        this.clock = clock;
    }

    public static PipelineSteps create(Storage storage, FunctionSettings settings, JsonLog log) {
        return new PipelineSteps(storage, profile(storage, settings.profile()), settings, log, Clock.systemUTC());
    }

    /** A bundled profile by name ("nashville"), or a profile file stored at a key of the location. */
    static CityProfile profile(Storage storage, String profile) {
        if (!profile.contains("/") && !profile.endsWith(".json")) return CityProfile.bundled(profile);
        try (InputStream in = storage.open(profile)) {
            return CityProfile.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the city profile " + storage.locate(profile) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads and initialises the classes every invocation needs, during init: with SnapStart they are then part
     * of the snapshot instead of being loaded after each restore. Loading only: no I/O, no connection.
     */
    public static void prime() {
        for (String c : List.of("org.gpkg311.snapshot.SnapshotCodec", "org.gpkg311.pipeline.GeneratorRun",
                "org.gpkg311.pipeline.RunCommit", "org.gpkg311.pipeline.Manifest",
                "org.gpkg311.gpkg.GeoPackageWriter", "org.gpkg311.gpkg.GeoPackageCheck", "org.gpkg311.summary.SummaryJson",
                "org.locationtech.jts.io.WKBWriter", "org.locationtech.jts.index.strtree.STRtree", "org.sqlite.JDBC")) {
            try {
                Class.forName(c, true, PipelineSteps.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // Priming is an optimisation: a missing class shows up, with its real error, at the first invocation.
            }
        }
    }

    /** Fails unless the name is one of the known generators: checked before the name touches any path. */
    public static String requireGenerator(String name) {
        if (!Generators.names().contains(name)) {
            throw new IllegalArgumentException("unknown generator '" + name + "'; known: " + String.join(", ", Generators.names()));
        }
        return name;
    }

    @Override
    public Snapshot prepare(Instant asOf, String runId, String trigger) throws IOException {
        Inputs inputs = Inputs.resolve(List.of(settings.location()), null, profile);
        Snapshot s = Pipeline.prepare(inputs, profile, asOf, clock.instant(), runId, log::stage);
        return runId != null ? s : RunIds.withTriggerId(s, trigger);
    }

    /** {@code runs/<runId>/snapshot.bin} and, beside it, the data-quality report as JSON. */
    @Override
    public String save(Snapshot snapshot) throws IOException {
        RunIds.requireValid(snapshot.runId());
        return Pipeline.saveSnapshot(storage, snapshot);
    }

    @Override
    public Planned plan(Snapshot snapshot, List<String> generators, Instant preparedAt) throws IOException {
        RunPlan wanted = new RunPlan(snapshot.runId(), generators, snapshot.window().asOf(), preparedAt, RunIds.contentDigest(snapshot));
        RunPlan stored = commit().savePlan(wanted);
        return new Planned(stored, stored != wanted);
    }

    @Override
    public Set<String> staged(RunPlan plan) throws IOException {
        return commit().staged(plan);
    }

    @Override
    public boolean claimed(String runId) throws IOException {
        return commit().claimed(runId);
    }

    @Override
    public Snapshot load(String snapshotKey) throws IOException {
        return Pipeline.loadSnapshot(storage, snapshotKey);
    }

    /** Stages, then commits the run if this generator was the last of its plan (a run without a plan is this generator alone). */
    @Override
    public Published publish(String generatorName, Snapshot snapshot, Path workRoot) throws IOException {
        GeneratorRun run = new GeneratorRun(storage, layout, workRoot, log::stage);
        Publication p = run.run(Generators.byName(requireGenerator(generatorName)), snapshot, RunSettings.defaults());
        RunCommit commit = commit();
        RunPlan plan = commit.loadPlan(snapshot.runId());
        if (plan == null) plan = plan(snapshot, List.of(generatorName), clock.instant()).plan();
        RunCommit.Result r = commit.commitIfComplete(plan, snapshot, generatorName);
        return new Published(p.generator(), p.geoPackageKey(), p.geoPackageLocation(), p.summaryKey(),
                p.summaryLocation(), p.geoPackageBytes(), r.outcome().name(), r.detail());
    }

    private RunCommit commit() {
        return new RunCommit(storage, layout, log::stage, RunPages.hook(), clock);
    }
}
