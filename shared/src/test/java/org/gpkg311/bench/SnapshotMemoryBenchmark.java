package org.gpkg311.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.gpkg311.geo.DistrictLoader;
import org.gpkg311.model.District;
import org.gpkg311.pipeline.Inputs;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.SnapshotBuilder;
import org.gpkg311.snapshot.SnapshotCodec;

/**
 * Benchmark (not a test): heap retained by the snapshot of a sample folder (used heap after GC, before and after
 * building it), then three encode/decode rounds through a file. Figures and command: bench/scale.md.
 */
public final class SnapshotMemoryBenchmark {
    private SnapshotMemoryBenchmark() {}

    /** Used heap after full collections. */
    static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /** @param a the sample folder ({@code gpkg311 sample --output X}) */
    public static void main(String[] a) throws Exception {
        CityProfile profile = CityProfile.nashville();
        Inputs in = Inputs.resolve(List.of(a[0]), null, profile);
        List<District> ds;
        try (InputStream is = in.districts().open()) { ds = DistrictLoader.load(is, in.districts().name(), profile.toDistrictFields()); }
        long u0 = used();
        long c = CPU.getCurrentThreadCpuTime(), t = System.nanoTime();
        Snapshot s = SnapshotBuilder.build(in.raw(), ds, profile, null, Instant.now(), "bench");
        System.out.printf("build: %d requests, wall %.1f s, cpu %.1f s%n", s.requests().size(), (System.nanoTime() - t) / 1e9, (CPU.getCurrentThreadCpuTime() - c) / 1e9);
        long u1 = used();
        System.out.printf("retained by the built snapshot: %.1f MB (%.0f bytes/request)%n", (u1 - u0) / 1e6, (double) (u1 - u0) / s.requests().size());
        Path f = Files.createTempFile("snap", ".bin");
        Snapshot back = null;
        for (int rep = 0; rep < 3; rep++) {
            c = CPU.getCurrentThreadCpuTime(); t = System.nanoTime();
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) { SnapshotCodec.write(s, o); }
            double ew = (System.nanoTime() - t) / 1e9, ec = (CPU.getCurrentThreadCpuTime() - c) / 1e9;
            back = null;
            used();
            c = CPU.getCurrentThreadCpuTime(); t = System.nanoTime();
            try (InputStream i = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) { back = SnapshotCodec.read(i); }
            double dw = (System.nanoTime() - t) / 1e9, dc = (CPU.getCurrentThreadCpuTime() - c) / 1e9;
            System.out.printf("rep %d: file %d bytes; encode wall %.2f s cpu %.2f s; decode wall %.2f s cpu %.2f s%n", rep + 1, Files.size(f), ew, ec, dw, dc);
        }
        System.out.println("round trip equal: " + back.requests().equals(s.requests()));
        s = null;
        long u2 = used();
        System.out.printf("retained by the decoded snapshot: %.1f MB%n", (u2 - u0) / 1e6);
        Files.delete(f);
    }
}
