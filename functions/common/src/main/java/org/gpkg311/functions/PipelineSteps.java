package org.gpkg311.functions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;

import org.gpkg311.generator.Generators;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.pipeline.GeneratorRun;
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

    public static void requireGenerator(String name) {
        Generators.byName(name);
    }

    @Override
    public Snapshot prepare(String runId, Instant asOf) throws IOException {
        throw new UnsupportedOperationException("waiting for org.gpkg311.pipeline.Pipeline (snapshot preparation) on main");
    }

    @Override
    public String save(Snapshot snapshot) throws IOException {
        throw new UnsupportedOperationException("waiting for org.gpkg311.pipeline.Pipeline (snapshot storage) on main");
    }

    @Override
    public Snapshot load(String snapshotKey) throws IOException {
        throw new UnsupportedOperationException("waiting for org.gpkg311.pipeline.Pipeline (snapshot storage) on main");
    }

    @Override
    public Published publish(String generatorName, Snapshot snapshot, Path workRoot) throws IOException {
        GeneratorRun run = new GeneratorRun(storage, settings.publicPrefix(), workRoot, log::stage);
        Publication p = run.run(Generators.byName(generatorName), snapshot, RunSettings.defaults());
        return new Published(p.generator(), p.geoPackageKey(), p.geoPackageLocation(), p.summaryKey(),
                p.summaryLocation(), p.geoPackageBytes());
    }
}
