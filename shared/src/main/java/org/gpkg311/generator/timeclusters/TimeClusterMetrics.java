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
import org.gpkg311.series.Peaks;
import org.gpkg311.series.SilhouetteResult;

/**
 * Districts that behave alike in time (spec section 6): k-means++ on the z-scored 24 hourly and 7
 * day-of-week shares, k (2 .. min(8, n − 1)) by the highest mean silhouette, clusters ordered by
 * their mean businessHoursShare. Arrays are indexed like {@code snapshot.districts()}; null = undefined
 * (districts without requests have no profile and no cluster).
 *
 * @param clustering          the silhouette clustering (cluster 0..k−1; clusterId = cluster + 1)
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
                                 SilhouetteResult clustering, String[] clusterLabels, Integer[] clusterId,
                                 Integer[] clusterSize, String[] clusterLabel, Double[] distanceToCentroid,
                                 Integer[] secondBestClusterId, double[] clusterWeekendShare,
                                 double[] clusterBusinessHoursShare, int[] clusterPeakHour, Double[] clusterSpreadKm,
                                 int[] clusterPieces) {

    /** The spec's largest k for timeBasedClusters: 2 .. min(8, n − 1). */
    public static final int MAX_K = 8;
    /** Queen contiguity tolerance of the spec. */
    public static final double QUEEN_TOLERANCE_METERS = 1.0;
    public static final int FEATURES = 24 + 7;

    /** The time clusters of a run, from its weekday, peak-hour and volatility facts. */
    public static final RunContext.Fact<TimeClusterMetrics> FACT = new RunContext.Fact<>("timeClusters",
            c -> compute(c.get(TemporalMetrics.FACT), c.get(PeakHourMetrics.FACT), c.get(VolatilityMetrics.FACT),
                    c.snapshot().districts(), c.settings().seed()));

    static TimeClusterMetrics compute(TemporalMetrics temporal, PeakHourMetrics peak, VolatilityMetrics volatility,
                                      List<District> districts, long seed) {
        int n = districts.size();
        Double[][] features = new Double[n][];
        for (int i = 0; i < n; i++) features[i] = profile(peak.hourShares()[i], temporal.dayShares()[i]);
        SilhouetteResult clustering = SilhouetteResult.of(features, peak.businessHoursShare(), MAX_K, seed);
        int k = clustering.k();
        Integer[] cluster = clustering.cluster();
        double[][] centroids = clustering.centroidsRaw();

        String[] labels = labels(centroids);
        int[] sizes = clustering.sizes();
        double[] weekendShare = new double[k], businessShare = new double[k];
        int[] peakHour = new int[k], pieces = new int[k];
        Double[] spread = new Double[k];
        int[][] neighbours = k == 0 ? null : Contiguity.queen(districts, QUEEN_TOLERANCE_METERS);
        for (int c = 0; c < k; c++) {
            weekendShare[c] = centroids[c][24 + 5] + centroids[c][24 + 6];
            double[] hourly = Arrays.copyOf(centroids[c], 24);
            peakHour[c] = Peaks.earliestMax(hourly);
            double sum = 0;
            for (int i = 0; i < n; i++) if (cluster[i] != null && cluster[i] == c) sum += peak.businessHoursShare()[i];
            businessShare[c] = sum / sizes[c];
            spread[c] = ClusterGeography.spreadKm(districts, cluster, c);
            pieces[c] = ClusterGeography.pieces(neighbours, cluster, c);
        }

        Integer[] id = new Integer[n], size = new Integer[n], second = new Integer[n];
        String[] label = new String[n];
        for (int i = 0; i < n; i++) {
            if (cluster[i] == null) continue;
            int c = cluster[i];
            id[i] = c + 1;
            size[i] = sizes[c];
            label[i] = labels[c];
            Integer other = clustering.secondBestCluster()[i];
            second[i] = other == null ? null : other + 1;
        }
        // distanceToCentroid and secondBestClusterId live in the clustering's own z-scored space.
        Double[] distance = clustering.distanceToCentroid();
        return new TimeClusterMetrics(temporal, peak, volatility, clustering, labels, id, size, label, distance, second,
                weekendShare, businessShare, peakHour, spread, pieces);
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
     * "Weekday mornings", "Weekend afternoons", …: the day type whose days hold the larger share per
     * day of the week (weekday share / 5 against weekend share / 2; a tie goes to Weekday) and the
     * busiest daypart of the centroid's hourly shares ({@link Daypart#busiest}). Clusters that would
     * share a label get " (cluster N)" appended.
     */
    static String[] labels(double[][] centroids) {
        int k = centroids.length;
        String[] base = new String[k];
        Map<String, Integer> uses = new HashMap<>();
        for (int c = 0; c < k; c++) {
            double weekday = 0;
            for (int d = 0; d < 5; d++) weekday += centroids[c][24 + d];
            double weekend = centroids[c][24 + 5] + centroids[c][24 + 6];
            String dayType = weekday / 5 >= weekend / 2 ? "Weekday" : "Weekend";
            Daypart part = Daypart.busiest(Arrays.copyOf(centroids[c], 24));
            base[c] = dayType + " " + part.plural();
            uses.merge(base[c], 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        for (int c = 0; c < k; c++) out.add(uses.get(base[c]) > 1 ? base[c] + " (cluster " + (c + 1) + ")" : base[c]);
        return out.toArray(new String[0]);
    }
}
