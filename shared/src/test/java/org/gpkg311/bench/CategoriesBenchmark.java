package org.gpkg311.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gpkg311.geo.DistrictFields;
import org.gpkg311.geo.DistrictLoader;
import org.gpkg311.generator.peakhour.PeakHourMetrics;
import org.gpkg311.generator.temporal.TemporalMetrics;
import org.gpkg311.model.District;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.read.RawSource;
import org.gpkg311.sample.SampleCity;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.SnapshotBuilder;
import org.gpkg311.stats.FeatureWords;
import org.gpkg311.stats.ProfileGroups;
import org.gpkg311.stats.ScoreClasses;
import org.gpkg311.stats.SilhouetteCategories;

/**
 * Micro benchmark (not a test): the statistics toolkit's categories on the sample city's 35 districts, warm,
 * Revision 2 (k-means++ with 10 restarts per k on z-scores, "silhouette categories") against Revision 3
 * (exact 1-D k-means score classes; profile groups with 50 restarts, Hartigan transfers and the gap statistic's
 * 100 reference sets). The same inputs for both: the 24 hourly shares (peakPatternType, k ≤ 6), the 31 hourly and
 * weekday shares (timeBasedClusters, k ≤ 8), and dayOfWeekCV as one score (three score-class columns' worth).
 * Run after {@code mvn -pl shared test-compile}:
 * {@code java -cp shared/target/test-classes:shared/target/classes:<dependency classpath> org.gpkg311.bench.CategoriesBenchmark}.
 */
public final class CategoriesBenchmark {

    private CategoriesBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("categories-bench");
        SampleCity.Written w = SampleCity.write(dir, SampleCity.DEFAULT_SEED);
        List<District> districts;
        try (InputStream in = Files.newInputStream(w.districts())) {
            districts = DistrictLoader.load(in, w.districts().toString(), DistrictFields.nashville());
        }
        List<RawSource> sources = new ArrayList<>();
        for (Path p : w.rawFiles()) sources.add(RawSource.of(p));
        Snapshot snapshot = SnapshotBuilder.build(sources, districts, CityProfile.nashville(), null,
                Instant.parse("2026-01-01T00:00:00Z"), "bench");
        SnapshotSeries series = SnapshotSeries.compute(snapshot);
        PeakHourMetrics peak = PeakHourMetrics.compute(series, 311);
        TemporalMetrics temporal = TemporalMetrics.compute(series, 311);
        int n = districts.size();
        Double[][] hours = peak.hourShares();
        Double[][] profile = new Double[n][31];
        for (int i = 0; i < n; i++) {
            System.arraycopy(hours[i], 0, profile[i], 0, 24);
            System.arraycopy(temporal.dayShares()[i], 0, profile[i], 24, 7);
        }
        Double[] cv = temporal.dayOfWeekCV();
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        boolean[] share24 = new boolean[24], share31 = new boolean[31];
        Arrays.fill(share24, true);
        Arrays.fill(share31, true);
        FeatureWords words = new FeatureWords(List.of(FeatureWords.Word.of(0, "Low", "High")));
        List<String> names24 = java.util.stream.IntStream.range(0, 24).mapToObj(h -> "h" + h).toList();
        List<String> names31 = java.util.stream.IntStream.range(0, 31).mapToObj(h -> "f" + h).toList();

        Runnable before = () -> {
            SilhouetteCategories.categorize(hours, peak.peakToMeanRatio(), 6, 311);
            SilhouetteCategories.categorize(profile, peak.businessHoursShare(), 8, 311);
            Double[][] one = new Double[n][];
            for (int i = 0; i < n; i++) one[i] = new Double[] {cv[i]};
            for (int r = 0; r < 3; r++) SilhouetteCategories.categorize(one, cv, 6, 311);
        };
        Runnable after = () -> {
            ProfileGroups.of(hours, all, new ProfileGroups.Setup(names24, share24, c -> c[0], 6, words, 311));
            ProfileGroups.of(profile, all, new ProfileGroups.Setup(names31, share31, c -> c[0], 8, words, 311));
            for (int r = 0; r < 3; r++) ScoreClasses.of(cv, "variation");
        };
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());
        System.out.println("Revision 2 (silhouette categories): " + time(before));
        System.out.println("Revision 3 (score classes + profile groups): " + time(after));
        ProfileGroups g = ProfileGroups.of(hours, all, new ProfileGroups.Setup(names24, share24, c -> c[0], 6, words, 311));
        System.out.println("sample city hourly profile groups: " + g.describe());
    }

    /** Median of 7 warm runs after 3 warm-ups: wall and this thread's CPU time, in milliseconds. */
    private static String time(Runnable r) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) r.run();
        double[] wall = new double[7], own = new double[7];
        for (int i = 0; i < wall.length; i++) {
            long s = System.nanoTime(), c = cpu.getCurrentThreadCpuTime();
            r.run();
            wall[i] = (System.nanoTime() - s) / 1e6;
            own[i] = (cpu.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(own);
        return String.format("%.1f ms wall, %.1f ms CPU", wall[wall.length / 2], own[own.length / 2]);
    }
}
