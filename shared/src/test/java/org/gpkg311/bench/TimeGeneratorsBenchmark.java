package org.gpkg311.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.peakhour.PeakHourConsistency;
import org.gpkg311.generator.temporal.TemporalPatterns;
import org.gpkg311.generator.timeclusters.TimeBasedClusters;
import org.gpkg311.generator.trend.TrendDirection;
import org.gpkg311.generator.volatility.RequestVolatility;
import org.gpkg311.gpkg.GeoPackageWriter;
import org.gpkg311.model.District;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.series.TimeFixture;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.Window;

/**
 * Micro benchmark (not a test): compute and GeoPackage write time of the five time generators on a
 * synthetic 49k-request, 35-district snapshot, warm. Run after {@code mvn -pl shared test-compile}:
 * {@code java -cp shared/target/test-classes:shared/target/classes:<dependency classpath> org.gpkg311.bench.TimeGeneratorsBenchmark [requests]}.
 */
public final class TimeGeneratorsBenchmark {

    private static final String[] TYPES = {"Pothole", "Trash", "Noise", "Graffiti", "Streetlight", "Sidewalk",
            "Recycling", "Abandoned Vehicle", "Tree", "Water", "Sewer", "Parking", "Animal", "Codes", "Stormwater",
            "Bulk Item", "Litter", "Signal", "Sign", "Other"};

    private TimeGeneratorsBenchmark() {}

    /**
     * A synthetic snapshot: 35 districts on a 7 × 5 grid of touching 0.02° squares, requests spread over the
     * 92-day window ending 2025-11-24 with a weekday-daytime hour profile, district weights 1..35 and a
     * slow trend per district; 2% without coordinates, 80% closed after 1–200 hours.
     */
    public static Snapshot syntheticSnapshot(int requests, long seed) {
        Random rnd = new Random(seed);
        Window window = Window.endingAt(TimeFixture.AS_OF, TimeFixture.ZONE);
        List<District> districts = new ArrayList<>();
        for (int i = 0; i < 35; i++) districts.add(TimeFixture.district(i + 1, -86.9 + 0.02 * (i % 7), 36.0 + 0.02 * (i / 7), 0.02));
        long start = window.start().getEpochSecond(), span = window.asOf().getEpochSecond() - start;
        double totalWeight = 35 * 36 / 2.0;
        List<ServiceRequest> out = new ArrayList<>(requests);
        for (int r = 0; r < requests; r++) {
            double u = rnd.nextDouble() * totalWeight;
            int d = 0;
            while (u > d + 1) { u -= d + 1; d++; }
            d = Math.min(d, 34);
            Instant opened;
            do {
                opened = Instant.ofEpochSecond(start + (long) (rnd.nextDouble() * span));
                int hour = window.local(opened).getHour();
                double hourWeight = hour >= 8 && hour < 17 ? 1.0 : hour >= 6 && hour < 22 ? 0.5 : 0.15;
                double trend = 1 + ((d % 5) - 2) * 0.1 * (opened.getEpochSecond() - start) / (double) span;
                if (rnd.nextDouble() < hourWeight * trend / 1.3) break;
            } while (true);
            Instant closed = rnd.nextDouble() < 0.8 ? opened.plus(Duration.ofMinutes(60 + rnd.nextInt(12_000))) : null;
            if (closed != null && closed.isAfter(window.asOf())) closed = null;
            District dist = districts.get(d);
            double lon = dist.centroidLon() + (rnd.nextDouble() - 0.5) * 0.018, lat = dist.centroidLat() + (rnd.nextDouble() - 0.5) * 0.018;
            out.add(new ServiceRequest("R" + r, TYPES[Math.min(TYPES.length - 1, (int) (Math.abs(rnd.nextGaussian()) * 5))],
                    null, null, closed == null ? "Open" : "Closed", closed == null, opened, closed, "Phone", "1 Main St",
                    "Nashville", "37201", lat, lon, dist.id(), rnd.nextDouble() >= 0.02));
        }
        return TimeFixture.snapshot(window, out, districts);
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 49_000;
        long t0 = System.nanoTime();
        Snapshot snapshot = syntheticSnapshot(n, 42L);
        System.out.printf("synthetic snapshot: %d requests, %d districts, built in %.0f ms%n",
                snapshot.requests().size(), snapshot.districts().size(), (System.nanoTime() - t0) / 1e6);
        RunSettings settings = RunSettings.defaults();
        // the series alone (one pass), without the memo
        time("series (one pass)", () -> SnapshotSeries.compute(snapshot), 20);
        List<Generator> generators = List.of(new TemporalPatterns(), new PeakHourConsistency(), new RequestVolatility(),
                new TimeBasedClusters(), new TrendDirection());
        for (Generator g : generators) time(g.name() + " (memoised series)", () -> g.generate(snapshot, settings), 10);
        for (Generator g : generators) {
            time(g.name() + " (series recomputed)", () -> g.generate(copyOf(snapshot), settings), 10);
        }
        Path dir = Files.createTempDirectory("time-bench");
        for (Generator g : generators) {
            GeneratorOutput out = g.generate(snapshot, settings);
            Path file = dir.resolve(g.name() + ".gpkg");
            time(g.name() + " (GeoPackage write)", () -> {
                try {
                    GeoPackageWriter.write(file, g.name(), out.layers(), out.provenance());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, 3);
            System.out.printf("%-45s %.1f MB%n", "  " + file.getFileName(), Files.size(file) / 1e6);
            Files.delete(file);
        }
        Files.delete(dir);
    }

    /** A new Snapshot instance with the same content, so the series memo does not apply. */
    private static Snapshot copyOf(Snapshot s) {
        return new Snapshot(s.runId(), s.cityName(), s.window(), s.districts(), s.requests(), s.quality());
    }

    private static void time(String what, Runnable task, int runs) {
        for (int i = 0; i < 3; i++) task.run(); // warm-up
        long best = Long.MAX_VALUE, total = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            task.run();
            long e = System.nanoTime() - t;
            best = Math.min(best, e);
            total += e;
        }
        System.out.printf("%-45s best %7.1f ms   mean %7.1f ms   (%d warm runs)%n", what, best / 1e6, total / 1e6 / runs, runs);
    }
}
