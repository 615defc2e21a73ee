package org.gpkg311.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.gpkg311.sample.SampleCity;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the bundled sample city: synthetic raw 311 CSV exports and the real 2022 council districts. */
@Command(name = "sample", description = "Write the sample city (raw/311/*.csv + reference/council-districts.geojson) to a folder.")
final class SampleCommand implements Callable<Integer> {

    @Option(names = "--output", required = true, description = "Folder to write the sample city into.")
    Path output;

    @Option(names = "--seed", defaultValue = "" + SampleCity.DEFAULT_SEED, description = "Seed of the synthetic data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--requests", paramLabel = "N",
            description = "About N requests in the 92-day window, the same city scaled (at least 1000; up to millions,"
                    + " streamed to the files). Default: the standard sample, ~48,000 requests in the window.")
    Integer requests;

    @Override
    public Integer call() throws Exception {
        SampleCity.Written w = requests == null ? SampleCity.write(output, seed) : SampleCity.writeRequests(output, seed, requests);
        System.err.println("sample city written to " + output.toAbsolutePath() + " (" + w.rows() + " rows)");
        System.out.println(output.toAbsolutePath());
        return 0;
    }
}
