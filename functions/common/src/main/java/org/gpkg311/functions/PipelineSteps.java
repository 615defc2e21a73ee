package org.gpkg311.functions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gpkg311.generator.Generators;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.pipeline.GeneratorRun;
import org.gpkg311.pipeline.Inputs;
import org.gpkg311.pipeline.Pipeline;
import org.gpkg311.pipeline.Publication;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.SnapshotCodec;
import org.gpkg311.storage.Storage;

import com.fasterxml.jackson.databind.ObjectMapper;

/** {@link RunSteps} on the shared pipeline: the only place where the handlers call into it. */
public final class PipelineSteps implements RunSteps {

    public static final String SNAPSHOT_FILE = "snapshot.bin";
    public static final String QUALITY_FILE = "quality.json";
    private static final ObjectMapper JSON = new ObjectMapper();

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
        Inputs inputs = Inputs.resolve(List.of(settings.location()), null, profile);
        return Pipeline.prepare(inputs, profile, asOf, Instant.now(), runId, log::stage);
    }

    /** {@code runs/<runId>/snapshot.bin} and, beside it, the data-quality report as JSON. */
    @Override
    public String save(Snapshot snapshot) throws IOException {
        String folder = settings.runsPrefix() + RunIds.requireValid(snapshot.runId()) + "/";
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("runId", snapshot.runId());
        metadata.put("asOf", String.valueOf(snapshot.window().asOf()));
        metadata.put("requests", String.valueOf(snapshot.requests().size()));
        metadata.put("formatVersion", String.valueOf(Snapshot.FORMAT_VERSION));
        // The report first: a snapshot key that exists always has its report beside it.
        storage.put(folder + QUALITY_FILE, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(qualityReport(snapshot)),
                "application/json", metadata);
        String key = folder + SNAPSHOT_FILE;
        storage.put(key, SnapshotCodec.toBytes(snapshot), "application/octet-stream", metadata);
        return key;
    }

    static Map<String, Object> qualityReport(Snapshot s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("runId", s.runId());
        r.put("city", s.cityName());
        r.put("asOf", String.valueOf(s.window().asOf()));
        r.put("windowStartDate", String.valueOf(s.window().startDate()));
        r.put("windowEndDate", String.valueOf(s.window().endDate()));
        r.put("districts", s.districts().size());
        r.put("sources", s.quality().sources());
        r.put("rowsRead", s.quality().rowsRead());
        r.put("rowsAccepted", s.quality().rowsAccepted());
        r.put("rowsOutsideWindow", s.quality().rowsOutsideWindow());
        r.put("rowsRejected", s.quality().rowsRejected());
        r.put("rejectedByReason", s.quality().rejectedByReason());
        r.put("notes", s.quality().notes());
        return r;
    }

    @Override
    public Snapshot load(String snapshotKey) throws IOException {
        try (InputStream in = storage.open(snapshotKey)) {
            return SnapshotCodec.read(in);
        }
    }

    @Override
    public Published publish(String generatorName, Snapshot snapshot, Path workRoot) throws IOException {
        GeneratorRun run = new GeneratorRun(storage, settings.publicPrefix(), workRoot, log::stage);
        Publication p = run.run(Generators.byName(generatorName), snapshot, RunSettings.defaults());
        return new Published(p.generator(), p.geoPackageKey(), p.geoPackageLocation(), p.summaryKey(),
                p.summaryLocation(), p.geoPackageBytes());
    }
}
