package org.gpkg311.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.geo.DistrictFields;
import org.gpkg311.geo.DistrictLoader;
import org.gpkg311.model.District;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.read.RawSource;
import org.gpkg311.sample.SampleCity;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.SnapshotBuilder;
import org.gpkg311.snapshot.SnapshotCodec;

/**
 * Benchmark (not a test): sample city → snapshot, stage by stage, three times in one JVM (the first
 * is cold), then a ~650k-row city made of 15 copies of the sample's plain CSV files (ids offset).
 * Figures: bench/ingest/README.md. Run: see that README.
 */
public final class IngestBenchmark {

    private static final Instant CLOCK = Instant.parse("2026-01-01T00:00:00Z");
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path dir = null;
        for (int rep = 0; rep < 3; rep++) {
            dir = Files.createTempDirectory("gpkg311-sample");
            Stopwatch w = new Stopwatch();
            SampleCity.Written written = SampleCity.write(dir, SampleCity.DEFAULT_SEED);
            String sample = w.lap();
            List<District> districts = loadDistricts(written.districts());
            String load = w.lap();
            List<RawSource> sources = written.rawFiles().stream().map(RawSource::of).toList();
            Snapshot s = SnapshotBuilder.build(sources, districts, CityProfile.nashville(), null, CLOCK, "bench");
            String build = w.lap();
            byte[] bytes = org.gpkg311.snapshot.SnapshotCodecTest.bytesOf(s);
            String encode = w.lap();
            Snapshot back = SnapshotCodec.read(new ByteArrayInputStream(bytes));
            String decode = w.lap();
            System.out.printf("run %d (cpu / wall): sample %s, districts %s, snapshot %s (%d rows → %d), encode %s (%d bytes), decode %s, round trip equal: %s%n",
                    rep + 1, sample, load, build, s.quality().rowsRead(), s.requests().size(), encode, bytes.length, decode, back.equals(s));
        }
        scale(dir, 15);
    }

    /** n copies of the sample's two plain CSV files, request ids offset per copy so that none is a duplicate. */
    static void scale(Path sampleDir, int copies) throws Exception {
        List<RawSource> sources = new ArrayList<>();
        for (String file : List.of("hubnashville-311-sample-1.csv", "hubnashville-311-sample-2.csv")) {
            List<String> lines = Files.readAllLines(sampleDir.resolve("raw/311/" + file));
            for (int copy = 0; copy < copies; copy++) {
                StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
                for (String line : lines.subList(1, lines.size())) {
                    int comma = line.indexOf(',');
                    csv.append(comma > 0 ? (copy * 10_000_000L + Long.parseLong(line.substring(0, comma))) + line.substring(comma) : line).append('\n');
                }
                sources.add(RawSource.of(file + "#" + copy, csv.toString().getBytes(StandardCharsets.UTF_8)));
            }
        }
        List<District> districts = loadDistricts(sampleDir.resolve("reference/council-districts.geojson"));
        System.gc();
        Stopwatch w = new Stopwatch();
        Snapshot s = SnapshotBuilder.build(sources, districts, CityProfile.nashville(), null, CLOCK, "bench-scale");
        String build = w.lap();
        byte[] bytes = org.gpkg311.snapshot.SnapshotCodecTest.bytesOf(s);
        String encode = w.lap();
        SnapshotCodec.read(new ByteArrayInputStream(bytes));
        String decode = w.lap();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("scale ×%d (cpu / wall): %d rows read, %d accepted; build %s, encode %s (%d bytes), decode %s; heap in use %d MB%n",
                copies, s.quality().rowsRead(), s.requests().size(), build, encode, bytes.length, decode, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static List<District> loadDistricts(Path geojson) throws Exception {
        try (InputStream in = Files.newInputStream(geojson)) {
            return DistrictLoader.load(in, geojson.toString(), DistrictFields.nashville());
        }
    }

    /** CPU time of this thread and wall time since the last lap. */
    private static final class Stopwatch {
        private long cpu = CPU.getCurrentThreadCpuTime(), wall = System.nanoTime();

        String lap() {
            long c = CPU.getCurrentThreadCpuTime(), t = System.nanoTime();
            String s = String.format("%.0f / %.0f ms", (c - cpu) / 1e6, (t - wall) / 1e6);
            cpu = c;
            wall = t;
            return s;
        }
    }
}
