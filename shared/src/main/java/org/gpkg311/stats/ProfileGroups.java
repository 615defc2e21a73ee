package org.gpkg311.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;

/**
 * Profile groups (docs/methods.md#profile-groups): districts alike on several features.
 *
 * <ul>
 *   <li>Features constant over the eligible districts (12 digits) are dropped; share features enter as √share
 *       (Hellinger, not z-scored), the others as z-scores (population SD).</li>
 *   <li>k-means++ with {@value #RESTARTS} seeded restarts per k, the lowest within-cluster sum of squares kept;
 *       k from 2 to min(maxK, eligible − 1, distinct profiles) by the highest mean silhouette (ties at 12 digits
 *       to the smaller k).</li>
 *   <li>No structure ("No distinct groups", NULL confidence): fewer than 4 eligible districts, the gap statistic
 *       not preferring two or more groups ({@link GapStatistic}), or a best mean silhouette below
 *       {@value #MIN_SILHOUETTE}.</li>
 *   <li>Groups are numbered 1..k ascending by the order value of their centroid (the mean of the members' raw
 *       features), by size (largest first) where that ties, and named by a {@link Namer}; names that still
 *       collide get " (group N)".</li>
 * </ul>
 *
 * @param k                 groups formed; 0 with no structure or too few eligible districts
 * @param group             1..k per district; null when not grouped
 * @param label             the group's name, "No distinct groups" or "Too few requests" (an ineligible district);
 *                          null for a district with an undefined feature
 * @param confidence        the district's silhouette in its group (−1..1); null when not grouped
 * @param distanceToCentroid Euclidean distance to its group's centroid in the clustering space
 * @param secondBestGroup   the group whose centroid is nearest after its own; null when not grouped or k &lt; 2
 * @param names             the group names, index group − 1
 * @param size              members per group, index group − 1
 * @param centroidRaw       [group − 1][feature]: mean of the members' raw features (every feature, dropped ones too)
 * @param centroidZ         [group − 1][feature]: z of the centroid over the clustered districts (0 for a constant feature)
 * @param meanSilhouetteByK mean silhouette of every k tried
 * @param gap               the gap statistic for k = 1..3 (null when not computed)
 * @param decision          which rule decided, for the provenance
 * @param eligible          districts in the clustering
 * @param dropped           names of the features dropped as constant
 */
public record ProfileGroups(int k, Integer[] group, String[] label, Double[] confidence, Double[] distanceToCentroid,
                            Integer[] secondBestGroup, String[] names, int[] size, double[][] centroidRaw,
                            double[][] centroidZ, LinkedHashMap<Integer, Double> meanSilhouetteByK, GapStatistic gap,
                            String decision, int eligible, List<String> dropped, long seed) {

    public static final int RESTARTS = 50;
    public static final double MIN_SILHOUETTE = 0.25;
    public static final int MIN_ELIGIBLE = 4;
    /** Cochran's rule: at least this many requests per share on average (120 for 24 hourly shares). */
    public static final int REQUESTS_PER_SHARE = 5;
    public static final String NO_DISTINCT_GROUPS = "No distinct groups";
    public static final String TOO_FEW_REQUESTS = "Too few requests";
    public static final String TYPICAL = "Typical";

    /** One sentence for the provenance of every file with a profile-group column. */
    public static final String METHOD = "profile groups: constant features dropped, shares as sqrt(share) (Hellinger), "
            + "other features z-scored (population SD); k-means++ with " + RESTARTS + " seeded restarts per k "
            + "keeping the lowest within-cluster sum of squares; k by the highest mean silhouette (ties to the "
            + "smaller k); \"" + NO_DISTINCT_GROUPS + "\" with fewer than " + MIN_ELIGIBLE + " eligible districts, "
            + "when the gap statistic (Tibshirani, Walther & Hastie 2001; B = " + GapStatistic.REFERENCE_SETS
            + " seeded uniform reference sets over the principal-component box, each clustered with "
            + GapStatistic.REFERENCE_RESTARTS + " restarts) has Gap(1) >= Gap(2) - s2, or when the best mean "
            + "silhouette is below " + MIN_SILHOUETTE + " (Kaufman & Rousseeuw)";

    /** Names the groups from their centroids; groups come in their final numbering. */
    @FunctionalInterface
    public interface Namer {
        String[] names(double[][] centroidRaw, double[][] centroidZ, int[] size);
    }

    /**
     * What to cluster.
     *
     * @param features names, one per feature column
     * @param share    true for a share feature (Hellinger transform)
     * @param orderBy  the ordering value of a group from its raw centroid
     * @param maxK     largest k (6, or 8 for timeBasedClusters)
     */
    public record Setup(List<String> features, boolean[] share, ToDoubleFunction<double[]> orderBy, int maxK,
                        Namer namer, long seed) {}

    /** The minimum of requests for a clustering over {@code shares} share features (Cochran: 5 per share). */
    public static int minimumRequests(int shares) {
        return REQUESTS_PER_SHARE * shares;
    }

    /**
     * @param features [district][feature] raw values; a row with a null is left out (label null)
     * @param eligible false for a district below the minimum of requests ("Too few requests")
     */
    public static ProfileGroups of(Double[][] features, boolean[] eligible, Setup setup) {
        int n = features.length, p = setup.features().size();
        List<Integer> in = new ArrayList<>();
        String[] label = new String[n];
        for (int i = 0; i < n; i++) {
            if (!eligible[i]) label[i] = TOO_FEW_REQUESTS;
            else if (Arrays.stream(features[i]).noneMatch(v -> v == null)) in.add(i);
        }
        int m = in.size();
        int[] items = in.stream().mapToInt(Integer::intValue).toArray();
        double[][] raw = new double[m][p];
        for (int a = 0; a < m; a++) for (int f = 0; f < p; f++) raw[a][f] = features[items[a]][f];
        Builder b = new Builder(n, items, raw, label, setup);
        if (m < MIN_ELIGIBLE) return b.none("fewer than " + MIN_ELIGIBLE + " eligible districts (" + m + ")", null);
        double[][] x = b.transform();
        if (x[0].length == 0) return b.none("every feature is constant over the eligible districts", null);
        int distinct = distinctRows(x);
        int maxK = Math.min(Math.min(setup.maxK(), m - 1), distinct);
        if (maxK < 2) return b.none("fewer than 2 distinct profiles", null);

        int kTop = Math.max(maxK, Math.min(3, distinct));
        KMeansPlusPlus.Partition[] part = new KMeansPlusPlus.Partition[kTop + 1];
        for (int k = 1; k <= kTop; k++) part[k] = KMeansPlusPlus.best(x, k, RESTARTS, setup.seed());
        double[] logW = new double[Math.min(3, distinct)];
        for (int k = 1; k <= logW.length; k++) logW[k - 1] = Math.log(part[k].sse());
        GapStatistic gap = GapStatistic.of(x, logW, setup.seed() ^ 0x5DEECE66DL);

        double[][] dist = new double[m][m];
        for (int a = 0; a < m; a++) for (int c = a + 1; c < m; c++) dist[a][c] = dist[c][a] = ZScores.distance(x[a], x[c]);
        int bestK = 0;
        double[] bestSil = null;
        for (int k = 2; k <= maxK; k++) {
            double[] s = Silhouette.of(dist, part[k].assign(), k);
            double mean = Arrays.stream(s).average().orElseThrow();
            b.meanByK.put(k, mean);
            if (bestSil == null || Ties.greater(mean, b.meanByK.get(bestK))) {
                bestK = k;
                bestSil = s;
            }
        }
        if (!gap.prefersGroups()) return b.none("the gap statistic does not prefer two or more groups (Gap(1) >= Gap(2) - s2)", gap);
        if (b.meanByK.get(bestK) < MIN_SILHOUETTE) {
            return b.none("the best mean silhouette " + fmt(b.meanByK.get(bestK)) + " (k = " + bestK + ") is below "
                    + MIN_SILHOUETTE, gap);
        }
        return b.groups(x, bestK, part[bestK].assign(), bestSil, gap);
    }

    private static int distinctRows(double[][] x) {
        Set<List<Double>> rows = new HashSet<>();
        for (double[] r : x) rows.add(Arrays.stream(Ties.keys(r)).boxed().toList());
        return rows.size();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** The provenance text: the deciding rule, Gap(1..3), s1..3, the silhouette of every k, restarts and seed. */
    public String describe() {
        StringJoiner s = new StringJoiner("; ");
        s.add(k > 0 ? "k = " + k + " (" + String.join(", ", names) + ")" : NO_DISTINCT_GROUPS);
        s.add("decided by: " + decision);
        s.add("eligible districts: " + eligible);
        if (!dropped.isEmpty()) s.add("dropped as constant: " + String.join(", ", dropped));
        if (gap != null) {
            StringJoiner g = new StringJoiner(", ");
            for (int i = 0; i < gap.gap().length; i++) g.add("Gap(" + (i + 1) + ") = " + fmt(gap.gap()[i]) + " (s = " + fmt(gap.s()[i]) + ")");
            s.add(g.toString());
        }
        StringJoiner byK = new StringJoiner(", ");
        meanSilhouetteByK.forEach((kk, v) -> byK.add("k=" + kk + ": " + fmt(v)));
        if (!meanSilhouetteByK.isEmpty()) s.add("mean silhouette " + byK);
        s.add(RESTARTS + " restarts per k, seed " + seed);
        return s.toString();
    }

    /** Collects the pieces of a result. */
    private static final class Builder {
        final int n;
        final int[] items;
        final double[][] raw;
        final String[] label;
        final Setup setup;
        final LinkedHashMap<Integer, Double> meanByK = new LinkedHashMap<>();
        final List<String> dropped = new ArrayList<>();
        double[] rawMean, rawSd;

        Builder(int n, int[] items, double[][] raw, String[] label, Setup setup) {
            this.n = n;
            this.items = items;
            this.raw = raw;
            this.label = label;
            this.setup = setup;
        }

        double[][] transform() {
            int m = raw.length, p = raw[0].length;
            rawMean = new double[p];
            rawSd = new double[p];
            List<Integer> kept = new ArrayList<>();
            for (int f = 0; f < p; f++) {
                for (double[] r : raw) rawMean[f] += r[f] / m;
                double ss = 0;
                for (double[] r : raw) ss += (r[f] - rawMean[f]) * (r[f] - rawMean[f]);
                rawSd[f] = Math.sqrt(ss / m);
                final int ff = f;
                if (Arrays.stream(raw).mapToDouble(r -> Ties.key(r[ff])).distinct().count() > 1) kept.add(f);
                else dropped.add(setup.features().get(f));
            }
            double[][] x = new double[m][kept.size()];
            for (int j = 0; j < kept.size(); j++) {
                int f = kept.get(j);
                for (int a = 0; a < m; a++) {
                    x[a][j] = setup.share()[f] ? Math.sqrt(Math.max(0, raw[a][f])) : (raw[a][f] - rawMean[f]) / rawSd[f];
                }
            }
            return x;
        }

        ProfileGroups none(String why, GapStatistic gap) {
            for (int i : items) label[i] = NO_DISTINCT_GROUPS;
            return new ProfileGroups(0, new Integer[n], label, new Double[n], new Double[n], new Integer[n], new String[0],
                    new int[0], new double[0][], new double[0][], meanByK, gap, why, items.length, dropped, setup.seed());
        }

        ProfileGroups groups(double[][] x, int k, int[] assign, double[] sil, GapStatistic gap) {
            int m = items.length, p = raw[0].length;
            double[][] cRaw = KMeansPlusPlus.means(raw, assign, k);
            double[][] cX = KMeansPlusPlus.means(x, assign, k);
            int[] size = new int[k];
            int[] first = new int[k];
            Arrays.fill(first, Integer.MAX_VALUE);
            for (int a = 0; a < m; a++) {
                size[assign[a]]++;
                first[assign[a]] = Math.min(first[assign[a]], a);
            }
            double[] order = new double[k];
            for (int c = 0; c < k; c++) order[c] = setup.orderBy().applyAsDouble(cRaw[c]);
            Integer[] byOrder = new Integer[k];
            for (int c = 0; c < k; c++) byOrder[c] = c;
            Arrays.sort(byOrder, Comparator.<Integer>comparingDouble(c -> Ties.key(order[c]))
                    .thenComparing(c -> -size[c]).thenComparingInt(c -> first[c]));
            int[] number = new int[k];
            for (int r = 0; r < k; r++) number[byOrder[r]] = r;
            double[][] centroidRaw = new double[k][], centroidZ = new double[k][];
            int[] sizeOut = new int[k];
            for (int c = 0; c < k; c++) {
                int r = number[c];
                centroidRaw[r] = cRaw[c];
                sizeOut[r] = size[c];
                centroidZ[r] = new double[p];
                for (int f = 0; f < p; f++) centroidZ[r][f] = rawSd[f] == 0 || dropped.contains(setup.features().get(f))
                        ? 0 : (cRaw[c][f] - rawMean[f]) / rawSd[f];
            }
            String[] names = distinct(setup.namer().names(centroidRaw, centroidZ, sizeOut));
            Integer[] group = new Integer[n];
            Double[] conf = new Double[n], distance = new Double[n];
            Integer[] second = new Integer[n];
            for (int a = 0; a < m; a++) {
                int i = items[a], own = assign[a];
                group[i] = number[own] + 1;
                label[i] = names[number[own]];
                conf[i] = sil[a];
                distance[i] = ZScores.distance(x[a], cX[own]);
                double nearest = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double d = ZScores.distance(x[a], cX[c]);
                    if (c != own && d < nearest) {
                        nearest = d;
                        second[i] = number[c] + 1;
                    }
                }
            }
            return new ProfileGroups(k, group, label, conf, distance, second, names, sizeOut, centroidRaw, centroidZ,
                    meanByK, gap, "gap statistic prefers groups (Gap(1) < Gap(2) - s2) and the best mean silhouette "
                    + fmt(meanByK.get(k)) + " is at least " + MIN_SILHOUETTE, m, dropped, setup.seed());
        }

        /** The last resort of the distinctness rule: " (group N)" on every name that still collides. */
        private static String[] distinct(String[] names) {
            Map<String, Integer> count = new HashMap<>();
            for (String s : names) count.merge(s, 1, Integer::sum);
            String[] out = names.clone();
            for (int g = 0; g < names.length; g++) if (count.get(names[g]) > 1) out[g] = names[g] + " (group " + (g + 1) + ")";
            return out;
        }
    }
}
