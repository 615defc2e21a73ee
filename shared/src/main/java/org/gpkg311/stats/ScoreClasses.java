package org.gpkg311.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Score classes (docs/methods.md#score-classes): an ordinal label of ONE score. The classes are the exact optimal
 * 1-D k-means partition ({@link OptimalKMeans1D}) for k from 2 to min({@value #MAX_K}, distinct values − 1), the
 * k with the highest mean silhouette (1-D, Euclidean; ties at 12 digits to the smaller k). Classes are
 * intervals of the score, so a higher score never carries a lower label. "No distinct groups" only when fewer
 * than 4 values or fewer than 3 distinct values are defined.
 *
 * @param k                 chosen number of classes; 0 when not classified
 * @param cls               0..k−1 per item (0 = lowest scores); null for a null score or when not classified
 * @param label             ordinal name + " " + noun ("Very high risk"); "No distinct groups" for a defined score
 *                          when not classified; null for a null score
 * @param silhouette        the item's 1-D silhouette in its class (−1..1); null when cls is null
 * @param meanSilhouetteByK mean silhouette of every k tried, in k order
 * @param bounds            [class][min, max] of the scores in each class, lowest class first
 * @param reason            why no classes were formed; null when they were
 */
public record ScoreClasses(int k, Integer[] cls, String[] label, Double[] silhouette,
                           LinkedHashMap<Integer, Double> meanSilhouetteByK, double[][] bounds, String reason) {

    public static final int MAX_K = 6;
    public static final String NO_DISTINCT_GROUPS = "No distinct groups";

    /** One sentence for the provenance of every file with a score-class column. */
    public static final String METHOD = "score classes: exact optimal 1-D k-means (Wang & Song 2011 dynamic programme, "
            + "the natural-breaks criterion) of the score, values equal to 12 significant digits never split, "
            + "equal sums of squares resolved towards the smallest top class; k from 2 to min(" + MAX_K
            + ", distinct values - 1) with the highest mean 1-D silhouette (ties to the smaller k); "
            + "\"" + NO_DISTINCT_GROUPS + "\" only for fewer than 4 values or fewer than 3 distinct values";

    /** Classes of the defined scores; {@code noun} is the column's noun ("risk", "volatility"). */
    public static ScoreClasses of(Double[] score, String noun) {
        int n = score.length;
        int[] items = java.util.stream.IntStream.range(0, n).filter(i -> score[i] != null).toArray();
        double[] v = new double[items.length];
        for (int a = 0; a < items.length; a++) v[a] = score[items[a]];
        int distinct = OptimalKMeans1D.distinct(v);
        if (v.length < 4 || distinct < 3) {
            String reason = v.length < 4 ? "fewer than 4 defined values (" + v.length + ")"
                    : "fewer than 3 distinct values (" + distinct + ")";
            String[] label = new String[n];
            for (int i : items) label[i] = NO_DISTINCT_GROUPS;
            return new ScoreClasses(0, new Integer[n], label, new Double[n], new LinkedHashMap<>(), new double[0][], reason);
        }
        double[] keys = Ties.keys(v);
        double[][] dist = new double[v.length][v.length];
        for (int a = 0; a < v.length; a++) for (int b = 0; b < v.length; b++) dist[a][b] = Math.abs(keys[a] - keys[b]);

        LinkedHashMap<Integer, Double> meanByK = new LinkedHashMap<>();
        int bestK = 0;
        int[] bestCls = null;
        double[] bestSil = null;
        for (int k = 2; k <= Math.min(MAX_K, distinct - 1); k++) {
            int[] cls = OptimalKMeans1D.of(v, k).cls();
            double[] s = Silhouette.of(dist, cls, k);
            double mean = Arrays.stream(s).average().orElseThrow();
            meanByK.put(k, mean);
            if (bestCls == null || Ties.greater(mean, meanByK.get(bestK))) {
                bestK = k;
                bestCls = cls;
                bestSil = s;
            }
        }
        String[] names = ordinalLabels(bestK);
        double[][] bounds = new double[bestK][] ;
        for (int c = 0; c < bestK; c++) bounds[c] = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        Integer[] cls = new Integer[n];
        String[] label = new String[n];
        Double[] sil = new Double[n];
        for (int a = 0; a < items.length; a++) {
            int c = bestCls[a], i = items[a];
            cls[i] = c;
            label[i] = names[c] + " " + noun;
            sil[i] = bestSil[a];
            bounds[c][0] = Math.min(bounds[c][0], v[a]);
            bounds[c][1] = Math.max(bounds[c][1], v[a]);
        }
        return new ScoreClasses(bestK, cls, label, sil, meanByK, bounds, null);
    }

    /** The label of class c (0 = lowest) of this result, e.g. "Low risk"; the labels of a k are fixed by k. */
    public String labelOf(int c, String noun) {
        return ordinalLabels(k)[c] + " " + noun;
    }

    /**
     * Every label a column of score classes of {@code noun} can hold, lowest first ("Very low risk" …
     * "Extreme risk"): the labels of each k are an ordered subset of these six.
     */
    public static List<String> ladder(String noun) {
        List<String> out = new ArrayList<>();
        for (String ordinal : ordinalLabels(MAX_K)) out.add(ordinal + " " + noun);
        return out;
    }

    /** Provenance text: the silhouette of every k tried, the chosen k and each class's [min, max]. */
    public String describe(String noun) {
        StringJoiner s = new StringJoiner("; ");
        if (reason != null) return NO_DISTINCT_GROUPS + ": " + reason;
        StringJoiner byK = new StringJoiner(", ");
        for (Map.Entry<Integer, Double> e : meanSilhouetteByK.entrySet()) {
            byK.add("k=" + e.getKey() + ": " + String.format(Locale.ROOT, "%.4f", e.getValue()));
        }
        s.add("k = " + k + " (mean silhouette " + byK + ")");
        for (int c = 0; c < k; c++) s.add(labelOf(c, noun) + " [" + bounds[c][0] + ", " + bounds[c][1] + "]");
        return s.toString();
    }

    /**
     * Ordinal labels low to high: 2 Low/High; 3 Low/Moderate/High; 4 adds "Very high"; 5 adds "Very low";
     * 6 adds "Extreme". Beyond 6 (only for callers that name clusters themselves): "Level 1" .. "Level k".
     */
    public static String[] ordinalLabels(int k) {
        return switch (k) {
            case 2 -> new String[] {"Low", "High"};
            case 3 -> new String[] {"Low", "Moderate", "High"};
            case 4 -> new String[] {"Low", "Moderate", "High", "Very high"};
            case 5 -> new String[] {"Very low", "Low", "Moderate", "High", "Very high"};
            case 6 -> new String[] {"Very low", "Low", "Moderate", "High", "Very high", "Extreme"};
            default -> {
                if (k < 2) throw new IllegalArgumentException("k must be ≥ 2, got " + k);
                String[] out = new String[k];
                for (int i = 0; i < k; i++) out[i] = "Level " + (i + 1);
                yield out;
            }
        };
    }
}
