package org.gpkg311.generator.peakhour;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gpkg311.series.Daypart;
import org.gpkg311.stats.ProfileGroups;
import org.gpkg311.stats.Quantiles;
import org.gpkg311.stats.Ties;

/**
 * Names peak-pattern groups (docs/methods.md#peakhourconsistency) by the daypart that CONTAINS the centroid's peak hour
 * ("Morning peak"), so a label never contradicts the peak hour its districts hold on average. Groups that share
 * a name become "Sharp …" when the centroid's peak-to-mean ratio is above the median of those groups, else
 * "Broad …"; names that still repeat add the peak hour ("Sharp morning peak at 09").
 */
public final class PeakPatternNames implements ProfileGroups.Namer {

    public static final PeakPatternNames INSTANCE = new PeakPatternNames();

    private PeakPatternNames() {}

    /** Peak-to-mean ratio of a 24-hour profile: its highest hour over its hourly mean. */
    public static double peakToMean(double[] hourly) {
        double sum = 0, max = Double.NEGATIVE_INFINITY;
        for (double v : hourly) { sum += v; max = Math.max(max, v); }
        return sum == 0 ? 0 : max / (sum / hourly.length);
    }

    /** The centroid's peak hour: its largest share (12 digits), the earliest hour on a tie. */
    public static int peakHour(double[] hourly) {
        return Ties.argMax(hourly);
    }

    @Override
    public String[] names(double[][] centroidRaw, double[][] centroidZ, int[] size) {
        return of(centroidRaw);
    }

    /** One name per centroid (24 hourly shares each). */
    public static String[] of(double[][] centroids) {
        int k = centroids.length;
        String[] names = new String[k];
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        for (int g = 0; g < k; g++) {
            names[g] = Daypart.of(peakHour(centroids[g])).peakName();
            byName.computeIfAbsent(names[g], x -> new ArrayList<>()).add(g);
        }
        for (List<Integer> same : byName.values()) {
            if (same.size() < 2) continue;
            double[] ratios = same.stream().mapToDouble(g -> peakToMean(centroids[g])).toArray();
            double median = Quantiles.median(ratios);
            for (int j = 0; j < same.size(); j++) {
                int g = same.get(j);
                String base = names[g];
                names[g] = (Ties.greater(ratios[j], median) ? "Sharp " : "Broad ") + Character.toLowerCase(base.charAt(0)) + base.substring(1);
            }
        }
        Map<String, Integer> count = new HashMap<>();
        for (String s : names) count.merge(s, 1, Integer::sum);
        for (int g = 0; g < k; g++) {
            if (count.get(names[g]) > 1) names[g] = names[g] + " at " + String.format("%02d", peakHour(centroids[g]));
        }
        return names;
    }
}
