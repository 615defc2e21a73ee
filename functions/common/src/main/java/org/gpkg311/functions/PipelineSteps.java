package org.gpkg311.functions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;

import java.util.List;

import org.gpkg311.pipeline.RunIds;
import org.gpkg311.generator.Generators;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.pipeline.GeneratorRun;
import org.gpkg311.pipeline.Inputs;
import org.gpkg311.pipeline.Pipeline;
import org.gpkg311.pipeline.Publication;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.storage.Storage;


/** {@link RunSteps} on the shared pipeline: the only place where the handlers call into it. */
public final class PipelineSteps implements RunSteps {


    private final Storage storage;
    private final CityProfile profile;
    private final FunctionSettings settings;
    private final JsonLog log;

    PipelineSteps(Storage storage, CityProfile profile, FunctionSettings settings, JsonLog log) {
        this.storage = storage;
        this.profile = profile;
        this.settings = settings;
        this.log = log;
    }

    public static PipelineSteps create(Storage storage, FunctionSettings settings, JsonLog log) {
        return new PipelineSteps(storage, profile(storage, settings.profile()), settings, log);
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
                "org.gpkg311.gpkg.GeoPackageWriter", "org.gpkg311.gpkg.GeoPackageCheck", "org.gpkg311.summary.SummaryJson",
                "org.locationtech.jts.io.WKBWriter", "org.locationtech.jts.index.strtree.STRtree", "org.sqlite.JDBC")) {
            try {
                Class.forName(c, true, PipelineSteps.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // Priming is an optimisation: a missing class shows up, with its real error, at the first invocation.
            }
        }
    }

    public static void requireGenerator(String name) {
        Generators.byName(name);
    }

    @Override
    public Snapshot prepare(String runId, Instant asOf) throws IOException {
        Inputs inputs = Inputs.resolve(List.of(settings.location()), null, profile);
        return Pipeline.prepare(inputs, profile, asOf, Instant.now(), runId, log::stage);
    }

    /** {@code runs/<runId>/snapshot.bin} and, beside it, the data-quality report as JSON. */
    @Override
    public String save(Snapshot snapshot) throws IOException {
        RunIds.requireValid(snapshot.runId());
        return Pipeline.saveSnapshot(storage, snapshot);
    }

    @Override
    public Snapshot load(String snapshotKey) throws IOException {
        return Pipeline.loadSnapshot(storage, snapshotKey);
    }

    @Override
    public Published publish(String generatorName, Snapshot snapshot, Path workRoot) throws IOException {
        GeneratorRun run = new GeneratorRun(storage, settings.publicPrefix(), workRoot, log::stage);
        Publication p = run.run(Generators.byName(generatorName), snapshot, RunSettings.defaults());
        return new Published(p.generator(), p.geoPackageKey(), p.geoPackageLocation(), p.summaryKey(),
                p.summaryLocation(), p.geoPackageBytes());
    }
}
