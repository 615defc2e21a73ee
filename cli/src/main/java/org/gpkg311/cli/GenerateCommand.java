package org.gpkg311.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.Generators;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.pipeline.RunPages;
import org.gpkg311.storage.FaultPoints;
import org.gpkg311.pipeline.GeneratorRun;
import org.gpkg311.pipeline.Inputs;
import org.gpkg311.pipeline.Pipeline;
import org.gpkg311.pipeline.Publication;
import org.gpkg311.pipeline.PublicationLayout;
import org.gpkg311.pipeline.RunCommit;
import org.gpkg311.pipeline.RunIds;
import org.gpkg311.pipeline.RunPlan;
import org.gpkg311.pipeline.StaleRuns;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.storage.LocalStorage;
import org.gpkg311.storage.Storage;
import org.gpkg311.storage.Storages;
import org.gpkg311.storage.StoredObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gpkg311 generate}: the same pipeline as the Lambdas, on local folders or S3 locations. With no
 * {@code --input} it runs on the sample city (written to {@code ./sample} on first use).
 */
@Command(name = "generate", description = "Generate GeoPackages (default: all, on the bundled sample city, into ./out).")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Generate only these (repeatable or comma-separated). See 'list'.")
    List<String> only = new ArrayList<>();

    @Option(names = "--input", paramLabel = "LOCATION", description = "Raw 311 data: a file, a folder, or s3://bucket/prefix laid out as raw/311/ + reference/ (repeatable). Default: the sample city.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--districts", paramLabel = "FILE", description = "Council district polygons (GeoJSON). Default: reference/ of the input, else the bundled 2022 Nashville districts.")
    String districts;

    @Option(names = "--output", paramLabel = "LOCATION", defaultValue = "out", description = "Where <name>/<name>.gpkg and .json go: a folder or s3://bucket/prefix (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--as-of", paramLabel = "INSTANT", description = "The instant to describe, ISO-8601 (e.g. 2025-11-24T23:59:59Z). Default: the latest opening time in the data.")
    Instant asOf;

    @Option(names = "--profile", paramLabel = "FILE", description = "City profile JSON. Default: the bundled Nashville profile.")
    Path profile;

    @Option(names = "--seed", defaultValue = "" + RunSettings.DEFAULT_SEED, description = "Seed of k-means restarts and permutation tests (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--run-id", description = "Run identifier written into every file. Default: derived from the data, so a rerun matches.")
    String runId;

    @Option(names = "--sample-dir", defaultValue = "sample", description = "Where the sample city is written when no --input is given (default: ${DEFAULT-VALUE}).")
    Path sampleDir;

    @Option(names = "--threads", description = "Generators run at once (default: the number of cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--work-dir", description = "Scratch folder for GeoPackages before publishing (default: the system temp folder).")
    Path workDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StderrProgress progress = new StderrProgress(System.err);
        List<Generator> generators = generators();
        CityProfile city = loadProfile();
        if (runId != null) RunIds.requireValid(runId);
        Path scratch = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "gpkg311");
        Storage target = Storages.at(output);
        for (Path p : StaleRuns.clean(target instanceof LocalStorage l ? l.root() : null, scratch)) {
            System.err.println("gpkg311: removed a leftover of a killed run: " + p);
        }

        List<String> locations = inputs;
        if (locations.isEmpty()) locations = List.of(SampleFolder.ensure(sampleDir, progress).toString());
        Inputs in = Inputs.resolve(locations, districts, city);
        Instant preparedAt = Instant.now();
        Snapshot snapshot = Pipeline.prepare(in, city, asOf, preparedAt, runId, progress);

        PublicationLayout layout = PublicationLayout.folder();
        RunPlan plan = new RunPlan(snapshot.runId(), generators.stream().map(Generator::name).toList(),
                snapshot.window().asOf(), preparedAt, RunIds.contentDigest(snapshot));
        RunCommit commit = new RunCommit(target, layout, progress, RunPages.hook(), Clock.systemUTC());
        RunCommit.Result result;
        String staging = layout.runPrefix(plan.runId());
        try {
            target.put(staging + StaleRuns.OWNER, StaleRuns.ownerMarker(), "text/plain", Map.of());
            FaultPoints.reach(FaultPoints.BEFORE_STAGING);
            GeneratorRun run = new GeneratorRun(target, layout, scratch, progress);
            List<Publication> staged = Pipeline.publish(generators, snapshot, new RunSettings(seed), run, threads);
            result = commit.commitIfComplete(plan, snapshot, "cli");
            if (result.outcome() == RunCommit.Outcome.COMMITTED || result.outcome() == RunCommit.Outcome.ALREADY_COMMITTED) {
                System.err.printf("run %s: %d requests in %s .. %s, %d GeoPackage(s)%n", snapshot.runId(), snapshot.requests().size(),
                        snapshot.window().startDate(), snapshot.window().endDate(), staged.size());
                for (Publication p : staged) System.out.println(p.geoPackageLocation());
                return 0;
            }
        } finally {
            removeStaging(target, staging);
        }
        // Newest wins: the output holds a later run, which stays.
        spec.commandLine().getErr().println("gpkg311: error: run " + plan.runId() + " not published: " + result.detail());
        return ErrorReporter.BAD_INPUT;
    }

    /** Validates --only before anything is read or written: an unknown name is a usage error (exit 2). */
    private List<Generator> generators() {
        if (only.isEmpty()) return Generators.all();
        List<String> unknown = only.stream().filter(n -> !Generators.names().contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "unknown generator(s) " + String.join(", ", unknown)
                    + " for --only; known: " + String.join(", ", Generators.names()));
        }
        return only.stream().distinct().map(Generators::byName).toList();
    }

    /** The run's staging folder goes on every path: committed files were copied out, a failed run publishes nothing. */
    private static void removeStaging(Storage target, String staging) {
        try {
            for (StoredObject o : target.list(staging)) target.delete(o.key());
        } catch (IOException e) {
            System.err.println("gpkg311: warning: cannot remove the staging folder " + target.nameOf(staging) + ": " + e.getMessage());
        }
    }

    private CityProfile loadProfile() throws Exception {
        if (profile == null) return CityProfile.nashville();
        try (InputStream in = Files.newInputStream(profile)) {
            return CityProfile.load(in);
        }
    }
}
