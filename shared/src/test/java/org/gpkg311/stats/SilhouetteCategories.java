package org.gpkg311.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Revision 2's categories, kept in the test tree only as the "before" of CategoriesBenchmark (bench/categories.md);
 * the product uses ScoreClasses and ProfileGroups.
 *
 * The spec's "silhouette categories": k-means++ on z-scored features, k from 2 to min(maxK, n − 1) chosen by the
 * highest mean silhouette, clusters ordered by an ordering value and labelled with ordinal names.
 *
 * <ul>
 *   <li>An item takes part when every feature and its ordering value are defined; the others get nulls.</li>
 *   <li>z-scores use the population SD (ddof 0, as scikit-learn's StandardScaler); a feature constant across the
 *       items gets z = 0 everywhere.</li>
 *   <li>k never exceeds the number of distinct feature rows (k-means cannot fill more clusters).</li>
 *   <li>Each k: {@value KMeans#RESTARTS} k-means++ restarts from a seed derived from (seed, k); the lowest
 *       within-cluster sum of squares wins (first one on a tie), so a rerun is identical.</li>
 *   <li>Silhouette per item as scikit-learn (Euclidean on the z-scores; a point alone in its cluster gets 0);
 *       the k with the highest mean wins, a tie goes to the smaller k.</li>
 *   <li>Clusters are numbered 0..k−1 by the mean ordering value of their members, ascending (tie: the cluster
 *       holding the lowest item index first).</li>
 * </ul>
 */
public final class SilhouetteCategories {

    /**
     * @param k                  chosen number of clusters, 0 when no clustering was done
     * @param cluster            0..k−1 per item (ordered by the mean ordering value), null when not clustered
     * @param label              ordinal label per item ({@link #ordinalLabels}), null when not clustered
     * @param silhouette         per item, −1..1, null when not clustered
     * @param meanSilhouetteByK  mean silhouette for every k tried, in k order
     * @param centroidsRaw       [cluster][feature]: mean of the members' raw features, clusters in label order
     * @param reason             why no clustering was done, null when it was
     * @param distanceToCentroid per item, Euclidean distance (in z-scores) to its cluster's centroid
     * @param secondBestCluster  per item, the cluster (ordered numbering) whose centroid is nearest after its own
     */
    public record Categories(int k, Integer[] cluster, String[] label, Double[] silhouette,
                             LinkedHashMap<Integer, Double> meanSilhouetteByK, double[][] centroidsRaw,
                             String reason, Double[] distanceToCentroid, Integer[] secondBestCluster) {}

    /** k-means restarts per k (the lowest within-cluster SSE is kept). */
    public static final int RESTARTS = KMeans.RESTARTS;

    /** One sentence for the provenance of every file that uses silhouette categories. */
    public static final String METHOD = "k-means++ (Apache Commons Math, Lloyd iterations, at most "
            + KMeans.MAX_ITERATIONS + ") on z-scored features (population SD; a constant feature scores 0), "
            + KMeans.RESTARTS + " seeded restarts per k keeping the lowest within-cluster sum of squares; "
            + "k from 2 to min(maxK, n - 1) with the highest mean silhouette (Euclidean, a point alone in its "
            + "cluster scores 0, ties to the smaller k); clusters ordered by the mean of the ordering value";

    private SilhouetteCategories() {}

    public static Categories categorize(Double[][] features, Double[] orderBy, int maxK, long seed) {
        int n = features.length;
        if (orderBy.length != n) throw new IllegalArgumentException("orderBy has " + orderBy.length + " values, features " + n);
        if (maxK < 2) throw new IllegalArgumentException("maxK must be ≥ 2, got " + maxK);
        int[] items = definedItems(features, orderBy);
        int m = items.length;
        if (m < 3) return none(n, "fewer than 3 items with every feature defined (" + m + ")");
        double[][] raw = new double[m][];
        for (int a = 0; a < m; a++) raw[a] = unbox(features[items[a]]);
        double[][] z = ZScores.of(raw);
        int maxTried = Math.min(Math.min(maxK, m - 1), distinctRows(z));
        if (maxTried < 2) return none(n, "fewer than 2 distinct feature rows among " + m + " items");

        LinkedHashMap<Integer, Double> meanByK = new LinkedHashMap<>();
        Choice best = choose(z, maxTried, seed, meanByK);
        if (best == null) return none(n, "k-means found no partition");
        int[] rank = orderClusters(best.assign(), best.k(), items, orderBy);
        int[] ordered = new int[m];
        for (int a = 0; a < m; a++) ordered[a] = rank[best.assign()[a]];
        return result(n, items, raw, z, best.k(), ordered, best.silhouette(), meanByK);
    }

    /** The partition of the k with the highest mean silhouette (smaller k on a tie); fills meanByK. */
    private static Choice choose(double[][] z, int maxTried, long seed, LinkedHashMap<Integer, Double> meanByK) {
        double[][] dist = distances(z);
        Choice best = null;
        for (int k = 2; k <= maxTried; k++) {
            int[] assign = KMeans.best(z, k, seed);
            if (assign == null) continue;
            double[] s = Silhouette.of(dist, assign, k);
            double mean = Arrays.stream(s).average().orElseThrow();
            meanByK.put(k, mean);
            if (best == null || mean > best.meanSilhouette()) best = new Choice(k, assign, s, mean);
        }
        return best;
    }

    private record Choice(int k, int[] assign, double[] silhouette, double meanSilhouette) {}

    /** Spreads the clustering of the defined items (cluster numbers already ordered) over all n items. */
    private static Categories result(int n, int[] items, double[][] raw, double[][] z, int k, int[] cluster,
                                     double[] sil, LinkedHashMap<Integer, Double> meanByK) {
        double[][] centroidsRaw = memberMeans(raw, cluster, k);
        double[][] centroidsZ = memberMeans(z, cluster, k);
        String[] names = ScoreClasses.ordinalLabels(k);
        Integer[] clusterOut = new Integer[n];
        String[] label = new String[n];
        Double[] silhouette = new Double[n];
        Double[] distance = new Double[n];
        Integer[] second = new Integer[n];
        for (int a = 0; a < items.length; a++) {
            int i = items[a], own = cluster[a];
            clusterOut[i] = own;
            label[i] = names[own];
            silhouette[i] = sil[a];
            distance[i] = ZScores.distance(z[a], centroidsZ[own]);
            double nearest = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double d = ZScores.distance(z[a], centroidsZ[c]);
                if (c != own && d < nearest) {
                    nearest = d;
                    second[i] = c;
                }
            }
        }
        return new Categories(k, clusterOut, label, silhouette, meanByK, centroidsRaw, null, distance, second);
    }

    private static double[][] memberMeans(double[][] points, int[] cluster, int k) {
        double[][] mean = new double[k][points[0].length];
        int[] size = new int[k];
        for (int a = 0; a < points.length; a++) {
            size[cluster[a]]++;
            for (int f = 0; f < points[a].length; f++) mean[cluster[a]][f] += points[a][f];
        }
        for (int c = 0; c < k; c++) for (int f = 0; f < mean[c].length; f++) mean[c][f] /= size[c];
        return mean;
    }

    /** No clustering for any of n items, with the reason stated in the provenance (e.g. no feature to cluster on). */
    public static Categories notClustered(int n, String reason) {
        return none(n, reason);
    }

    private static Categories none(int n, String reason) {
        return new Categories(0, new Integer[n], new String[n], new Double[n], new LinkedHashMap<>(), new double[0][],
                reason, new Double[n], new Integer[n]);
    }

    private static int[] definedItems(Double[][] features, Double[] orderBy) {
        List<Integer> out = new ArrayList<>();
        int width = -1;
        for (int i = 0; i < features.length; i++) {
            Double[] row = features[i];
            if (row == null) continue;
            if (width < 0) width = row.length;
            else if (row.length != width) throw new IllegalArgumentException("item " + i + " has " + row.length + " features, expected " + width);
            if (orderBy[i] == null || Arrays.stream(row).anyMatch(v -> v == null)) continue;
            out.add(i);
        }
        if (width == 0) throw new IllegalArgumentException("no feature");
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] unbox(Double[] row) {
        double[] out = new double[row.length];
        for (int f = 0; f < row.length; f++) out[f] = row[f];
        return out;
    }

    private static int distinctRows(double[][] z) {
        Set<List<Double>> rows = new HashSet<>();
        for (double[] r : z) rows.add(Arrays.stream(r).boxed().toList());
        return rows.size();
    }

    private static double[][] distances(double[][] z) {
        int m = z.length;
        double[][] d = new double[m][m];
        for (int a = 0; a < m; a++) for (int b = a + 1; b < m; b++) d[a][b] = d[b][a] = ZScores.distance(z[a], z[b]);
        return d;
    }


    /** rank[c] = position of cluster c when sorted by the mean ordering value of its members. */
    private static int[] orderClusters(int[] assign, int k, int[] items, Double[] orderBy) {
        double[] sum = new double[k];
        int[] count = new int[k];
        int[] firstItem = new int[k];
        Arrays.fill(firstItem, Integer.MAX_VALUE);
        for (int a = 0; a < assign.length; a++) {
            int c = assign[a];
            sum[c] += orderBy[items[a]];
            count[c]++;
            firstItem[c] = Math.min(firstItem[c], items[a]);
        }
        Integer[] byOrder = new Integer[k];
        for (int c = 0; c < k; c++) byOrder[c] = c;
        Arrays.sort(byOrder, Comparator.<Integer>comparingDouble(c -> sum[c] / count[c]).thenComparingInt(c -> firstItem[c]));
        int[] rank = new int[k];
        for (int r = 0; r < k; r++) rank[byOrder[r]] = r;
        return rank;
    }
}
