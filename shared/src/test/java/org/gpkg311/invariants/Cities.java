package org.gpkg311.invariants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.gpkg311.sample.SampleCity;
import org.gpkg311.sample.SampleSnapshots;
import org.gpkg311.snapshot.Snapshot;

/**
 * The 20 seeded cities every invariant is checked on, built once per test JVM (two at a time):
 * the structured sample city (through the real reader, cleaner and snapshot builder), ten structureless
 * cities (8,000 requests), three sparse ones (2,000 requests), three with a single request type and three
 * with five empty districts.
 */
final class Cities {

    static final int STRUCTURELESS_REQUESTS = 8_000;
    static final int SPARSE_REQUESTS = 2_000;
    /** Districts left without a request in the empty-district cities: small, large, central and outer ones. */
    static final Set<Integer> EMPTY = Set.of(3, 11, 19, 25, 35);

    private static List<City> all;
    private static SampleCity.Written sampleWritten;

    private Cities() {}

    static synchronized List<City> all() {
        if (all == null) all = build();
        return all;
    }

    static City sample() {
        return all().get(0);
    }

    /** The planted hot blocks of the sample city: {lon, lat, districtId}. */
    static List<double[]> sampleHotBlocks() {
        all();
        return sampleWritten.hotBlocks();
    }

    static List<City> of(City.Kind kind) {
        return all().stream().filter(c -> c.kind == kind).toList();
    }

    private static List<City> build() {
        List<Callable<City>> jobs = new ArrayList<>();
        jobs.add(Cities::sampleCity);
        for (int s = 1; s <= 10; s++) {
            long seed = 1000 + s;
            jobs.add(() -> new City("structureless-" + seed, City.Kind.STRUCTURELESS,
                    StructurelessCity.snapshot("structureless-" + seed, STRUCTURELESS_REQUESTS, seed, false, Set.of())));
        }
        for (int s = 1; s <= 3; s++) {
            long seed = 2000 + s;
            jobs.add(() -> new City("sparse-" + seed, City.Kind.SPARSE,
                    StructurelessCity.snapshot("sparse-" + seed, SPARSE_REQUESTS, seed, false, Set.of())));
        }
        for (int s = 1; s <= 3; s++) {
            long seed = 3000 + s;
            jobs.add(() -> new City("single-type-" + seed, City.Kind.SINGLE_TYPE,
                    StructurelessCity.snapshot("single-type-" + seed, STRUCTURELESS_REQUESTS / 2, seed, true, Set.of())));
        }
        for (int s = 1; s <= 3; s++) {
            long seed = 4000 + s;
            jobs.add(() -> new City("empty-districts-" + seed, City.Kind.EMPTY_DISTRICTS,
                    StructurelessCity.snapshot("empty-districts-" + seed, STRUCTURELESS_REQUESTS / 2, seed, false, EMPTY)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<City>> futures = new ArrayList<>();
            for (Callable<City> j : jobs) futures.add(pool.submit(j));
            List<City> out = new ArrayList<>();
            for (Future<City> f : futures) out.add(f.get());
            Map<String, Long> total = new TreeMap<>();
            for (City c : out) c.nanos.forEach((g, t) -> total.merge(g, t, Long::sum));
            System.out.println("invariant cities: generator wall time over " + out.size() + " cities (ms): "
                    + total.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() / 1_000_000).toList());
            return List.copyOf(out);
        } catch (ExecutionException e) {
            throw new IllegalStateException("building the invariant cities failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static City sampleCity() throws IOException {
        Path dir = Files.createTempDirectory("gpkg311-invariants-sample");
        try {
            sampleWritten = SampleCity.write(dir, SampleCity.DEFAULT_SEED);
            Snapshot s = SampleSnapshots.of(sampleWritten, "sample-" + SampleCity.DEFAULT_SEED);
            return new City("sample-" + SampleCity.DEFAULT_SEED, City.Kind.SAMPLE, s);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
