package org.gpkg311.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.Generators;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.pipeline.GeneratorRun;
import org.gpkg311.pipeline.Inputs;
import org.gpkg311.pipeline.Pipeline;
import org.gpkg311.pipeline.Publication;
import org.gpkg311.pipeline.RunIds;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.storage.Storages;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @Override
    public Integer call() throws Exception {
        StderrProgress progress = new StderrProgress(System.err);
        List<Generator> generators = only.isEmpty() ? Generators.all() : only.stream().map(Generators::byName).toList();
        CityProfile city = loadProfile();

        List<String> locations = inputs;
        if (locations.isEmpty()) locations = List.of(SampleFolder.ensure(sampleDir, progress).toString());

        if (runId != null) RunIds.requireValid(runId);
        Inputs in = Inputs.resolve(locations, districts, city);
        Snapshot snapshot = Pipeline.prepare(in, city, asOf, Instant.now(), runId, progress);
        Path scratch = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "gpkg311");
        GeneratorRun run = new GeneratorRun(Storages.at(output), "", scratch, progress);
        List<Publication> published = Pipeline.publish(generators, snapshot, new RunSettings(seed), run, threads);

        System.err.printf("run %s: %d requests in %s .. %s, %d GeoPackage(s)%n", snapshot.runId(), snapshot.requests().size(),
                snapshot.window().startDate(), snapshot.window().endDate(), published.size());
        for (Publication p : published) System.out.println(p.geoPackageLocation());
        return 0;
    }

    private CityProfile loadProfile() throws Exception {
        if (profile == null) return CityProfile.nashville();
        try (InputStream in = Files.newInputStream(profile)) {
            return CityProfile.load(in);
        }
    }
}
