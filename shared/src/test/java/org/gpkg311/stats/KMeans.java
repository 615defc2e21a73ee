package org.gpkg311.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/** Seeded k-means++ (Commons Math) with restarts, keeping the partition with the lowest within-cluster SSE. */
final class KMeans {

    static final int RESTARTS = 10;
    static final int MAX_ITERATIONS = 300;

    private KMeans() {}

    private record Item(int index, double[] point) implements Clusterable {
        @Override
        public double[] getPoint() {
            return point;
        }
    }

    /**
     * Cluster index 0..k−1 per point (numbering as found, not ordered), or null when no restart filled k clusters.
     * The random generator is seeded from (seed, k) so that each k is reproducible on its own.
     */
    static int[] best(double[][] points, int k, long seed) {
        List<Item> items = new ArrayList<>(points.length);
        for (int i = 0; i < points.length; i++) items.add(new Item(i, points[i]));
        Well19937c random = new Well19937c(new int[] {(int) (seed >>> 32), (int) seed, k});
        KMeansPlusPlusClusterer<Item> clusterer =
                new KMeansPlusPlusClusterer<>(k, MAX_ITERATIONS, new EuclideanDistance(), random);
        int[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int r = 0; r < RESTARTS; r++) {
            List<CentroidCluster<Item>> clusters;
            try {
                clusters = clusterer.cluster(items);
            } catch (ConvergenceException | MathIllegalArgumentException e) {
                continue; // an empty cluster it could not refill: try the next start
            }
            if (clusters.size() != k || clusters.stream().anyMatch(c -> c.getPoints().isEmpty())) continue;
            int[] assign = new int[points.length];
            for (int c = 0; c < k; c++) for (Item it : clusters.get(c).getPoints()) assign[it.index()] = c;
            double sse = sse(points, assign, k);
            if (sse < bestSse) {
                bestSse = sse;
                best = assign;
            }
        }
        return best;
    }

    /** Within-cluster sum of squared distances to the members' mean. */
    static double sse(double[][] points, int[] assign, int k) {
        int p = points[0].length;
        double[][] mean = new double[k][p];
        int[] size = new int[k];
        for (int i = 0; i < points.length; i++) {
            size[assign[i]]++;
            for (int f = 0; f < p; f++) mean[assign[i]][f] += points[i][f];
        }
        for (int c = 0; c < k; c++) for (int f = 0; f < p; f++) mean[c][f] /= size[c];
        double s = 0;
        for (int i = 0; i < points.length; i++) {
            for (int f = 0; f < p; f++) {
                double d = points[i][f] - mean[assign[i]][f];
                s += d * d;
            }
        }
        return s;
    }
}
