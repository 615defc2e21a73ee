package org.gpkg311.stats;

/** Silhouette coefficient per point, as scikit-learn's silhouette_samples (a point alone in its cluster gets 0). */
final class Silhouette {

    private Silhouette() {}

    /**
     * @param dist   symmetric distance matrix
     * @param assign cluster 0..k−1 per point
     */
    static double[] of(double[][] dist, int[] assign, int k) {
        int n = assign.length;
        int[] size = new int[k];
        for (int c : assign) size[c]++;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            int own = assign[i];
            if (size[own] <= 1) continue; // s = 0
            double[] sum = new double[k];
            for (int j = 0; j < n; j++) if (j != i) sum[assign[j]] += dist[i][j];
            double a = sum[own] / (size[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) if (c != own && size[c] > 0) b = Math.min(b, sum[c] / size[c]);
            double max = Math.max(a, b);
            s[i] = max == 0 ? 0.0 : (b - a) / max;
        }
        return s;
    }
}
