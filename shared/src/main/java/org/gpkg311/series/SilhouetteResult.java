package org.gpkg311.series;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.gpkg311.provenance.Provenance;
import org.gpkg311.stats.SilhouetteCategories;

/**
 * Silhouette categories (k-means++ on z-scored features, k by the highest mean silhouette) as the
 * time generators use them, with the provenance every such category needs: k range, seed, the mean
 * silhouette of every k tried and the chosen k, or why no clustering was done.
 *
 * @param k                 chosen k, or 0 when no clustering was done (fewer than 3 districts with every feature, …)
 * @param cluster           per district 0..k−1, ordered by the ordering feature (ascending); null when undefined
 * @param label             the stats toolkit's ordinal label per district; null when undefined
 * @param silhouette        per district silhouette −1..1; null when undefined
 * @param meanSilhouetteByK mean silhouette of every k tried
 * @param centroidsRaw      [cluster][feature] in raw units, clusters in the same order as {@code cluster}
 * @param reason            why no clustering was done, or null
 * @param distanceToCentroid per district the Euclidean distance to its cluster's centroid in the z-scored space; null when undefined
 * @param secondBestCluster per district the cluster 0..k−1 with the nearest other centroid (same space); null when undefined
 */
public record SilhouetteResult(int k, Integer[] cluster, String[] label, Double[] silhouette,
                               Map<Integer, Double> meanSilhouetteByK, double[][] centroidsRaw, String reason,
                               Double[] distanceToCentroid, Integer[] secondBestCluster) {

    /** The spec's k range for silhouette categories: 2 .. min(6, n − 1). */
    public static final int MAX_K = 6;
    public static SilhouetteResult of(Double[][] features, Double[] orderBy, int maxK, long seed) {
        var c = SilhouetteCategories.categorize(features, orderBy, maxK, seed);
        return new SilhouetteResult(c.k(), c.cluster(), c.label(), c.silhouette(),
                new LinkedHashMap<>(c.meanSilhouetteByK()), c.centroidsRaw(), c.reason(),
                c.distanceToCentroid(), c.secondBestCluster());
    }

    public boolean clustered() {
        return reason == null;
    }

    /** Districts in each cluster 0..k−1. */
    public int[] sizes() {
        int[] size = new int[k];
        for (Integer c : cluster) if (c != null) size[c]++;
        return size;
    }

    /**
     * Adds {@code <key>K}, {@code <key>KRange}, {@code <key>Seed}, {@code <key>Method}, {@code <key>SilhouetteByK} and
     * {@code <key>Features}/{@code <key>OrderedBy} to the provenance.
     */
    public void addTo(Provenance p, String key, String what, String features, String orderedBy, int maxK, long seed) {
        p.add(key + "Features", features, "Features of the k-means clustering behind " + what + " (z-scored across districts).");
        p.add(key + "OrderedBy", orderedBy, "Clusters of " + what + " are ordered (and labelled) by the mean of this value, ascending.");
        p.add(key + "KRange", "2 .. min(" + maxK + ", n − 1)", "Convention: k-means++ k range for " + what + "; the k with the highest mean silhouette wins.");
        p.add(key + "Seed", seed, "Random seed of the k-means++ restarts (a rerun gives the same clusters).");
        p.add(key + "Method", SilhouetteCategories.METHOD, "How the silhouette categories of " + what + " are computed (restarts, iterations, tie rules).");
        if (!clustered()) {
            p.add(key + "K", null, "No clustering for " + what + ": " + reason + ".");
            return;
        }
        StringJoiner byK = new StringJoiner("; ");
        meanSilhouetteByK.forEach((kk, s) -> byK.add("k=" + kk + ": " + Provenance.format(s)));
        p.add(key + "SilhouetteByK", byK.toString(), "Mean silhouette of every k tried for " + what + ".");
        p.add(key + "K", k, "Chosen number of clusters for " + what + " (highest mean silhouette).");
        p.add(key + "Silhouette", meanSilhouetteByK.get(k), "Mean silhouette of the chosen k for " + what + ".");
    }
}
