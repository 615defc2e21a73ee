package org.gpkg311.bench;

import java.util.ArrayList;
import java.util.List;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.capacity.CapacityPlanning;
import org.gpkg311.generator.geographic.GeographicPatterns;
import org.gpkg311.generator.optimization.OptimizationOpportunities;
import org.gpkg311.generator.predictive.PredictiveHotspots;
import org.gpkg311.generator.servicetypes.ServiceTypeInsights;
import org.gpkg311.geo.LaeaPlane;
import org.gpkg311.model.District;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.spatial.AnalysisGrid;
import org.gpkg311.spatial.HexCells;
import org.gpkg311.spatial.NearestNeighbors;
import org.gpkg311.stats.spatial.GetisOrdGiStar;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Benchmark (not a test): geodesic nearest neighbours and the hexagon grid + Gi* over its cells at
 * 49k, 200k and 1M synthetic points on the real districts, with the growth against n log n; then the
 * five spatial/composite generators' compute time on the project's sample city (about 49k requests).
 * Run: mvn -q -pl shared test-compile, then java -Xmx8g -cp shared/target/test-classes:shared/target/classes:(runtime classpath)
 * org.gpkg311.bench.SpatialBenchmark [sizes…]
 */
public final class SpatialBenchmark {

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {49_000, 200_000, 1_000_000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        List<District> districts = SyntheticCity.districts();
        LaeaPlane plane = LaeaPlane.forDistricts(districts);
        List<Geometry> planar = new ArrayList<>();
        for (District d : districts) planar.add(plane.project(d.geometry()));
        HexCells.Area area = new HexCells.Area(planar);
        double totalArea = districts.stream().mapToDouble(District::areaSqKm).sum();
        System.out.printf("machine: %d cores, %s %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);

        // warm-up on a small set so that the JIT has compiled the hot paths
        run(districts, plane, area, totalArea, 20_000, false);
        double[] nnMs = new double[sizes.length], gridMs = new double[sizes.length], giMs = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            double[] t = run(districts, plane, area, totalArea, sizes[s], true);
            nnMs[s] = t[0];
            gridMs[s] = t[1];
            giMs[s] = t[2];
        }
        System.out.println("growth from the first size (time ratio / (n log n) ratio; ≈1 means n log n):");
        for (int s = 1; s < sizes.length; s++) {
            double nlogn = (sizes[s] * Math.log(sizes[s])) / (sizes[0] * Math.log(sizes[0]));
            System.out.printf("  n=%,d: nearest neighbour %.2f, grid choice %.2f, Gi* %.2f (n log n ratio %.2f)%n", sizes[s],
                    nnMs[s] / nnMs[0] / nlogn, gridMs[s] / gridMs[0] / nlogn, giMs[s] / giMs[0] / nlogn, nlogn);
        }

        Snapshot snapshot = sampleCity();
        System.out.printf("sample city snapshot: %,d requests in the window%n", snapshot.requests().size());
        List<Generator> generators = List.of(new GeographicPatterns(), new ServiceTypeInsights(), new PredictiveHotspots(),
                new CapacityPlanning(), new OptimizationOpportunities());
        for (int round = 0; round < 3; round++) {
            StringBuilder line = new StringBuilder(round == 0 ? "generators, cold:" : "generators, warm:");
            for (Generator g : generators) {
                long t0 = System.nanoTime();
                var out = g.generate(snapshot, RunSettings.defaults());
                line.append(String.format(" %s %.0f ms (%d rows);", g.name(), (System.nanoTime() - t0) / 1e6,
                        out.layers().stream().mapToInt(t -> t.rowCount()).sum()));
            }
            System.out.println(line);
        }
    }

    /** The project's seeded sample city (about 49k requests in the window), prepared as the CLI does. */
    private static Snapshot sampleCity() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("gpkg311-bench");
        org.gpkg311.sample.SampleCity.write(dir, org.gpkg311.sample.SampleCity.DEFAULT_SEED);
        var profile = org.gpkg311.profile.CityProfile.nashville();
        var inputs = org.gpkg311.pipeline.Inputs.resolve(List.of(dir.toString()), null, profile);
        return org.gpkg311.pipeline.Pipeline.prepare(inputs, profile, null, java.time.Instant.parse("2025-12-01T00:00:00Z"),
                "bench", org.gpkg311.pipeline.RunListener.SILENT);
    }

    /** @return {nearest-neighbour ms, grid choice ms, Gi* ms} */
    private static double[] run(List<District> districts, LaeaPlane plane, HexCells.Area area, double totalArea, int n, boolean print) {
        double[][] p = SyntheticCity.points(districts, n, 42L + n);
        double[] x = new double[n], y = new double[n];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            Coordinate c = plane.project(p[0][i], p[1][i]);
            x[i] = c.x;
            y[i] = c.y;
            group[i] = (int) p[2][i];
        }
        long t0 = System.nanoTime();
        double[] nn = NearestNeighbors.geodesicMeters(p[0], p[1], x, y, group);
        long t1 = System.nanoTime();
        AnalysisGrid.Choice choice = AnalysisGrid.choose(area, totalArea, x, y);
        long t2 = System.nanoTime();
        GetisOrdGiStar.GiStar gi = GetisOrdGiStar.of(org.gpkg311.stats.Values.boxed(choice.counts()), choice.chosen().neighbours());
        long t3 = System.nanoTime();
        HexCells k1 = HexCells.covering(org.gpkg311.spatial.HexGrid.ofCellArea(totalArea / n * 2 * 1e6,
                area.envelope().getMinX(), area.envelope().getMinY()), area);
        long t4 = System.nanoTime();
        GetisOrdGiStar.of(org.gpkg311.stats.Values.boxed(k1.counts(x, y)), k1.neighbours());
        long t5 = System.nanoTime();
        if (print) {
            int hot = 0;
            for (Integer b : gi.bin()) if (b != null && b > 0) hot++;
            System.out.printf("n=%,d: nearest neighbour %.0f ms (median %.1f m); grid choice (8 candidates, Moran's I each) %.0f ms, chosen k=%d with %,d cells; Gi* over cells %.0f ms (%,d hot cells)%n",
                    n, (t1 - t0) / 1e6, median(nn), (t2 - t1) / 1e6, choice.chosenCandidate().k(), choice.chosen().size(), (t3 - t2) / 1e6, hot);
            System.out.printf("  fixed k = 1 grid (2 requests per cell): %,d cells, Gi* %.0f ms%n", k1.size(), (t5 - t4) / 1e6);
        }
        return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6};
    }

    private static double median(double[] v) {
        double[] s = java.util.Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
        return s[s.length / 2];
    }
}
