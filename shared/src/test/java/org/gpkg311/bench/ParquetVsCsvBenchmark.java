package org.gpkg311.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.gpkg311.geo.DistrictLoader;
import org.gpkg311.model.District;
import org.gpkg311.pipeline.Inputs;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.read.RawSource;
import org.gpkg311.read.RequestReader;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.SnapshotBuilder;

/**
 * Benchmark (not a test): the same rows as the earlier pipeline's Parquet and as the city's CSV, read alone and read
 * into a snapshot (clean + join), in alternating runs so that machine load hits both alike. Input: a folder with
 * requests.parquet and requests.csv from src/test/resources/earlier/make_fixtures.py N FOLDER. Figures and the
 * command: bench/earlier/README.md.
 */
public final class ParquetVsCsvBenchmark {

    /** Process CPU, since hardwood decodes pages on worker threads (it includes GC and JIT threads, for both alike). */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final CityProfile PROFILE = CityProfile.nashville();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        List<District> districts;
        try (var in = Inputs.bundledDistricts().open()) {
            districts = DistrictLoader.load(in, "bundled", PROFILE.toDistrictFields());
        }
        String[] files = {"requests.parquet", "requests.csv"};
        long[][] readWall = new long[2][rounds], readCpu = new long[2][rounds];
        long[][] buildWall = new long[2][rounds], buildCpu = new long[2][rounds];
        long[] rows = new long[2], accepted = new long[2];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < 2; k++) {
                int f = (round % 2 == 0) ? k : 1 - k; // alternate which format goes first
                RawSource source = RawSource.of(dir.resolve(files[f]));
                long w0 = System.nanoTime(), c0 = OS.getProcessCpuTime();
                rows[f] = new RequestReader(PROFILE).read(source, r -> { });
                readWall[f][round] = System.nanoTime() - w0;
                readCpu[f][round] = OS.getProcessCpuTime() - c0;
                w0 = System.nanoTime();
                c0 = OS.getProcessCpuTime();
                Snapshot s = SnapshotBuilder.build(List.of(source), districts, PROFILE,
                        Instant.parse("2025-11-24T23:59:59Z"), Instant.parse("2025-12-01T00:00:00Z"), "bench");
                buildWall[f][round] = System.nanoTime() - w0;
                buildCpu[f][round] = OS.getProcessCpuTime() - c0;
                accepted[f] = s.quality().rowsAccepted();
            }
        }
        System.out.printf("machine: %d cores, %s, Java %s; %d rounds, the first one cold%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                System.getProperty("java.version"), rounds);
        System.out.println("| file | bytes | rows | accepted | read: cold wall | read: median wall / process CPU (warm)"
                + " | snapshot: median wall / process CPU (warm) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (int f = 0; f < 2; f++) {
            System.out.printf("| %s | %,d | %,d | %,d | %d ms | %d / %d ms | %d / %d ms |%n", files[f],
                    Files.size(dir.resolve(files[f])), rows[f], accepted[f], readWall[f][0] / 1_000_000,
                    median(readWall[f]), median(readCpu[f]), median(buildWall[f]), median(buildCpu[f]));
        }
    }

    /** Median of the warm rounds (all but the first), in ms. */
    private static long median(long[] nanos) {
        long[] warm = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(warm);
        return warm[warm.length / 2] / 1_000_000;
    }

    private ParquetVsCsvBenchmark() {
    }
}
