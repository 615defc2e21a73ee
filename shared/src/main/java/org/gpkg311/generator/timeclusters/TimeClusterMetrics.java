package org.gpkg311.generator.timeclusters;

import org.gpkg311.generator.RunContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gpkg311.generator.peakhour.PeakHourMetrics;
import org.gpkg311.generator.temporal.TemporalMetrics;
import org.gpkg311.generator.volatility.VolatilityMetrics;
import org.gpkg311.geo.Contiguity;
import org.gpkg311.model.District;
import org.gpkg311.series.Daypart;
import org.gpkg311.stats.ProfileGroups;
import org.gpkg311.stats.Ties;

/**
 * Districts that behave alike in time (spec section 6): profile groups ({@link ProfileGroups}) of the
 * 24 hourly and 7 day-of-week shares as √share, k (2 .. min(8, n − 1)) by the highest mean silhouette,
 * numbered by the centroid's weekend share, "No distinct groups" when the gap statistic or the silhouette
 * finds none, "Too few requests" below Cochran's 155. Arrays are indexed like {@code snapshot.districts()}; null = undefined
 * (districts without requests have no profile and no cluster).
 *
 * @param clustering          the profile groups (group 1..k = clusterId)
 * @param clusterLabels       per cluster 0..k−1 its label, e.g. "Weekday mornings"
 * @param clusterId           per district 1..k
 * @param distanceToCentroid  Euclidean distance to the own cluster's centroid in the z-scored feature space
 * @param secondBestClusterId the nearest other cluster's centroid (same space), 1..k
 * @param clusterWeekendShare per cluster the centroid's weekend share (Saturday + Sunday shares)
 * @param clusterBusinessHoursShare per cluster the members' mean businessHoursShare
 * @param clusterPeakHour     per cluster the centroid's busiest hour (ties: earliest)
 * @param clusterSpreadKm     per cluster the mean geodesic distance of member centroids to their mean centre
 * @param clusterPieces       per cluster the number of queen-contiguous groups its districts form
 */
public record TimeClusterMetrics(TemporalMetrics temporal, PeakHourMetrics peakHour, VolatilityMetrics volatility,
                                 ProfileGroups clustering, String[] clusterLabels, Integer[] clusterId,
                                 Integer[] clusterSize, String[] clusterLabel, Double[] distanceToCentroid,
                                 Integer[] secondBestClusterId, double[] clusterWeekendShare,
                                 double[] clusterBusinessHoursShare, int[] clusterPeakHour, Double[] clusterSpreadKm,
                                 int[] clusterPieces) {

    /** The spec's largest k for timeBasedClusters: 2 .. min(8, n − 1). */
    public static final int MAX_K = 8;
    /** Queen contiguity tolerance of the spec. */
    public static final double QUEEN_TOLERANCE_METERS = 1.0;
    public static final int FEATURES = 24 + 7;
    /** Cochran's minimum for 24 hourly and 7 weekday shares: 155 requests. */
    public static final int MIN_REQUESTS = ProfileGroups.minimumRequests(FEATURES);
    static final List<String> FEATURE_NAMES = java.util.stream.Stream.concat(
            java.util.stream.IntStream.range(0, 24).mapToObj(h -> String.format("hour%02dShare", h)),
            java.util.stream.Stream.of("mondayShare", "tuesdayShare", "wednesdayShare", "thursdayShare", "fridayShare",
                    "saturdayShare", "sundayShare")).toList();

    /** The time clusters of a run, from its weekday, peak-hour and volatility facts. */
    public static final RunContext.Fact<TimeClusterMetrics> FACT = new RunContext.Fact<>("timeClusters",
            c -> compute(c.get(TemporalMetrics.FACT), c.get(PeakHourMetrics.FACT), c.get(VolatilityMetrics.FACT),
                    c.snapshot().districts(), c.settings().seed()));

    static TimeClusterMetrics compute(TemporalMetrics temporal, PeakHourMetrics peak, VolatilityMetrics volatility,
                                      List<District> districts, long seed) {
        int n = districts.size();
        Double[][] features = new Double[n][];
        boolean[] eligible = new boolean[n];
        double[] city = new double[FEATURES];
        double total = 0;
        for (int i = 0; i < n; i++) {
            features[i] = profile(peak.hourShares()[i], temporal.dayShares()[i]);
            int requests = 0;
            for (int d = 0; d < 7; d++) requests += temporal.dayCounts()[i][d];
            eligible[i] = requests >= MIN_REQUESTS;
            if (features[i][0] == null) continue;
            for (int f = 0; f < FEATURES; f++) city[f] += features[i][f] * requests;
            total += requests;
        }
        for (int f = 0; f < FEATURES; f++) city[f] = total == 0 ? 0 : city[f] / total;
        boolean[] share = new boolean[FEATURES];
        Arrays.fill(share, true);
        ProfileGroups clustering = ProfileGroups.of(features, eligible, new ProfileGroups.Setup(FEATURE_NAMES, share,
                TimeClusterMetrics::weekendShare, MAX_K, new CityContrast(city), seed));
        int k = clustering.k();
        Integer[] cluster = new Integer[n];
        for (int i = 0; i < n; i++) if (clustering.group()[i] != null) cluster[i] = clustering.group()[i] - 1;
        double[][] centroids = clustering.centroidRaw();
        int[] sizes = clustering.size();
        double[] weekendShare = new double[k], businessShare = new double[k];
        int[] peakHour = new int[k], pieces = new int[k];
        Double[] spread = new Double[k];
        int[][] neighbours = k == 0 ? null : Contiguity.queen(districts, QUEEN_TOLERANCE_METERS);
        for (int c = 0; c < k; c++) {
            weekendShare[c] = weekendShare(centroids[c]);
            peakHour[c] = Ties.argMax(Arrays.copyOf(centroids[c], 24));
            double sum = 0;
            for (int i = 0; i < n; i++) if (cluster[i] != null && cluster[i] == c) sum += peak.businessHoursShare()[i];
            businessShare[c] = sum / sizes[c];
            spread[c] = ClusterGeography.spreadKm(districts, cluster, c);
            pieces[c] = ClusterGeography.pieces(neighbours, cluster, c);
        }
        Integer[] size = new Integer[n];
        for (int i = 0; i < n; i++) if (cluster[i] != null) size[i] = sizes[cluster[i]];
        return new TimeClusterMetrics(temporal, peak, volatility, clustering, clustering.names(), clustering.group(), size,
                clustering.label(), clustering.distanceToCentroid(), clustering.secondBestGroup(),
                weekendShare, businessShare, peakHour, spread, pieces);
    }

    static double weekendShare(double[] profile) {
        return profile[24 + 5] + profile[24 + 6];
    }

    /** 24 hourly shares then Monday..Sunday shares; null without requests. */
    static Double[] profile(Double[] hourShares, Double[] dayShares) {
        if (hourShares[0] == null) return new Double[FEATURES];
        Double[] f = new Double[FEATURES];
        System.arraycopy(hourShares, 0, f, 0, 24);
        System.arraycopy(dayShares, 0, f, 24, 7);
        return f;
    }

    /**
     * Names a group by what sets its centroid apart from the citywide profile (docs/methods.md#timebasedclusters):
     * "Weekday" when its weekend share is below the city's, else "Weekend-heavy", then the daypart whose
     * centroid share is the largest multiple of the citywide share ("Weekday, mornings"). Names that collide add
     * the next daypart by that multiple; {@link ProfileGroups} numbers what still collides.
     */
    record CityContrast(double[] city) implements ProfileGroups.Namer {
        @Override
        public String[] names(double[][] centroidRaw, double[][] centroidZ, int[] size) {
            int k = centroidRaw.length;
            List<List<String>> ranked = new ArrayList<>();
            for (double[] c : centroidRaw) {
                String dayType = Ties.compare(weekendShare(c), weekendShare(city)) < 0 ? "Weekday" : "Weekend-heavy";
                Daypart[] parts = Daypart.values();
                double[] multiple = new double[parts.length];
                for (int p = 0; p < parts.length; p++) {
                    double cityShare = parts[p].sum(Arrays.copyOf(city, 24));
                    multiple[p] = cityShare == 0 ? 0 : parts[p].sum(Arrays.copyOf(c, 24)) / cityShare;
                }
                Integer[] order = new Integer[parts.length];
                for (int p = 0; p < order.length; p++) order[p] = p;
                Arrays.sort(order, (x, y) -> -Ties.compare(multiple[x], multiple[y]));
                List<String> words = new ArrayList<>(List.of(dayType));
                for (int p : order) words.add(parts[p].plural());
                ranked.add(words);
            }
            int[] used = new int[k];
            Arrays.fill(used, 2);
            String[] names = new String[k];
            while (true) {
                for (int g = 0; g < k; g++) names[g] = String.join(", ", ranked.get(g).subList(0, used[g]));
                Map<String, Integer> count = new HashMap<>();
                for (String s : names) count.merge(s, 1, Integer::sum);
                boolean grew = false;
                for (int g = 0; g < k; g++) {
                    if (count.get(names[g]) > 1 && used[g] < 3) {
                        used[g]++;
                        grew = true;
                    }
                }
                if (!grew) return names;
            }
        }
    }
}
