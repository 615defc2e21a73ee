package org.gpkg311.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.gpkg311.ingest.FeedIngest;
import org.gpkg311.ingest.PullFailedException;
import org.gpkg311.ingest.PullWindow;
import org.gpkg311.ingest.RetryPolicy;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.storage.Storages;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gpkg311 ingest}: pulls the window the next run needs from the city's FeatureServer layer into
 * ONE object under {@code LOCATION/raw/311/} (nothing when the pull fails or the rows are unchanged).
 * Progress on stderr, the written object on stdout. Exit 2 when the service answers wrongly, 3 when it
 * cannot be reached.
 */
@Command(name = "ingest", description = "Pull the city's 311 FeatureServer layer (the as-of date's window) into one object under LOCATION/raw/311/.")
final class IngestCommand implements Callable<Integer> {

    static final int REFUSED = 2;
    static final int NETWORK = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--service", paramLabel = "URL", description = "The FeatureServer layer, …/FeatureServer/0. Default: the profile's featureService.")
    String service;

    @Option(names = "--output", paramLabel = "LOCATION", required = true, description = "A folder or s3://bucket/prefix; the object goes under its raw/311/.")
    String output;

    @Option(names = "--as-of", paramLabel = "INSTANT", description = "The instant the next run describes, ISO-8601. Default: now.")
    Instant asOf;

    @Option(names = "--months", defaultValue = "" + PullWindow.DEFAULT_MONTHS, description = "Months before the as-of date (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--margin-days", defaultValue = "" + PullWindow.DEFAULT_MARGIN_DAYS, description = "Extra days before those months (default: ${DEFAULT-VALUE}).")
    int marginDays;

    @Option(names = "--profile", paramLabel = "FILE", description = "City profile JSON. Default: the bundled Nashville profile.")
    Path profile;

    @Option(names = "--attempts", defaultValue = "5", description = "Tries per request on HTTP 429/5xx, timeouts and resets (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--backoff-ms", defaultValue = "2000", description = "First pause between tries, doubled per retry up to 8x (default: ${DEFAULT-VALUE}).")
    long backoffMs;

    @Option(names = "--work-dir", description = "Where the pull is built before it is stored (default: the system temp folder).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        CityProfile city = profile == null ? CityProfile.nashville() : load(profile);
        String name = profile == null ? "nashville" : profile.getFileName().toString().replaceFirst("\\.json$", "");
        String url = service != null ? service : FeedIngest.defaultService(city);
        Duration first = Duration.ofMillis(backoffMs);
        RetryPolicy retry = new RetryPolicy(attempts, first, first.multipliedBy(8), RetryPolicy.DEFAULT.requestTimeout());
        Path scratch = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "gpkg311");
        var settings = new FeedIngest.Settings(name, url, asOf != null ? asOf : Instant.now(), months, marginDays, 0, retry, scratch);

        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        try {
            FeedIngest.Result r = new FeedIngest(Storages.at(output), city, Clock.systemUTC()).run(settings, new FeedIngest.Progress() {
                @Override
                public void counted(String where, long expected, int pageSize) {
                    err.printf("[%7.2fs] ingest    count     %d rows for %s, pages of %d%n", seconds(t0), expected, where, pageSize);
                }

                @Override
                public void page(int page, long offset, int rows, long rowsSoFar, long millis) {
                    err.printf("[%7.2fs] ingest    page %-4d offset=%d rows=%d total=%d%n", seconds(t0), page, offset, rows, rowsSoFar);
                }
            });
            if (!r.written()) {
                err.printf("ingest: %d rows, identical to the newest pull %s: nothing written%n", r.record().rows(), r.location());
                return 0;
            }
            err.printf("ingest: %d rows in %d pages, %s .. %s, %.1f s%n", r.record().rows(), r.record().pages(),
                    r.record().from(), r.record().to(), r.millis() / 1000.0);
            out.println(r.location());
            out.flush();
            return 0;
        } catch (PullFailedException e) {
            err.println("gpkg311: error: " + e.getMessage());
            return e.network() ? NETWORK : REFUSED;
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static CityProfile load(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return CityProfile.load(in);
        }
    }
}
