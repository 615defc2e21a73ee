package org.gpkg311.generator.peakhour;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gpkg311.series.Daypart;

/**
 * Names the clusters of 24-hour profiles by their centroid's busiest daypart ("Morning peak", …);
 * clusters that share a daypart add ", sharp" / ", broad" by the centroid's peak-to-mean ratio
 * (highest = sharp, lowest = broad, any in between = moderate).
 */
public final class PeakPatternNames {

    private PeakPatternNames() {}

    /** Peak-to-mean ratio of a 24-hour profile: its highest hour over its hourly mean. */
    public static double peakToMean(double[] hourly) {
        double sum = 0, max = Double.NEGATIVE_INFINITY;
        for (double v : hourly) { sum += v; max = Math.max(max, v); }
        return sum == 0 ? 0 : max / (sum / hourly.length);
    }

    /** One name per centroid (centroids are 24 hourly shares each). */
    public static String[] of(double[][] centroids) {
        String[] names = new String[centroids.length];
        Map<Daypart, List<Integer>> groups = new LinkedHashMap<>();
        for (int c = 0; c < centroids.length; c++) {
            groups.computeIfAbsent(Daypart.busiest(centroids[c]), p -> new ArrayList<>()).add(c);
        }
        groups.forEach((part, members) -> {
            String base = part.peakName();
            if (members.size() == 1) {
                names[members.get(0)] = base;
                return;
            }
            List<Integer> byRatio = new ArrayList<>(members);
            byRatio.sort(Comparator.comparingDouble((Integer c) -> peakToMean(centroids[c])).thenComparingInt(c -> c));
            int last = byRatio.size() - 1;
            for (int r = 0; r <= last; r++) {
                String shape = r == 0 ? "broad" : r == last ? "sharp" : last == 2 ? "moderate" : "moderate " + r;
                names[byRatio.get(r)] = base + ", " + shape;
            }
        });
        return names;
    }
}
