package org.gpkg311.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names profile groups by their centroid's distinguishing features: one word per feature whose centroid z is at
 * least {@value #MIN_Z} in absolute value, strongest first, at most two ("Dense, clustered"); "Typical" when
 * none is. Names that collide each add their next strongest feature's word until they differ (whatever its
 * |z|); what still collides is left to {@link ProfileGroups} (" (group N)").
 */
public final class FeatureWords implements ProfileGroups.Namer {

    public static final double MIN_Z = 0.5;
    private static final int MAX_WORDS = 2;

    /**
     * One naming feature: the word for a low and a high centroid. Several feature columns may count as one
     * (mixCategory: diversity and the flipped Herfindahl index); the one with the larger |z| speaks.
     *
     * @param features column indices; @param signs +1, or −1 for a column whose high value means the low word
     */
    public record Word(String low, String high, int[] features, int[] signs) {
        public static Word of(int feature, String low, String high) {
            return new Word(low, high, new int[] {feature}, new int[] {1});
        }

        /** Two columns as one word, the second with its sign flipped. */
        public static Word eitherFlipped(int feature, int flipped, String low, String high) {
            return new Word(low, high, new int[] {feature, flipped}, new int[] {1, -1});
        }

        double z(double[] centroidZ) {
            double best = 0;
            for (int j = 0; j < features.length; j++) {
                double z = signs[j] * centroidZ[features[j]];
                if (Math.abs(z) > Math.abs(best)) best = z;
            }
            return best;
        }

        String word(double z) {
            return z >= 0 ? high : low;
        }
    }

    private final List<Word> words;

    public FeatureWords(List<Word> words) {
        this.words = List.copyOf(words);
    }

    @Override
    public String[] names(double[][] centroidRaw, double[][] centroidZ, int[] size) {
        int k = centroidZ.length;
        List<List<String>> ranked = new ArrayList<>();
        int[] used = new int[k];
        for (double[] z : centroidZ) {
            Integer[] order = new Integer[words.size()];
            for (int w = 0; w < order.length; w++) order[w] = w;
            double[] zw = words.stream().mapToDouble(w -> w.z(z)).toArray();
            Arrays.sort(order, Comparator.<Integer>comparingDouble(w -> -Ties.key(Math.abs(zw[w]))));
            List<String> list = new ArrayList<>();
            for (int w : order) list.add(words.get(w).word(zw[w]));
            ranked.add(list);
            int strong = 0;
            for (int w : order) if (Ties.compare(Math.abs(zw[w]), MIN_Z) >= 0) strong++;
            used[ranked.size() - 1] = Math.min(MAX_WORDS, strong);
        }
        String[] names = new String[k];
        for (int g = 0; g < k; g++) names[g] = join(ranked.get(g), used[g]);
        // distinctness: every name in a collision adds its next word, until no more collide or words run out
        while (true) {
            Map<String, Integer> count = new HashMap<>();
            for (String s : names) count.merge(s, 1, Integer::sum);
            boolean grew = false;
            for (int g = 0; g < k; g++) {
                if (count.get(names[g]) > 1 && used[g] < ranked.get(g).size()) {
                    used[g]++;
                    grew = true;
                }
            }
            if (!grew) return names;
            for (int g = 0; g < k; g++) names[g] = join(ranked.get(g), used[g]);
        }
    }

    /** "Dense, clustered": the first word as given, the others in lower case; "Typical" for no word. */
    static String join(List<String> ranked, int count) {
        if (count == 0) return ProfileGroups.TYPICAL;
        StringBuilder s = new StringBuilder(ranked.get(0));
        for (int i = 1; i < count; i++) s.append(", ").append(ranked.get(i).toLowerCase(java.util.Locale.ROOT));
        return s.toString();
    }
}
