package org.gpkg311.generator.timeclusters;

/**
 * The z-scored feature space the clustering works in (the stats toolkit's convention: population SD,
 * a feature constant across the clustered districts gets z = 0), so that distances to centroids are
 * measured where the clusters were formed.
 */
final class ZSpace {

    private final double[] mean;
    private final double[] sd;

    private ZSpace(double[] mean, double[] sd) {
        this.mean = mean;
        this.sd = sd;
    }

    /** Fitted on the rows that are not null (rows = districts, all features defined). */
    static ZSpace fit(double[][] rows) {
        int f = 0;
        int n = 0;
        for (double[] r : rows) if (r != null) { f = r.length; n++; }
        double[] mean = new double[f], sd = new double[f];
        for (double[] r : rows) if (r != null) for (int j = 0; j < f; j++) mean[j] += r[j] / n;
        for (double[] r : rows) if (r != null) for (int j = 0; j < f; j++) sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / n;
        for (int j = 0; j < f; j++) sd[j] = Math.sqrt(sd[j]);
        return new ZSpace(mean, sd);
    }

    double[] z(double[] raw) {
        double[] z = new double[raw.length];
        for (int j = 0; j < raw.length; j++) z[j] = sd[j] == 0 ? 0 : (raw[j] - mean[j]) / sd[j];
        return z;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) s += (a[j] - b[j]) * (a[j] - b[j]);
        return Math.sqrt(s);
    }
}
